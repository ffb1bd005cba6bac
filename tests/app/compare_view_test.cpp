// The compare view runs `estate compare` and shows comparison.json as written: the
// recommendation, bars per mode and the table of figures.
#include "app/compare/compare_view.h"

#include <gtest/gtest.h>

#include <QBarSet>
#include <QSignalSpy>
#include <QTableWidget>

#include "app/compare/comparison_figures.h"
#include "app/compare/mode_bar_chart.h"
#include "app/document/scenario_document.h"
#include "app/results/result_chart.h"
#include "app/run/cli_process.h"
#include "app/window/main_window.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;
using testing::SourcePath;

TEST(CompareViewTest, ShowsTheModesSideBySideAsComparisonJsonHasThem) {
  testing::StudioTestApp();
  studio::MainWindow window;
  ASSERT_TRUE(
      window.OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
          .ok());
  studio::CompareView* view = window.compare();
  view->SetDuration("10min");
  QSignalSpy ready(view, &studio::CompareView::comparisonReady);
  QSignalSpy finished(view->process(), &studio::CliProcess::finished);
  ASSERT_TRUE(view->StartCompare());
  ASSERT_TRUE(finished.wait(120000));
  ASSERT_EQ(ready.size(), 1) << window.last_error().toStdString();
  const std::string dir = ready[0][0].toString().toStdString();
  const json c = json::parse(testing::ReadFileOrEmpty(dir + "/comparison.json"));

  const std::vector<std::string> modes = {"strong", "sync-sites", "bounded-staleness", "session",
                                          "eventual"};
  EXPECT_EQ(studio::ComparedModes(c), modes);
  EXPECT_EQ(view->recommendation_text().toStdString(), c["recommendation"]["text"]);
  EXPECT_EQ(c["recommendation"]["mode"], "session");

  // Bars: write p99 in ms and availability in percent, mode by mode.
  QBarSet* write = view->write_latency()->bars();
  QBarSet* availability = view->availability()->bars();
  ASSERT_EQ(write->count(), 5);
  for (int i = 0; i < 5; ++i) {
    const json& m = c["modes"][modes[static_cast<size_t>(i)]];
    EXPECT_EQ(write->at(i), m["write_latency"]["p99_s"].get<double>() * 1e3) << modes[i];
    EXPECT_EQ(availability->at(i), m["availability"].get<double>() * 100) << modes[i];
  }
  EXPECT_GT(write->at(0), write->at(4));  // strong writes wait for a quorum; eventual's do not

  // The table: one column per mode, each figure's exact value behind its text.
  QTableWidget* table = view->table();
  ASSERT_EQ(table->columnCount(), 5);
  EXPECT_EQ(table->horizontalHeaderItem(2)->text(), "bounded-staleness");
  int checked = 0;
  for (int row = 0; row < table->rowCount(); ++row) {
    const QString figure = table->verticalHeaderItem(row)->text();
    for (int col = 0; col < 5; ++col) {
      const json& m = c["modes"][modes[static_cast<size_t>(col)]];
      const QVariant v = table->item(row, col)->data(Qt::UserRole);
      if (figure == "Write latency p99") {
        EXPECT_EQ(v.toDouble(), m["write_latency"]["p99_s"].get<double>());
        ++checked;
      } else if (figure == "GCS egress") {
        EXPECT_EQ(v.toDouble(), m["egress_bytes"].get<double>());
        ++checked;
      } else if (figure == "t-visibility at 100 ms") {
        EXPECT_EQ(v.toDouble(), m["t_visibility"]["fraction"]["100ms"].get<double>());
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 15);
  // Strong's t-visibility is 1 at every t > 0: ten points.
  const QList<QPointF> strong = view->t_visibility()->Series("strong")->points();
  ASSERT_EQ(strong.size(), 10);
  for (const QPointF& p : strong)
    EXPECT_EQ(p.y(), 1.0);
}

TEST(CompareViewTest, AnInvalidScenarioIsNotCompared) {
  testing::StudioTestApp();
  studio::MainWindow window;
  window.document()->Set("/workload/mix/read", 0.5, nullptr);
  EXPECT_FALSE(window.compare()->StartCompare());
  EXPECT_FALSE(window.compare()->process()->running());
  EXPECT_TRUE(window.last_error().contains(
      "untitled.json: /workload/mix: expected fractions that sum to 1, found a sum of 0.7"))
      << window.last_error().toStdString();
}

}  // namespace
}  // namespace estate

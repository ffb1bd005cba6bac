// Runs from the main window: the `estate run` child process, its progress, the dashboard
// showing exactly what the CLI wrote, cancelling, and the CLI's errors in a dialog.
#include <errno.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <QMessageBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <fstream>
#include <sstream>

#include "app/document/scenario_document.h"
#include "app/results/cache_mrc_chart.h"
#include "app/results/expectations_table.h"
#include "app/results/latency_cdf_chart.h"
#include "app/results/results_dashboard.h"
#include "app/results/timeseries_chart.h"
#include "app/run/cli_process.h"
#include "app/run/run_controller.h"
#include "app/run/run_panel.h"
#include "app/window/main_window.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;
using studio::MainWindow;
using testing::SourcePath;

constexpr uint64_t kSeed = 4242;
constexpr char kDuration[] = "10min";

// timeseries.csv read independently of the app: column name -> values (NaN for empty).
std::map<std::string, std::vector<double>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  std::stringstream header(line);
  for (std::string cell; std::getline(header, cell, ',');)
    names.push_back(cell);
  std::map<std::string, std::vector<double>> columns;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
      cells.push_back(line.substr(start, comma - start));
    cells.push_back(line.substr(start));
    for (size_t i = 0; i < names.size(); ++i)
      columns[names[i]].push_back(cells[i].empty() ? std::nan("") : std::stod(cells[i]));
  }
  return columns;
}

class StudioRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::StudioTestApp();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    ASSERT_TRUE(
        window_->OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
            .ok());
  }
  studio::RunPanel* panel() { return window_->run_panel(); }
  // Waits for the run to end and returns how.
  studio::RunOutcome WaitForRun(int timeout_ms) {
    QSignalSpy finished(panel()->controller(), &studio::RunController::finished);
    EXPECT_TRUE(finished.wait(timeout_ms)) << "the run did not finish";
    if (finished.isEmpty()) return {};
    return finished.takeFirst().at(0).value<studio::RunOutcome>();
  }

  std::unique_ptr<MainWindow> window_;
};

TEST_F(StudioRunTest, ARunsChartsEqualTheClisResultsForTheSameScenarioAndSeed) {
  panel()->SetDurationOverride(kDuration);
  panel()->SetSeedOverride(kSeed);
  ASSERT_TRUE(panel()->StartRun());
  const studio::RunOutcome outcome = WaitForRun(120000);
  ASSERT_EQ(outcome.exit_code, 0) << panel()->log_text().toStdString();
  EXPECT_EQ(panel()->progress_bar()->value(), panel()->progress_bar()->maximum());
  EXPECT_TRUE(panel()->log_text().contains("PASS  write_latency.strong.p99 < 80ms"));
  EXPECT_EQ(window_->pages()->currentWidget(), window_->dashboard());

  // The CLI on its own, same scenario file and seed.
  const std::string dir = testing::FreshDirectory("studio-run-cli");
  const testing::CliRun cli =
      testing::RunCli(ESTATE_CLI_PATH, {"run", SourcePath("scenarios/retail-gcp-two-site.json"),
                                        "--seed", std::to_string(kSeed), "--duration", kDuration,
                                        "--out", dir, "--progress", "none"});
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  const json result = json::parse(testing::ReadFileOrEmpty(dir + "/result.json"));
  const auto csv = ReadCsv(dir + "/timeseries.csv");
  ASSERT_EQ(result["run"]["seed"], kSeed);

  studio::ResultsDashboard* dashboard = window_->dashboard();
  // Latency CDFs: every mode's write latency, over all sites, then at site-a.
  dashboard->latency()->Select("write", "");
  int curves = 0;
  for (const char* mode : {"strong", "sync-sites", "bounded-staleness", "session", "eventual"}) {
    const json& stats = result["write_latency"][mode];
    if (stats["count"].get<int>() == 0) continue;
    QLineSeries* series = dashboard->latency()->chart()->Series(mode);
    ASSERT_NE(series, nullptr) << mode;
    const QList<QPointF> points = series->points();
    ASSERT_EQ(points.size(), 6) << mode;
    int i = 0;
    for (const auto& [key, fraction] : std::vector<std::pair<const char*, double>>{
             {"min", 0}, {"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"p99_9", 0.999}, {"max", 1}}) {
      EXPECT_EQ(points[i].x(), stats[key].get<double>() * 1e3) << mode << " " << key;
      EXPECT_EQ(points[i].y(), fraction);
      ++i;
    }
    ++curves;
  }
  EXPECT_GE(curves, 4);
  dashboard->latency()->Select("read", "site-a");
  const QList<QPointF> site_a = dashboard->latency()->chart()->Series("all")->points();
  EXPECT_EQ(site_a[3].x(),
            result["read_latency"]["by_site"]["site-a"]["all"]["p99"].get<double>() * 1e3);

  // Over time: each interval's lag and each link direction's bandwidth, in minutes.
  const auto expect_column = [&](studio::TimeseriesChart* chart, const QString& name,
                                 const std::string& column) {
    QLineSeries* series = chart->Series(name);
    ASSERT_NE(series, nullptr) << name.toStdString();
    const std::vector<double>& values = csv.at(column);
    const std::vector<double>& time = csv.at("time_s");
    const QList<QPointF> points = series->points();
    ASSERT_EQ(static_cast<size_t>(points.size()), values.size()) << column;
    ASSERT_EQ(values.size(), 600u);
    for (size_t i = 0; i < values.size(); ++i) {
      ASSERT_EQ(points[static_cast<int>(i)].y(), values[i]) << column << " row " << i;
      ASSERT_EQ(points[static_cast<int>(i)].x(), time[i] / 60) << column << " row " << i;
    }
  };
  expect_column(dashboard->replication_lag(), "metadata lag p99", "replication_lag_p99_s");
  expect_column(dashboard->link_bandwidth(), "gcp-us-central1\u2192site-a",
                "gcp-site-a:gcp-us-central1>site-a_gbps");
  expect_column(dashboard->link_bandwidth(), "site-b\u2192site-a",
                "site-a-site-b:site-b>site-a_gbps");
  EXPECT_EQ(dashboard->link_bandwidth()->AllLines().size(), 6u);

  // The MRC: site-b's curve point by point, sizes in TB.
  const json& curve = result["cache_sizing"]["site-b"]["curve"];
  const QList<QPointF> mrc = dashboard->cache_mrc()->Series("site-b")->points();
  ASSERT_EQ(static_cast<size_t>(mrc.size()), curve.size());
  for (size_t i = 0; i < curve.size(); ++i) {
    EXPECT_EQ(mrc[static_cast<int>(i)].x(), curve[i][0].get<double>() / 1e12);
    EXPECT_EQ(mrc[static_cast<int>(i)].y(), curve[i][1].get<double>());
  }

  // Expectations, each with its verdict and the CLI's words.
  studio::ExpectationsTable* expectations = dashboard->expectations();
  ASSERT_EQ(expectations->rowCount(), 4);
  for (int row = 0; row < 4; ++row) {
    const json& e = result["expectations"][static_cast<size_t>(row)];
    EXPECT_EQ(expectations->item(row, 0)->text().toStdString(), e["expectation"]);
    EXPECT_EQ(expectations->item(row, 1)->text(), e["pass"].get<bool>() ? "PASS" : "FAIL");
    EXPECT_EQ(expectations->item(row, 2)->text().toStdString(), e["message"]);
  }
}

TEST_F(StudioRunTest, CancellingALongRunLeavesNoChildProcess) {
  panel()->SetSeedOverride(kSeed);  // the scenario's full day: about 40 s
  QSignalSpy progressed(panel()->controller(), &studio::RunController::progressed);
  ASSERT_TRUE(panel()->StartRun());
  studio::CliProcess* child = panel()->controller()->process();
  ASSERT_TRUE(child->running());
  const qint64 pid = child->last_pid();
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(progressed.wait(30000)) << "no progress from the child";
  EXPECT_TRUE(panel()->progress_text().startsWith("Simulated "))
      << panel()->progress_text().toStdString();
  EXPECT_TRUE(panel()->progress_text().contains(" of 24h 00min, ETA "));
  EXPECT_EQ(::kill(static_cast<pid_t>(pid), 0), 0);  // running

  panel()->CancelRun();
  const studio::RunOutcome outcome = WaitForRun(studio::CliProcess::kKillAfterMs + 10000);
  EXPECT_TRUE(outcome.cancelled);
  EXPECT_FALSE(outcome.has_results());
  EXPECT_EQ(child->state(), QProcess::NotRunning);
  errno = 0;
  EXPECT_EQ(::kill(static_cast<pid_t>(pid), 0), -1);
  EXPECT_EQ(errno, ESRCH) << "the child (or its zombie) is still there";
  EXPECT_EQ(panel()->progress_text(), "Cancelled");
}

TEST_F(StudioRunTest, AnInvalidScenarioIsNotRunAndItsErrorIsShown) {
  window_->document()->Set("/links/1/latency", "soon", nullptr);
  EXPECT_FALSE(panel()->StartRun());
  EXPECT_FALSE(panel()->controller()->running());
  EXPECT_NE(window_->last_error().toStdString().find(
                "retail-gcp-two-site.json: /links/1/latency: expected a duration such as "
                "\"15ms\" or \"24h\", found \"soon\""),
            std::string::npos)
      << window_->last_error().toStdString();
}

TEST_F(StudioRunTest, TheClisOwnRejectionIsShownInTheErrorDialog) {
  panel()->SetDurationOverride("a while");
  ASSERT_TRUE(panel()->StartRun());
  const studio::RunOutcome outcome = WaitForRun(30000);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.error,
            "--duration: expected a positive duration such as 10min, found \"a while\"");
  EXPECT_EQ(window_->last_error(), outcome.error);
  EXPECT_NE(window_->findChild<QMessageBox*>("errorDialog"), nullptr);
}

}  // namespace
}  // namespace estate

// What-if: knobs rewrite only the runs' scenario copies, each change re-runs (cancelling a run
// still going), and the dashboard overlays the new run on the previous one.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>

#include "app/document/scenario_document.h"
#include "app/results/latency_cdf_chart.h"
#include "app/results/result_chart.h"
#include "app/results/results_dashboard.h"
#include "app/results/timeseries_chart.h"
#include "app/run/run_controller.h"
#include "app/whatif/what_if_panel.h"
#include "app/whatif/what_if_settings.h"
#include "app/window/main_window.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;
using studio::WhatIfSettings;
using testing::SourcePath;

json DefaultScenario() {
  return json::parse(testing::ReadFileOrEmpty(SourcePath("scenarios/retail-gcp-two-site.json")));
}

TEST(WhatIfSettingsTest, UntouchedKnobsLeaveTheScenarioAsItIs) {
  const json doc = DefaultScenario();
  const ScenarioParse parse = ParseScenario(doc.dump(), "s.json");
  ASSERT_TRUE(parse.ok());
  const WhatIfSettings base = studio::SettingsOf(parse.scenario);
  EXPECT_EQ(base.link_bandwidth_gbps.at("site-a-site-b"), 40.0);
  EXPECT_EQ(base.link_latency_ms.at("gcp-site-a"), 10.0);
  EXPECT_EQ(base.site_cache_tb.at("site-b"), 4000.0);
  EXPECT_EQ(base.site_cache_tb.count("gcp-us-central1"), 0u);
  EXPECT_EQ(base.write_share, 0.15);
  EXPECT_EQ(studio::ApplyWhatIf(doc, base, base), doc);
}

TEST(WhatIfSettingsTest, MovedKnobsRewriteTheirFieldsOnly) {
  const json doc = DefaultScenario();
  const WhatIfSettings base = studio::SettingsOf(ParseScenario(doc.dump(), "s.json").scenario);
  WhatIfSettings s = base;
  s.link_bandwidth_gbps["site-a-site-b"] = 12.5;
  s.link_latency_ms["gcp-site-b"] = 2.25;
  s.site_cache_tb["site-a"] = 0.5;
  s.write_share = 0.35;
  s.consistency = "eventual";
  s.sampling_rate = 0.001;
  const json out = studio::ApplyWhatIf(doc, base, s);
  EXPECT_EQ(out["links"][2]["bandwidth"], "12.5Gbps");
  EXPECT_EQ(out["links"][0]["bandwidth"], "100Gbps");
  EXPECT_EQ(out["links"][1]["latency"], "2.25ms");
  EXPECT_EQ(out["sites"][1]["cache"]["capacity"], "0.5TB");
  EXPECT_EQ(out["sites"][2]["cache"]["capacity"], "4PB");
  EXPECT_EQ(out["workload"]["mix"]["write"], 0.35);
  EXPECT_EQ(out["workload"]["mix"]["read"], 1.0 - 0.35 - 0.04 - 0.01);
  for (const json& mount : out["mounts"])
    EXPECT_EQ(mount["consistency"], "eventual");
  EXPECT_EQ(out["sampling_rate"], 0.001);
  EXPECT_TRUE(ParseScenario(out.dump(), "s.json").ok())
      << ParseScenario(out.dump(), "s.json").Messages()[0];
}

class WhatIfPanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::StudioTestApp();
    window_ = std::make_unique<studio::MainWindow>();
    ASSERT_TRUE(
        window_->OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
            .ok());
    panel_ = window_->what_if();
    panel_->SetSeed(7);
  }
  QDoubleSpinBox* Spin(const QString& name) {
    return qobject_cast<QDoubleSpinBox*>(panel_->knob(name));
  }

  std::unique_ptr<studio::MainWindow> window_;
  studio::WhatIfPanel* panel_ = nullptr;
};

TEST_F(WhatIfPanelTest, AChangeReRunsCancellingTheRunningOneAndOverlaysThePreviousRun) {
  QSignalSpy finished(panel_->controller(), &studio::RunController::finished);
  // The baseline: ten minutes.
  panel_->SetDuration("10min");
  ASSERT_TRUE(panel_->RerunNow());
  ASSERT_TRUE(finished.wait(60000));
  const auto baseline = finished.takeFirst().at(0).value<studio::RunOutcome>();
  ASSERT_EQ(baseline.exit_code, 0) << baseline.error.toStdString();

  // A change that starts a full day (about 40 s), then another change at once: the day is
  // cancelled and only the last change's run reports results.
  panel_->SetDuration("");
  Spin("bandwidth:site-a-site-b")->setValue(5);
  ASSERT_TRUE(panel_->RerunNow());
  ASSERT_TRUE(panel_->controller()->running());
  panel_->SetDuration("10min");
  Spin("cache:site-a")->setValue(100);
  ASSERT_TRUE(panel_->RerunNow());
  while (finished.size() < 2)
    ASSERT_TRUE(finished.wait(60000));
  const auto cancelled = finished.at(0).at(0).value<studio::RunOutcome>();
  const auto last = finished.at(1).at(0).value<studio::RunOutcome>();
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_FALSE(last.cancelled);
  ASSERT_EQ(last.exit_code, 0) << last.error.toStdString();

  // The run's copy carries both changes; the document does not.
  const json copy =
      json::parse(testing::ReadFileOrEmpty(last.out_dir.toStdString() + "/input.json"));
  EXPECT_EQ(copy["links"][2]["bandwidth"], "5Gbps");
  EXPECT_EQ(copy["sites"][1]["cache"]["capacity"], "100TB");
  EXPECT_EQ(window_->document()->Find("/links/2/bandwidth")->get<std::string>(), "40Gbps");
  EXPECT_FALSE(window_->document()->dirty());

  // The dashboard overlays the baseline (dashed) under the new run.
  studio::ResultsDashboard* dashboard = panel_->dashboard();
  ASSERT_TRUE(dashboard->previous().has_value());
  EXPECT_EQ(dashboard->previous()->dir, baseline.out_dir);
  EXPECT_EQ(dashboard->current()->dir, last.out_dir);
  const QString lag = "metadata lag p99";
  ASSERT_NE(dashboard->replication_lag()->Series(lag), nullptr);
  ASSERT_NE(dashboard->replication_lag()->Series(studio::ResultChart::PreviousName(lag)), nullptr);
  EXPECT_EQ(
      dashboard->replication_lag()->Series(studio::ResultChart::PreviousName(lag))->pen().style(),
      Qt::DashLine);
  dashboard->latency()->Select("write", "");
  EXPECT_NE(dashboard->latency()->chart()->Series("strong (previous)"), nullptr);
  EXPECT_EQ(panel_->status_text(), "Done: new run solid, previous run dashed.");
}

TEST_F(WhatIfPanelTest, AModeNoMountCanRunInIsRefusedWithTheReason) {
  // Every mount homed at GCP with no on-prem replica cannot order writes in sync-sites.
  nlohmann::ordered_json doc = window_->document()->json();
  for (auto& mount : doc["mounts"]) {
    mount["home"] = "gcp-us-central1";
    mount["replicas"] = nlohmann::ordered_json::array();
  }
  window_->document()->Replace(doc, nullptr);
  auto* mode = qobject_cast<QComboBox*>(panel_->knob("consistency"));
  ASSERT_NE(mode, nullptr);
  mode->setCurrentIndex(mode->findData("sync-sites"));
  EXPECT_FALSE(panel_->RerunNow());
  EXPECT_FALSE(panel_->controller()->running());
  EXPECT_TRUE(
      panel_->status_text().startsWith("what-if: /mounts/0: expected an on-prem home or replica"))
      << panel_->status_text().toStdString();
}

}  // namespace
}  // namespace estate

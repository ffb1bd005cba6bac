// The report model of the fixed run under tests/data/report/run/ (60 s of the retail estate at
// a 5% sample, gcp-site-a degraded from 10 s to 25 s, site-b down from 20 s to 40 s): every
// chart carries exactly the input's data, the failure windows come from result.json, and the
// sizing table is the one estate size's code derives.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/report/report_builder.h"
#include "reports/report/report_figures.h"
#include "reports/report/report_inputs.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate::reports {
namespace {

using nlohmann::json;
using testing::ReadFileOrEmpty;
using testing::SourcePath;

std::string FixtureDir() {
  return SourcePath("tests/data/report/run");
}

ReportModel FixtureModel() {
  Result<ReportInputs> in = LoadReportInputs(FixtureDir(), "");
  EXPECT_TRUE(in.ok()) << in.status().message();
  Result<ReportModel> model = BuildReport(*in);
  EXPECT_TRUE(model.ok()) << model.status().message();
  return *model;
}

json FixtureResult() {
  return json::parse(ReadFileOrEmpty(FixtureDir() + "/result.json"));
}

// timeseries.csv as rows of cells, header first.
std::vector<std::vector<std::string>> FixtureCsv() {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFileOrEmpty(FixtureDir() + "/timeseries.csv"));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');)
      cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.push_back("");
    rows.push_back(cells);
  }
  return rows;
}

const ChartSeries* SeriesOf(const Chart& c, const std::string& name) {
  for (const ChartSeries& s : c.series) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

TEST(ReportModelTest, TimeChartsHoldOnePointPerTimeseriesRow) {
  const ReportModel m = FixtureModel();
  const auto csv = FixtureCsv();
  const size_t rows = csv.size() - 1;
  ASSERT_EQ(rows, 60u);  // one metrics interval per second of the 60 s run
  const Chart* lag = FindChart(m, "replication-lag");
  ASSERT_NE(lag, nullptr);
  ASSERT_EQ(lag->series.size(), 3u);
  for (const ChartSeries& s : lag->series)
    EXPECT_EQ(s.points.size(), rows) << s.name;
  EXPECT_EQ(lag->x.unit, "s");  // a 60 s run is charted in seconds
  EXPECT_DOUBLE_EQ(lag->series[0].points.front().x, std::stod(csv[1][0]));
  EXPECT_DOUBLE_EQ(lag->series[0].points.back().x, 60);

  // Utilisation is Gb/s over the nominal bandwidth: on a 100 Gb/s link the percentage is the
  // Gb/s figure itself, on the 40 Gb/s site-a-site-b link 2.5 times it.
  const Chart* util = FindChart(m, "link-utilisation");
  ASSERT_NE(util, nullptr);
  ASSERT_EQ(util->series.size(), 6u);
  const std::vector<std::string>& header = csv[0];
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string& column = header[c];
    const double factor = column.rfind("gcp-site-a:gcp-us-central1>site-a", 0) == 0 ? 1.0
                          : column.rfind("site-a-site-b:site-b>site-a", 0) == 0     ? 2.5
                                                                                    : 0.0;
    if (factor == 0) continue;
    const std::string name =
        factor == 1.0 ? "gcp-site-a: gcp-us-central1 to site-a" : "site-a-site-b: site-b to site-a";
    const ChartSeries* s = SeriesOf(*util, name);
    ASSERT_NE(s, nullptr) << name;
    ASSERT_EQ(s->points.size(), rows);
    for (size_t r = 0; r < rows; ++r)
      EXPECT_NEAR(s->points[r].y, std::stod(csv[r + 1][c]) * factor, 1e-9) << name << r;
  }

  // Hit ratio: empty cells (no request in the interval) are left out.
  const Chart* hits = FindChart(m, "cache-hit-ratio");
  ASSERT_NE(hits, nullptr);
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c] != "site-a_hit_ratio") continue;
    size_t filled = 0;
    for (size_t r = 1; r < csv.size(); ++r)
      filled += c < csv[r].size() && !csv[r][c].empty();
    const ChartSeries* s = SeriesOf(*hits, "site-a");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->points.size(), filled);
  }
}

TEST(ReportModelTest, FailureWindowsShadeTheTimeCharts) {
  const ReportModel m = FixtureModel();
  for (const char* id : {"replication-lag", "data-replication-lag", "link-utilisation"}) {
    const Chart* c = FindChart(m, id);
    ASSERT_NE(c, nullptr) << id;
    ASSERT_EQ(c->bands.size(), 2u) << id;
    EXPECT_EQ(c->bands[0].label, "link-degrade gcp-site-a");
    EXPECT_NEAR(c->bands[0].from, 10, 1e-6);
    EXPECT_NEAR(c->bands[0].to, 25, 1e-6);
    EXPECT_EQ(c->bands[1].label, "site-down site-b");
    EXPECT_NEAR(c->bands[1].from, 20, 1e-6);
    EXPECT_NEAR(c->bands[1].to, 40, 1e-6);
  }
}

TEST(ReportModelTest, LatencyCdfIsResultJsonsPercentiles) {
  const ReportModel m = FixtureModel();
  const json r = FixtureResult();
  const Chart* cdf = FindChart(m, "latency-cdf-write");
  ASSERT_NE(cdf, nullptr);
  // Write latencies are below a second: the axis is in milliseconds.
  EXPECT_EQ(cdf->x.unit, "ms");
  size_t sites = 0;
  for (const auto& [site, modes] : r["write_latency"]["by_site"].items()) {
    const json& all = modes["all"];
    if (all["count"].get<uint64_t>() == 0) continue;
    ++sites;
    const ChartSeries* s = SeriesOf(*cdf, site);
    ASSERT_NE(s, nullptr) << site;
    ASSERT_EQ(s->points.size(), 6u);
    const char* keys[] = {"min", "p50", "p90", "p99", "p99_9", "max"};
    const double shares[] = {0, 0.5, 0.9, 0.99, 0.999, 1};
    for (size_t i = 0; i < 6; ++i) {
      EXPECT_DOUBLE_EQ(s->points[i].x, all[keys[i]].get<double>() * 1e3) << site << keys[i];
      EXPECT_DOUBLE_EQ(s->points[i].y, shares[i]);
    }
  }
  EXPECT_EQ(cdf->series.size(), sites);
}

TEST(ReportModelTest, MissRatioCurvesMarkTheChosenAndConfiguredCache) {
  const ReportModel m = FixtureModel();
  const json r = FixtureResult();
  const Chart* mrc = FindChart(m, "cache-mrc");
  ASSERT_NE(mrc, nullptr);
  EXPECT_EQ(mrc->x.scale, AxisScale::kLog);
  for (const char* site : {"site-a", "site-b"}) {
    const json& curve = r["cache_sizing"][site]["curve"];
    const ChartSeries* s = SeriesOf(*mrc, site);
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->points.size(), curve.size());
    EXPECT_DOUBLE_EQ(s->points[0].x, curve[0][0].get<double>());
    EXPECT_DOUBLE_EQ(s->points[0].y, 1 - curve[0][1].get<double>());
  }
  ASSERT_TRUE(m.sizing.has_value());
  ASSERT_EQ(mrc->markers.size(), 4u);
  EXPECT_EQ(mrc->markers[0].label, "site-a chosen");
  EXPECT_DOUBLE_EQ(mrc->markers[0].x, *m.sizing->sites[1].cache_bytes);
  EXPECT_EQ(mrc->markers[1].label, "site-a configured");
  EXPECT_DOUBLE_EQ(mrc->markers[1].x, 4e15);  // "capacity": "4PB"
}

TEST(ReportModelTest, SizingTableIsDerivedWithEstateSizesModel) {
  const ReportModel m = FixtureModel();
  ASSERT_TRUE(m.sizing.has_value());
  const SizingTable& t = *m.sizing;
  EXPECT_EQ(t.origin, "estate size's model applied to result.json");
  EXPECT_DOUBLE_EQ(t.wan_headroom, 0.25);
  ASSERT_EQ(t.links.size(), 3u);
  for (const SizingLinkRow& l : t.links) {
    ASSERT_TRUE(l.peak_bps.has_value()) << l.link;
    EXPECT_DOUBLE_EQ(l.required_bps, *l.peak_bps * 1.25) << l.link;
    // N + 1: enough circuits for the requirement, plus one spare.
    EXPECT_EQ(l.circuits, static_cast<int>(std::ceil(l.required_bps / l.circuit_bps)) + 1)
        << l.link;
    EXPECT_EQ(l.fits, l.required_bps <= l.bandwidth_bps) << l.link;
  }
  ASSERT_EQ(t.sites.size(), 3u);
  EXPECT_EQ(t.sites[0].site, "gcp-us-central1");
  EXPECT_TRUE(t.sites[0].cache_source.empty());  // GCS is the system of record
  EXPECT_TRUE(t.sites[1].cache_bytes.has_value());
  // The RPO under failure is the run's own rpo.p99 (the run had the scenario's failures).
  EXPECT_DOUBLE_EQ(*t.rpo_with_failures_p99_s, FixtureResult()["rpo"]["p99"].get<double>());
  EXPECT_NEAR(t.total_monthly, t.egress_monthly + t.ports_monthly + t.storage_monthly, 1e-6);
}

TEST(ReportModelTest, TopologyAndExpectationsComeFromTheScenarioAndTheRun) {
  const ReportModel m = FixtureModel();
  ASSERT_TRUE(m.topology.has_value());
  ASSERT_EQ(m.topology->links.size(), 3u);
  EXPECT_DOUBLE_EQ(*m.topology->links[0].latency_s, 0.010);
  EXPECT_DOUBLE_EQ(*m.topology->links[2].latency_s, 0.015);
  EXPECT_EQ(m.topology->sites[0].kind, "gcp");
  ASSERT_EQ(m.expectations.size(), 3u);
  EXPECT_TRUE(m.expectations[0].pass);
  EXPECT_FALSE(m.expectations[1].pass);
  EXPECT_EQ(m.expectations[1].metric, "availability.all");
  EXPECT_DOUBLE_EQ(*m.expectations[1].measured,
                   FixtureResult()["availability"]["all"].get<double>());
  ASSERT_FALSE(m.summary.empty());
  EXPECT_EQ(m.summary[1].rfind("2 of 3 expectations were met; not met: availability.all >= "
                               "99.9% (availability.all = ",
                               0),
            0u)
      << m.summary[1];
  EXPECT_EQ(m.run->sampling.seed_spread.size(),
            FixtureResult()["sampling"]["seeds"].size() - 1);  // "seeds" lists the seeds
}

TEST(ReportModelTest, ADirectoryWithARunAComparisonAndASweepReportsAllThree) {
  const std::string dir = testing::FreshDirectory("report-combined");
  for (const char* f : {"result.json", "timeseries.csv", "scenario.json", "prices.json"}) {
    std::filesystem::copy_file(FixtureDir() + "/" + f, dir + "/" + f);
  }
  std::filesystem::copy_file(SourcePath("tests/data/report/compare/comparison.json"),
                             dir + "/comparison.json");
  std::filesystem::copy_file(SourcePath("tests/data/report/sweep/sweep.json"), dir + "/sweep.json");
  Result<ReportInputs> in = LoadReportInputs(dir, "");
  ASSERT_TRUE(in.ok()) << in.status().message();
  Result<ReportModel> m = BuildReport(*in);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_TRUE(m->run && m->sizing && m->comparison && m->sweep);
  std::vector<std::string> kinds;
  for (const ReportSource& s : m->sources)
    kinds.push_back(s.kind);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"scenario", "run", "timeseries", "comparison", "sweep"}));
  EXPECT_NE(FindChart(*m, "mode-write-p99"), nullptr);
  EXPECT_NE(FindChart(*m, "sweep-wan_peak_bps"), nullptr);
  EXPECT_EQ(m->title, "POC sizing report: report-fixture");
}

}  // namespace
}  // namespace estate::reports

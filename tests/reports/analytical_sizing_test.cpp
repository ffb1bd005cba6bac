#include "reports/sizing/analytical_sizing.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_parser.h"
#include "tests/support/scenario_builder.h"

namespace estate::reports {
namespace {

Scenario Parse(const nlohmann::json& j) {
  ScenarioParse p = ParseScenario(j.dump(), "s.json");
  EXPECT_TRUE(p.ok()) << (p.Messages().empty() ? "" : p.Messages().front());
  return p.scenario;
}

// GCS writes 10 objects of 1 MiB a second to a mount replicated on write to both sites.
nlohmann::json GcpWrites() {
  nlohmann::json j = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  j["workload"]["object_size"] = {{"fixed", "1MiB"}};
  j["workload"]["mix"] = {{"read", 0}, {"write", 1}, {"list", 0}, {"delete", 0}};
  j["workload"]["rate"] = {{"gcp", 10}};
  return j;
}

TEST(AnalyticalSizingTest, WritesAtGcsFlowToEveryReplicaOverItsRoute) {
  const Result<AnalyticalSizing> a = AnalyseScenario(Parse(GcpWrites()));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_TRUE(a->has_workload_model);
  EXPECT_DOUBLE_EQ(a->change_bytes_per_second, 10 * 1048576.0);
  EXPECT_DOUBLE_EQ(a->remote_copies_per_write, 2);
  EXPECT_DOUBLE_EQ(a->wan_lower_bound_bps, 2 * 8 * 10 * 1048576.0);
  ASSERT_EQ(a->links.size(), 3u);
  EXPECT_EQ(a->links[0].link, "gcp-a");
  EXPECT_DOUBLE_EQ(a->links[0].forward.objects_per_second, 10);
  EXPECT_DOUBLE_EQ(a->links[0].mean_bps, 8 * 10 * 1048576.0);
  EXPECT_DOUBLE_EQ(a->links[1].mean_bps, 8 * 10 * 1048576.0);
  EXPECT_DOUBLE_EQ(a->links[2].mean_bps, 0);  // nothing crosses between the sites
  // One stream: a 16 MiB window over a 20 ms round trip.
  EXPECT_DOUBLE_EQ(a->links[0].window_bound_bps, 16 * 1048576.0 * 8 / 0.02);
  EXPECT_TRUE(a->links[0].forward.queue.stable);
  // Site-a is reached directly and through site-b: 20 Gb/s. Both {gcp-a, a-b} and GCS's own
  // two links are minimum cuts; the one reported is the one nearest GCS.
  ASSERT_EQ(a->reach.size(), 2u);
  EXPECT_EQ(a->reach[0].site, "site-a");
  EXPECT_DOUBLE_EQ(a->reach[0].max_flow_bps, 20e9);
  EXPECT_EQ(a->reach[0].cut_links, (std::vector<std::string>{"gcp-a", "gcp-b"}));
  // Each site applies the 10 replicated writes a second: one node, plus one spare.
  ASSERT_EQ(a->sites.size(), 3u);
  EXPECT_DOUBLE_EQ(a->sites[1].peak_ops_per_second, 10);
  EXPECT_EQ(a->sites[1].nodes_needed, 2);
}

TEST(AnalyticalSizingTest, PeaksScaleByTheDiurnalPeakAndTheLargestBurst) {
  nlohmann::json j = GcpWrites();
  j["workload"]["diurnal"] = {{"amplitude", 0.5}, {"peak_hour", 14}};
  j["workload"]["bursts"] = {{{"at", "10s"}, {"duration", "5s"}, {"multiplier", 3}}};
  const Result<AnalyticalSizing> a = AnalyseScenario(Parse(j));
  ASSERT_TRUE(a.ok());
  EXPECT_DOUBLE_EQ(a->peak_factor, 4.5);
  EXPECT_DOUBLE_EQ(a->links[0].peak_bps, 4.5 * 8 * 10 * 1048576.0);
}

TEST(AnalyticalSizingTest, ReadMissesAtASiteComeFromTheHomeAsEgress) {
  nlohmann::json j = GcpWrites();
  j["workload"]["mix"] = {{"read", 1}, {"write", 0}, {"list", 0}, {"delete", 0}};
  j["workload"]["rate"] = {{"site-a", 10}};
  j["sites"][1]["cache"]["capacity"] = "0B";  // nothing cached: every read misses
  const Result<AnalyticalSizing> a = AnalyseScenario(Parse(j));
  ASSERT_TRUE(a.ok());
  EXPECT_DOUBLE_EQ(a->egress_bytes_per_second, 10 * 1048576.0);
  EXPECT_DOUBLE_EQ(a->links[0].forward.bytes_per_second, 10 * 1048576.0);
  EXPECT_DOUBLE_EQ(a->links[0].reverse.bytes_per_second, 0);
}

TEST(AnalyticalSizingTest, StrongModeAvailabilityNeedsAMajority) {
  nlohmann::json j = GcpWrites();
  j["mounts"][0]["consistency"] = "strong";
  for (auto& site : j["sites"]) {
    site["mtbf"] = "900h";
    site["mttr"] = "100h";  // each site up 90% of the time; links never fail
  }
  const Result<AnalyticalSizing> a = AnalyseScenario(Parse(j));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->modes.size(), 1u);
  EXPECT_EQ(a->modes[0].mode, "strong");
  // The client's site up and at least one of the two others: 0.9 * (1 - 0.1 * 0.1).
  EXPECT_NEAR(a->modes[0].availability, 0.9 * 0.99, 1e-9);
}

}  // namespace
}  // namespace estate::reports

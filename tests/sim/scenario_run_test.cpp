// Simulation runs checked against closed forms. SimGrid allows one engine per process, and
// ctest runs each TEST in its own process, so each TEST runs one simulation.
#include <gtest/gtest.h>

#include "sim/output/run_result.h"
#include "sim/run/scenario_simulation.h"
#include "sim/scenario/scenario_parser.h"
#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"

namespace estate::sim {
namespace {

using nlohmann::json;

json Simulate(const json& doc, const std::string& dir = ".") {
  ScenarioParse p = ParseScenario(doc.dump(), "test.json");
  EXPECT_TRUE(p.ok()) << ::testing::PrintToString(p.Messages());
  RunOptions o;
  o.scenario_dir = dir;
  Result<RunRecord> r = RunScenarioSimulation(p.scenario, o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? ResultJson(p.scenario, *r) : json{};
}

// 100 objects of 100 MB written at GCP at once, replicated over 1 Gb/s links: the backlog
// drains at the link's bandwidth times SimGrid's bandwidth factor (0.97), so the last object
// arrives 1e10 / (1.25e8 * 0.97) = 82.47 s after the writes.
TEST(ScenarioRunTest, ReplicationBacklogDrainsAtTheLinkBandwidth) {
  const std::string dir = testing::FreshDirectory("backlog");
  std::string trace = "timestamp_s,op,bucket,key,size,site\n";
  for (int i = 0; i < 100; ++i)
    trace += "20,write,lake,big/" + std::to_string(i) + ",100000000,gcp\n";
  testing::WriteTextFile(dir + "/burst.csv", trace);
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["duration"] = "200s";
  s["workload"] = {{"objects", 100},
                   {"trace", {{"path", "burst.csv"}, {"format", "csv"}}},
                   {"rate", {{"gcp", 1}}}};
  const json r = Simulate(s, dir);
  EXPECT_EQ(r["operations"]["write"]["ok"], 100);
  EXPECT_EQ(r["data_replication_lag"]["count"], 200);  // 100 objects to each of two sites
  const double drain = 1e10 / (1.25e8 * 0.97);
  EXPECT_NEAR(r["data_replication_lag"]["max"].get<double>(), drain, drain * 0.02);
  // Both links carried the bytes once each (plus per-transfer framing), and nothing back.
  for (const char* link : {"gcp-a", "gcp-b"}) {
    EXPECT_NEAR(r["links"][link]["bytes_forward"].get<double>(), 1e10, 1e10 * 0.001) << link;
    EXPECT_LT(r["links"][link]["bytes_reverse"].get<double>(), 1e6) << link;  // acks only
  }
  // At full speed for most of the drain: the peak interval is close to the link's rate. Each
  // transfer's bytes are spread evenly over its flight, while the flows' shares vary during
  // it, so a 1 s interval can read a few percent off.
  EXPECT_NEAR(r["links"]["gcp-a"]["peak_bps"].get<double>(), 0.97e9, 0.97e9 * 0.06);
}

// Every pair of sites is 15 ms apart one way: a strong write cannot be acknowledged before
// its Raft quorum answered, one round trip (30 ms) at the very least.
TEST(ScenarioRunTest, StrongWritesTakeAtLeastTheQuorumRoundTrip) {
  json s = testing::SmallScenario("strong", "10Gbps", "15ms", "15ms");
  s["workload"]["mix"] = {{"read", 0}, {"write", 1}, {"list", 0}, {"delete", 0}};
  const json r = Simulate(s);
  const json& w = r["write_latency"]["strong"];
  EXPECT_GT(w["count"].get<int>(), 200);
  EXPECT_GE(w["min"].get<double>(), 0.030);
  EXPECT_EQ(r["availability"]["strong"], 1.0);
  // Followers learn of commits at once, not at the next heartbeat (1 s in simulations).
  EXPECT_LT(r["replication_lag"]["p99"].get<double>(), 0.5);
}

// site-b is lost for 20 s: its clients get nothing, the other site is unaffected, and the
// site comes back on its durable storage and catches up.
TEST(ScenarioRunTest, SiteLossMakesThatSiteUnavailableUntilItReturns) {
  json s = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  s["duration"] = "90s";
  s["failures"] = json::array(
      {{{"at", "30s"}, {"kind", "site-down"}, {"target", "site-b"}, {"duration", "20s"}}});
  const json r = Simulate(s);
  ASSERT_EQ(r["failures"].size(), 2u);
  EXPECT_EQ(r["failures"][0]["kind"], "site-down");
  EXPECT_EQ(r["failures"][0]["at_s"], 30.0);
  EXPECT_EQ(r["failures"][1]["kind"], "site-up");
  EXPECT_EQ(r["failures"][1]["at_s"], 50.0);
  EXPECT_EQ(r["engine"]["site-b"]["lives"], 2);
  // It recovered its journal (seeded objects included) and its replication stream resumed:
  // nothing written at site-b stayed there alone for more than a few seconds.
  EXPECT_EQ(r["engine"]["site-b"]["start_failures"], 0);
  EXPECT_LT(r["rpo"]["max"].get<double>(), 5.0);
  EXPECT_EQ(r["engine"]["site-a"]["lives"], 1);
  EXPECT_EQ(r["availability"]["by_site"]["site-a"], 1.0);
  // About 20 s of site-b's 5 ops/s were refused: roughly 100 operations.
  const int unavailable = r["unavailable_ops"]["all"].get<int>();
  EXPECT_GT(unavailable, 60);
  EXPECT_LT(unavailable, 150);
  EXPECT_LT(r["availability"]["by_site"]["site-b"].get<double>(), 0.85);
}

}  // namespace
}  // namespace estate::sim

namespace estate::sim {
namespace {

// A partition cuts a link while transfers are in flight on it. The cut transfers fail inside
// SimGrid; the receiving node must re-arm its receives and carry on (it once spun forever at
// the instant of the cut), and the data mover must resend what was lost after the heal.
TEST(ScenarioRunTest, APartitionDuringTransfersCutsThemAndTheyAreResentAfterTheHeal) {
  const std::string dir = testing::FreshDirectory("partition");
  std::string trace = "timestamp_s,op,bucket,key,size,site\n";
  for (int i = 0; i < 40; ++i)
    trace += "20,write,lake,big/" + std::to_string(i) + ",100000000,gcp\n";
  testing::WriteTextFile(dir + "/burst.csv", trace);
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["duration"] = "400s";
  s["workload"] = {{"objects", 40},
                   {"trace", {{"path", "burst.csv"}, {"format", "csv"}}},
                   {"rate", {{"gcp", 1}}}};
  s["failures"] = json::array({{{"at", "30s"},
                                {"kind", "partition"},
                                {"groups", {{"gcp", "site-a"}, {"site-b"}}},
                                {"duration", "20s"}}});
  const json r = Simulate(s, dir);
  ASSERT_EQ(r["failures"].size(), 2u);
  EXPECT_EQ(r["failures"][0]["detail"], "links cut: gcp-b, a-b");
  EXPECT_EQ(r["failures"][1]["kind"], "heal");
  EXPECT_EQ(r["failures"][1]["at_s"], 50.0);
  // Every object reached both sites in the end; site-b's copies took the partition longer.
  EXPECT_EQ(r["data_replication_lag"]["count"], 80);
  EXPECT_GT(r["data_replication_lag"]["max"].get<double>(), 40.0);
}

}  // namespace
}  // namespace estate::sim

namespace estate::sim {
namespace {

// Replicated bytes are written to the receiving site's disk before the engine acknowledges
// them: 8 objects of 100 MB (one per stream) cross a 10 Gb/s link in 0.66 s, but the site's
// disk writes 100 MB/s, so the last lands 0.66 + 8e8 / 1e8 = 8.66 s after the writes.
TEST(ScenarioRunTest, ASlowSiteDiskBoundsReplication) {
  const std::string dir = testing::FreshDirectory("disk");
  std::string trace = "timestamp_s,op,bucket,key,size,site\n";
  for (int i = 0; i < 8; ++i)
    trace += "20,write,lake,big/" + std::to_string(i) + ",100000000,gcp\n";
  testing::WriteTextFile(dir + "/burst.csv", trace);
  json s = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  s["duration"] = "60s";
  s["sites"][1]["disk"] = {{"read_bw", "8Gbps"}, {"write_bw", "800Mbps"}, {"capacity", "1PB"}};
  s["mounts"][0]["replicas"] = {"site-a"};
  s["workload"] = {{"objects", 8},
                   {"trace", {{"path", "burst.csv"}, {"format", "csv"}}},
                   {"rate", {{"gcp", 1}}}};
  const json r = Simulate(s, dir);
  EXPECT_EQ(r["data_replication_lag"]["count"], 8);
  EXPECT_NEAR(r["data_replication_lag"]["max"].get<double>(), 8.66, 0.1);
}

}  // namespace
}  // namespace estate::sim

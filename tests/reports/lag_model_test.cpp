// The replication queue model against the simulated data replication lag (docs/SCALING.md,
// "Analytical models"): writes at GCS replicated to one site over a 1 Gb/s link, unsampled, at
// light, moderate and heavy load. The model is held to 25% of the simulation, mean and p99.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/sizing/analytical_sizing.h"
#include "sim/scenario/scenario_parser.h"
#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"

namespace estate::reports {
namespace {

using nlohmann::json;

json LagScenario(double writes_per_second) {
  json j = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  j["seed"] = 11;
  j["duration"] = "600s";
  for (auto& l : j["links"])
    l["streams"] = 4;
  j["mounts"][0]["replicas"] = {"site-a"};
  j["workload"]["objects"] = 1'000'000;
  j["workload"]["object_size"] = {{"lognormal", {{"median", "4MiB"}, {"sigma", 0.5}}}};
  j["workload"]["popularity"] = {{"zipf", {{"alpha", 0.5}}}};
  j["workload"]["mix"] = {{"read", 0}, {"write", 1}, {"list", 0}, {"delete", 0}};
  j["workload"]["rate"] = {{"gcp", writes_per_second}};
  return j;
}

TEST(LagModelTest, QueueModelTracksTheSimulatedDataLag) {
#if defined(ESTATE_UNDER_ASAN)
  GTEST_SKIP() << "model accuracy, not memory safety: 30k simulated transfers are slow under ASan";
#endif
  // Utilisation about 0.2, 0.6 and 0.9 of the link.
  for (double rate : {5.0, 15.0, 22.0}) {
    const json j = LagScenario(rate);
    const std::string dir = testing::FreshDirectory("lag-" + std::to_string(int(rate)));
    const std::string path = dir + "/scenario.json";
    testing::WriteTextFile(path, j.dump());
    const testing::CliRun r =
        testing::RunCli(ESTATE_CLI_PATH, {"run", path, "--out", dir, "--progress", "none"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const json result = json::parse(testing::ReadFileOrEmpty(dir + "/result.json"));
    const json& lag = result["data_replication_lag"];

    ScenarioParse p = ParseScenario(j.dump(), path);
    ASSERT_TRUE(p.ok());
    const Result<AnalyticalSizing> a = AnalyseScenario(p.scenario);
    ASSERT_TRUE(a.ok());
    const ReplicationQueueEstimate& q = a->links[0].forward.queue;  // gcp -> site-a
    ASSERT_TRUE(q.stable);
    EXPECT_NEAR(q.mean_lag_s / lag["mean"].get<double>(), 1.0, 0.25) << rate;
    EXPECT_NEAR(q.p99_lag_s / lag["p99"].get<double>(), 1.0, 0.25) << rate;
  }
}

}  // namespace
}  // namespace estate::reports

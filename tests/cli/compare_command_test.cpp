// `estate compare` as CI calls it: a small scenario in all five modes, each in its own
// process, and bad input refused before anything runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"

namespace estate {
namespace {

using nlohmann::json;
using testing::FreshDirectory;
using testing::ReadFileOrEmpty;
using testing::RunCli;

const std::vector<std::string> kModes = {"strong", "sync-sites", "bounded-staleness", "session",
                                         "eventual"};

std::string SmallScenarioFile(const std::string& dir, json scenario) {
  scenario["duration"] = "25s";
  const std::string path = dir + "/scenario.json";
  testing::WriteTextFile(path, scenario.dump(2));
  return path;
}

TEST(CompareCommandTest, AllFiveModesSideBySide) {
  const std::string dir = FreshDirectory("compare-five");
  const std::string scenario =
      SmallScenarioFile(dir, testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms"));
  const std::string out = dir + "/out";
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH,
             {"compare", scenario, "--modes",
              "strong,sync-sites,bounded-staleness,session,eventual", "--out", out, "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Recommended: "), std::string::npos) << r.output;

  const json c = json::parse(ReadFileOrEmpty(out + "/comparison.json"));
  EXPECT_EQ(c["order"], json(kModes));
  for (const std::string& mode : kModes) {
    const json& m = c["modes"][mode];
    EXPECT_TRUE(m["error"].is_null()) << mode << ": " << m["error"];
    EXPECT_EQ(m["exit_code"], 0) << mode;
    // Each run keeps the scenario it simulated, with every mount in its mode.
    const json copy = json::parse(ReadFileOrEmpty(out + "/" + mode + "/scenario.json"));
    EXPECT_EQ(copy["mounts"][0]["consistency"], mode);
    const json result = json::parse(ReadFileOrEmpty(out + "/" + mode + "/result.json"));
    EXPECT_EQ(result["run"]["duration_s"], 25.0) << mode;
    EXPECT_GT(m["write_latency"]["count"].get<int>(), 0) << mode;
    EXPECT_TRUE(m["sites"].contains("site-a")) << mode;
  }
  // Strong reads are linearizable: 1 at every t, derived from the mode.
  const json& strong = c["modes"]["strong"];
  EXPECT_EQ(strong["t_visibility"]["basis"], "linearizable");
  ASSERT_FALSE(strong["t_visibility"]["fraction"].empty());
  for (const auto& [t, f] : strong["t_visibility"]["fraction"].items())
    EXPECT_EQ(f, 1.0) << t;
  EXPECT_EQ(c["modes"]["eventual"]["t_visibility"]["basis"], "measured");
  EXPECT_GT(c["modes"]["eventual"]["t_visibility"]["pairs"].get<int>(), 0);
  // A Raft round trip costs more than a local write.
  EXPECT_GE(strong["write_latency"]["p99_s"].get<double>(),
            c["modes"]["eventual"]["write_latency"]["p99_s"].get<double>());
  EXPECT_TRUE(c["recommendation"]["mode"].is_string());
  EXPECT_EQ(c["recommendation"]["text"].get<std::string>().rfind("Recommended: ", 0), 0u);

  const std::string md = ReadFileOrEmpty(out + "/comparison.md");
  for (const std::string& mode : kModes)
    EXPECT_NE(md.find("| " + mode + " |"), std::string::npos) << mode;
  EXPECT_NE(md.find(c["recommendation"]["text"].get<std::string>()), std::string::npos);
  const std::string csv = ReadFileOrEmpty(out + "/comparison.csv");
  EXPECT_EQ(csv.rfind("mode,site,figure,value,unit\n", 0), 0u);
  EXPECT_NE(csv.find("strong,all,t_visibility_100ms,1.0,probability\n"), std::string::npos);
}

TEST(CompareCommandTest, AnUnknownModeExitsTwoNamingIt) {
  const std::string dir = FreshDirectory("compare-bad-mode");
  const std::string scenario =
      SmallScenarioFile(dir, testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms"));
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"compare", scenario, "--modes", "strong,causal", "--out", dir});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--modes: expected a comma-separated list of strong, sync-sites, "
                          "bounded-staleness, session, eventual, found \"causal\""),
            std::string::npos)
      << r.output;
}

TEST(CompareCommandTest, APrimaryModeWithoutAnOnPremMemberExitsTwoNamingTheMount) {
  const std::string dir = FreshDirectory("compare-no-primary");
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["mounts"][0]["replicas"] = json::array();
  const std::string scenario = SmallScenarioFile(dir, s);
  const testing::CliRun r = RunCli(
      ESTATE_CLI_PATH, {"compare", scenario, "--modes", "eventual,sync-sites", "--out", dir});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(scenario + ": /mounts/0: expected an on-prem home or replica"),
            std::string::npos)
      << r.output;
  // Nothing ran.
  EXPECT_TRUE(ReadFileOrEmpty(dir + "/eventual/result.json").empty());
}

}  // namespace
}  // namespace estate

// `estate run` as CI calls it: a child process per run, exit codes, and the files it writes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;
using testing::FreshDirectory;
using testing::ReadFileOrEmpty;
using testing::RunCli;
using testing::WriteTextFile;

std::string WriteRunScenario(const std::string& dir, const json& doc) {
  const std::string path = dir + "/scenario.json";
  WriteTextFile(path, doc.dump(2));
  return path;
}

TEST(RunCommandTest, SameScenarioAndSeedGiveByteIdenticalResults) {
  const std::string dir = FreshDirectory("determinism");
  json s = testing::SmallScenario("session", "1Gbps", "10ms", "15ms");
  s["workload"]["mix"] = {{"read", 0.6}, {"write", 0.3}, {"list", 0.05}, {"delete", 0.05}};
  s["failures"] = json::array({{{"at", "20s"},
                                {"kind", "link-degrade"},
                                {"target", "gcp-a"},
                                {"bandwidth", "100Mbps"},
                                {"duration", "10s"}}});
  const std::string scenario = WriteRunScenario(dir, s);
  auto run = [&](const std::string& out, const std::string& seed) {
    std::vector<std::string> args = {"run",           scenario,     "--out",
                                     dir + "/" + out, "--progress", "none"};
    if (!seed.empty()) {
      args.push_back("--seed");
      args.push_back(seed);
    }
    const testing::CliRun r = RunCli(ESTATE_CLI_PATH, args);
    EXPECT_EQ(r.exit_code, 0) << r.output;
  };
  run("a", "");
  run("b", "");
  run("c", "8");
  const std::string a = ReadFileOrEmpty(dir + "/a/result.json");
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a, ReadFileOrEmpty(dir + "/b/result.json"));
  EXPECT_EQ(ReadFileOrEmpty(dir + "/a/timeseries.csv"), ReadFileOrEmpty(dir + "/b/timeseries.csv"));
  EXPECT_NE(a, ReadFileOrEmpty(dir + "/c/result.json"));
  EXPECT_EQ(json::parse(a)["run"]["seed"], 7);
  EXPECT_EQ(json::parse(ReadFileOrEmpty(dir + "/c/result.json"))["run"]["seed"], 8);
}

TEST(RunCommandTest, AFailedExpectationExitsOneAndIsNamedInJunit) {
  const std::string dir = FreshDirectory("expectations");
  json s = testing::SmallScenario("strong", "10Gbps", "15ms", "15ms");
  s["expectations"] = {"write_latency.strong.p99 < 1s", "write_latency.strong.p99 < 10ms"};
  const std::string scenario = WriteRunScenario(dir, s);
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"run", scenario, "--out", dir + "/out", "--progress", "none"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("PASS  write_latency.strong.p99 < 1s"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("FAIL  write_latency.strong.p99 < 10ms"), std::string::npos);
  const std::string junit = ReadFileOrEmpty(dir + "/out/junit.xml");
  EXPECT_NE(junit.find("<testsuites tests=\"2\" failures=\"1\">"), std::string::npos) << junit;
  EXPECT_NE(junit.find("<testcase classname=\"small-strong.expectations\" "
                       "name=\"write_latency.strong.p99 &lt; 1s\"/>"),
            std::string::npos);
  EXPECT_NE(junit.find("<failure message=\"write_latency.strong.p99 = 0.0"), std::string::npos);
  EXPECT_NE(junit.find("does not meet &lt; 0.01 s\""), std::string::npos);
  const json result = json::parse(ReadFileOrEmpty(dir + "/out/result.json"));
  EXPECT_EQ(result["expectations"][0]["pass"], true);
  EXPECT_EQ(result["expectations"][1]["pass"], false);
}

TEST(RunCommandTest, PassingExpectationsExitZero) {
  const std::string dir = FreshDirectory("passing");
  json s = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  s["expectations"] = {"availability.all >= 99%", "replication_lag.p99 < 1min"};
  const testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"run", WriteRunScenario(dir, s), "--out",
                                                     dir + "/out", "--progress", "none"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(ReadFileOrEmpty(dir + "/out/junit.xml").find("failures=\"0\""), std::string::npos);
}

TEST(RunCommandTest, AnInvalidScenarioExitsTwoWithTheValidationMessage) {
  const std::string dir = FreshDirectory("invalid");
  json s = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  s["links"][0]["bandwidth"] = "fast";
  const std::string scenario = WriteRunScenario(dir, s);
  const testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"run", scenario, "--out", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(scenario + ": /links/0/bandwidth: expected"), std::string::npos)
      << r.output;
  EXPECT_EQ(ReadFileOrEmpty(dir + "/out/result.json"), "");
}

TEST(RunCommandTest, JsonProgressIsOneObjectPerLineEndingWithDone) {
  const std::string dir = FreshDirectory("progress");
  json s = testing::SmallScenario("eventual", "10Gbps", "10ms", "15ms");
  s["duration"] = "30s";
  const testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"run", WriteRunScenario(dir, s), "--out",
                                                     dir + "/out", "--progress", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream lines(r.output);
  int progress = 0;
  json last;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '{') continue;  // the summary goes to stderr, interleaved
    last = json::parse(line);
    if (last["event"] == "progress") {
      ++progress;
      EXPECT_LE(last["fraction"].get<double>(), 1.0);
    }
  }
  EXPECT_EQ(progress, 30);  // one per 1 s interval
  EXPECT_EQ(last["event"], "done");
  EXPECT_EQ(last["expectations_failed"], 0);
}

// Every shipped scenario validates and runs (for a short stretch: the full runs are the
// benchmark's business).
TEST(RunCommandTest, ErrorSeedsRunTheNextSeedsAndReportTheirSpread) {
  const std::string dir = FreshDirectory("error-seeds");
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["duration"] = "20s";
  const std::string path = WriteRunScenario(dir, s);
  const testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"run", path, "--out", dir + "/out",
                                                     "--error-seeds", "3", "--progress", "none"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json result = json::parse(ReadFileOrEmpty(dir + "/out/result.json"));
  const json& seeds = result["sampling"]["seeds"];
  EXPECT_EQ(seeds["seeds"], json::array({7, 8, 9}));
  // The first value is the run reported; the others are the runs kept under seeds/.
  const json& wan = seeds["wan_bytes"];
  ASSERT_EQ(wan["values"].size(), 3u);
  EXPECT_EQ(wan["values"][0], result["wan_bytes"]);
  const json eight = json::parse(ReadFileOrEmpty(dir + "/out/seeds/8/result.json"));
  EXPECT_EQ(wan["values"][1], eight["wan_bytes"]);
  double mean = 0;
  for (const json& v : wan["values"])
    mean += v.get<double>() / 3;
  EXPECT_NEAR(wan["mean"].get<double>(), mean, 1e-9 * mean);
  // A seed's run is the same whether run alone or as an error seed.
  const testing::CliRun alone = RunCli(
      ESTATE_CLI_PATH, {"run", path, "--out", dir + "/alone", "--seed", "8", "--progress", "none"});
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  EXPECT_EQ(ReadFileOrEmpty(dir + "/alone/result.json"),
            ReadFileOrEmpty(dir + "/out/seeds/8/result.json"));
}

TEST(RunCommandTest, EveryShippedScenarioRuns) {
  for (const char* name :
       {"retail-gcp-two-site", "dr-site-loss", "consistency-shootout", "trace-replay"}) {
    const std::string dir = FreshDirectory(std::string("shipped-") + name);
    const std::string scenario = testing::SourcePath(std::string("scenarios/") + name + ".json");
    const testing::CliRun v = RunCli(ESTATE_CLI_PATH, {"validate", scenario});
    EXPECT_EQ(v.exit_code, 0) << v.output;
    const testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"run", scenario, "--duration", "2min",
                                                       "--out", dir, "--progress", "none"});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << name << ": " << r.output;
    const json result = json::parse(ReadFileOrEmpty(dir + "/result.json"));
    EXPECT_EQ(result["run"]["duration_s"], 120.0) << name;
    EXPECT_GT(result["operations"]["total"].get<int>(), 0) << name;
  }
}

}  // namespace
}  // namespace estate

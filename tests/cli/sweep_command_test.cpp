// `estate sweep` and `estate merge` as CI and scheduler jobs call them: the cartesian product's
// points and their contents, id-addressed pointers, exact messages for bad input, resuming an
// interrupted sweep, and shards merged into byte for byte the unsharded result.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "sim/output/seed_spread.h"
#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::FreshDirectory;
using testing::ReadFileOrEmpty;
using testing::RunCli;

// Three sites joined by 1 Gb/s links; one expectation that holds when the swept link has at
// least 10 Gb/s, so each point's verdict is known in advance.
std::string WriteSweepScenario(const std::string& dir) {
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["expectations"] = {"links.gcp-a.bandwidth_bps >= 10Gbps"};
  const std::string path = dir + "/scenario.json";
  testing::WriteTextFile(path, s.dump(2));
  return path;
}

json ReadJson(const std::string& path) {
  return json::parse(ReadFileOrEmpty(path), nullptr, /*allow_exceptions=*/false);
}

// 2 x 2 points, 10 simulated seconds each.
std::vector<std::string> Sweep(const std::string& scenario, const std::string& out,
                               std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"sweep",      scenario,
                                   "--param",    "/links/gcp-a/bandwidth=10Gbps,100Gbps",
                                   "--param",    "/workload/rate/site-a=2,8",
                                   "--duration", "10s",
                                   "--out",      out};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SweepCommandTest, EveryPointOfTheProductRunsWithItsValues) {
  const std::string dir = FreshDirectory("sweep-product");
  const std::string scenario = WriteSweepScenario(dir);
  const std::string out = dir + "/out";
  const testing::CliRun r = RunCli(
      ESTATE_CLI_PATH, {"sweep", scenario, "--param", "/links/gcp-a/bandwidth=1Gbps,10Gbps,100Gbps",
                        "--param", "/workload/rate/site-a=2,8", "--duration", "10s", "--out", out});
  // The 1 Gb/s points fail the expectation, so the sweep exits 1 as estate run would.
  ASSERT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("6 points; 0 finished already; running 6"), std::string::npos)
      << r.output;
  const json summary = ReadJson(out + "/sweep.json");
  ASSERT_TRUE(summary.is_object()) << r.output;
  EXPECT_EQ(summary["parameters"][0]["resolved"], "/links/0/bandwidth");  // by id
  ASSERT_EQ(summary["points"].size(), 6u);
  const char* bandwidths[] = {"1Gbps", "10Gbps", "100Gbps"};
  const double bps[] = {1e9, 10e9, 100e9};
  const int rates[] = {2, 8};
  for (size_t k = 0; k < 6; ++k) {
    const json& p = summary["points"][k];
    const std::string name = "point-000" + std::to_string(k);
    EXPECT_EQ(p["point"], name);
    // The first parameter varies slowest.
    const json values = {{"/links/gcp-a/bandwidth", bandwidths[k / 2]},
                         {"/workload/rate/site-a", rates[k % 2]}};
    EXPECT_EQ(p["parameters"], values) << name;
    const json record = ReadJson(out + "/" + name + "/point.json");
    EXPECT_EQ(record["parameters"], values) << name;
    EXPECT_EQ(record["scenario"]["links"][0]["bandwidth"], bandwidths[k / 2]) << name;
    EXPECT_EQ(record["scenario"]["links"][1]["bandwidth"], "1Gbps") << name;
    EXPECT_EQ(record["scenario"]["workload"]["rate"]["site-a"], rates[k % 2]) << name;
    EXPECT_EQ(record["scenario"]["duration"], "10s") << name;
    EXPECT_EQ(ReadJson(out + "/" + name + "/scenario.json"), record["scenario"]) << name;
    // The simulator saw the value, and the summary holds the run's own figures.
    const json result = ReadJson(out + "/" + name + "/result.json");
    ASSERT_TRUE(result.is_object()) << name;
    EXPECT_EQ(result["links"]["gcp-a"]["bandwidth_bps"].get<double>(), bps[k / 2]) << name;
    EXPECT_EQ(result["run"]["duration_s"].get<double>(), 10) << name;
    EXPECT_EQ(p["status"], "done");
    for (const auto& [path, value] : p["figures"].items()) {
      const json* figure = sim::FigureAt(result, path);
      ASSERT_NE(figure, nullptr) << name << " " << path;
      EXPECT_EQ(value, *figure) << name << " " << path;
    }
    EXPECT_EQ(p["expectations"], json({{"passed", k < 2 ? 0 : 1}, {"failed", k < 2 ? 1 : 0}}));
  }
  // Four times the arrival rate at site-a gives more operations, whatever the link.
  for (size_t k = 0; k < 6; k += 2) {
    const json slow = ReadJson(out + "/point-000" + std::to_string(k) + "/result.json");
    const json fast = ReadJson(out + "/point-000" + std::to_string(k + 1) + "/result.json");
    EXPECT_GT(fast["operations"]["total"].get<double>(), slow["operations"]["total"].get<double>());
  }
  const std::string csv = ReadFileOrEmpty(out + "/sweep.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "point,/links/gcp-a/bandwidth,/workload/rate/site-a,status,wan_peak_bps,egress_bytes,"
            "replication_lag.p99,rpo.p99,write_latency.p99,read_latency.p99,availability.all,"
            "hit_ratio,expectations_passed,expectations_failed");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
  EXPECT_EQ(csv.find("\npoint-0003,10Gbps,8,done,"), csv.find("\npoint-0003"));
}

TEST(SweepCommandTest, BadParametersAndValuesExitTwoNamingThem) {
  const std::string dir = FreshDirectory("sweep-errors");
  const std::string scenario = WriteSweepScenario(dir);
  const std::string out = dir + "/out";
  auto sweep = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"sweep", scenario});
    args.insert(args.end(), {"--out", out});
    return RunCli(ESTATE_CLI_PATH, args);
  };
  struct Case {
    std::vector<std::string> args;
    std::string output;
  };
  const std::vector<Case> cases = {
      {{"--param", "/links/nope/bandwidth=1Gbps"},
       "--param /links/nope/bandwidth: /links/nope: no element of /links has \"id\": \"nope\"\n"},
      {{"--param", "/links/3/bandwidth=1Gbps"},
       "--param /links/3/bandwidth: /links/3: no such element (/links has 3)\n"},
      {{"--param", "/workload/nothing/x=1"},
       "--param /workload/nothing/x: /workload/nothing: no such field (only the last token may "
       "name a new field)\n"},
      {{"--param", "/links/0/bandwidth"}, "--param /links/0/bandwidth: expected PATH=V1,V2,...\n"},
      {{"--param", "/seed=1", "--shard", "2/2"},
       "--shard: expected i/n with 0 <= i < n (0-based), found \"2/2\"\n"},
      {{"--param", "/links/gcp-a/bandwidth=10Gbps,fast", "--param", "/workload/rate/site-a=2,8"},
       scenario +
           ": point-0002 with /links/gcp-a/bandwidth = \"fast\": /links/0/bandwidth: "
           "expected a bandwidth such as \"100Gbps\", found \"fast\"\n" +
           scenario +
           ": point-0003 with /links/gcp-a/bandwidth = \"fast\": /links/0/bandwidth: "
           "expected a bandwidth such as \"100Gbps\", found \"fast\"\n"},
      {{"--param", "/seed=1", "--duration", "soon"},
       "--duration: expected a positive duration such as 10min, found \"soon\"\n"},
  };
  for (const Case& c : cases) {
    const testing::CliRun r = sweep(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[1];
    EXPECT_EQ(r.output, c.output) << c.args[1];
  }
  // A misspelt field is a new field the validator rejects, at the resolved pointer.
  const testing::CliRun typo = sweep({"--param", "/links/gcp-a/bandwith=10Gbps"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.output.rfind(scenario + ": point-0000 with /links/gcp-a/bandwith = \"10Gbps\": "
                                         "/links/0/bandwith: expected one of the fields ",
                              0),
            0u)
      << typo.output;
  EXPECT_NE(typo.output.find("found unknown field \"bandwith\"\n"), std::string::npos);
  // Nothing ran, nothing was written.
  EXPECT_FALSE(fs::exists(out));
}

TEST(SweepCommandTest, AResumedSweepRunsOnlyThePointsNotFinished) {
  const std::string dir = FreshDirectory("sweep-resume");
  const std::string scenario = WriteSweepScenario(dir);
  const std::string out = dir + "/out";
  const testing::CliRun first = RunCli(ESTATE_CLI_PATH, Sweep(scenario, out));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  std::vector<std::string> results;
  for (int k = 0; k < 4; ++k)
    results.push_back(ReadFileOrEmpty(out + "/point-000" + std::to_string(k) + "/result.json"));

  // An interruption: point 1 started but wrote no result, point 3 never started. Point 0's
  // result is marked so that a rerun would show; point 2 records other values than the
  // sweep's, so it is another run and must run again.
  fs::remove(out + "/point-0001/result.json");
  fs::remove_all(out + "/point-0003");
  json marked = json::parse(results[0]);
  marked["wan_peak_bps"] = 12345;
  testing::WriteTextFile(out + "/point-0000/result.json", marked.dump(2));
  json other = ReadJson(out + "/point-0002/point.json");
  other["parameters"]["/workload/rate/site-a"] = 5;
  testing::WriteTextFile(out + "/point-0002/point.json", other.dump(2));
  json stale = json::parse(results[2]);
  stale["wan_peak_bps"] = 12345;
  testing::WriteTextFile(out + "/point-0002/result.json", stale.dump(2));

  const testing::CliRun resumed = RunCli(ESTATE_CLI_PATH, Sweep(scenario, out));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("4 points; 1 finished already; running 3"), std::string::npos)
      << resumed.output;
  const json summary = ReadJson(out + "/sweep.json");
  EXPECT_EQ(summary["points"][0]["figures"]["wan_peak_bps"], 12345);  // skipped
  for (int k = 1; k < 4; ++k) {
    EXPECT_EQ(ReadFileOrEmpty(out + "/point-000" + std::to_string(k) + "/result.json"), results[k])
        << k;
  }

  // Adding a value to the first (slowest) parameter keeps points 0-3 as they were: only the
  // new ones run, and the old points now belong to the new sweep.
  std::vector<std::string> wider = Sweep(scenario, out);
  wider[3] = "/links/gcp-a/bandwidth=10Gbps,100Gbps,40Gbps";
  const testing::CliRun extended = RunCli(ESTATE_CLI_PATH, wider);
  ASSERT_EQ(extended.exit_code, 0) << extended.output;
  EXPECT_NE(extended.output.find("6 points; 4 finished already; running 2"), std::string::npos)
      << extended.output;
  const json plan = ReadJson(out + "/sweep-plan.json");
  EXPECT_EQ(ReadJson(out + "/point-0001/point.json")["sweep_id"], plan["sweep_id"]);
  EXPECT_EQ(ReadJson(out + "/sweep.json")["points"][5]["parameters"],
            json({{"/links/gcp-a/bandwidth", "40Gbps"}, {"/workload/rate/site-a", 8}}));
}

TEST(SweepCommandTest, ShardsMergeIntoTheUnshardedResultByteForByte) {
  const std::string dir = FreshDirectory("sweep-shards");
  const std::string scenario = WriteSweepScenario(dir);
  const std::string whole = dir + "/whole";
  const std::string shard0 = dir + "/shard-0";
  const std::string shard1 = dir + "/shard-1";
  const std::string merged = dir + "/merged";
  const testing::CliRun w = RunCli(ESTATE_CLI_PATH, Sweep(scenario, whole, {"--jobs", "2"}));
  ASSERT_EQ(w.exit_code, 0) << w.output;
  const testing::CliRun s0 =
      RunCli(ESTATE_CLI_PATH, Sweep(scenario, shard0, {"--shard", "0/2", "--jobs", "1"}));
  ASSERT_EQ(s0.exit_code, 0) << s0.output;
  EXPECT_NE(s0.output.find("4 points, 2 in shard 0/2; 0 finished already; running 2"),
            std::string::npos)
      << s0.output;
  const testing::CliRun s1 =
      RunCli(ESTATE_CLI_PATH, Sweep(scenario, shard1, {"--shard", "1/2", "--jobs", "1"}));
  ASSERT_EQ(s1.exit_code, 0) << s1.output;

  // Shard i holds the points k with k mod 2 == i, and a shard summary instead of sweep.json.
  EXPECT_TRUE(fs::exists(shard0 + "/point-0002/result.json"));
  EXPECT_FALSE(fs::exists(shard0 + "/point-0001"));
  EXPECT_TRUE(fs::exists(shard1 + "/point-0003/result.json"));
  EXPECT_FALSE(fs::exists(shard1 + "/point-0000"));
  EXPECT_FALSE(fs::exists(shard0 + "/sweep.json"));
  const json shard_summary = ReadJson(shard1 + "/shard-1-of-2.json");
  EXPECT_EQ(shard_summary["shard"], "1/2");
  ASSERT_EQ(shard_summary["points"].size(), 2u);
  EXPECT_EQ(shard_summary["points"][1]["point"], "point-0003");

  const testing::CliRun m = RunCli(ESTATE_CLI_PATH, {"merge", merged, shard0, shard1});
  ASSERT_EQ(m.exit_code, 0) << m.output;
  const std::string summary = ReadFileOrEmpty(whole + "/sweep.json");
  ASSERT_FALSE(summary.empty());
  EXPECT_EQ(ReadFileOrEmpty(merged + "/sweep.json"), summary);
  EXPECT_EQ(ReadFileOrEmpty(merged + "/sweep.csv"), ReadFileOrEmpty(whole + "/sweep.csv"));
  // Runs are deterministic whatever process or --jobs ran them.
  for (int k = 0; k < 4; ++k) {
    const std::string name = "/point-000" + std::to_string(k);
    EXPECT_EQ(ReadFileOrEmpty(merged + name + "/result.json"),
              ReadFileOrEmpty(whole + name + "/result.json"))
        << name;
  }
  // Merging into one of the shards' own directories works too (a shared volume).
  const testing::CliRun in_place = RunCli(ESTATE_CLI_PATH, {"merge", shard0, shard0, shard1});
  ASSERT_EQ(in_place.exit_code, 0) << in_place.output;
  EXPECT_EQ(ReadFileOrEmpty(shard0 + "/sweep.json"), summary);
}

TEST(SweepCommandTest, MergeNamesMissingPointsAndShardsOfOtherSweeps) {
  const std::string dir = FreshDirectory("sweep-merge-errors");
  const std::string scenario = WriteSweepScenario(dir);
  const std::string shard0 = dir + "/shard-0";
  const testing::CliRun s0 = RunCli(ESTATE_CLI_PATH, Sweep(scenario, shard0, {"--shard", "0/2"}));
  ASSERT_EQ(s0.exit_code, 0) << s0.output;

  const testing::CliRun missing = RunCli(ESTATE_CLI_PATH, {"merge", dir + "/m", shard0});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.output,
            "estate merge: point-0001 with /links/gcp-a/bandwidth = \"10Gbps\", "
            "/workload/rate/site-a = 8: no finished run in " +
                shard0 +
                "\n"
                "estate merge: point-0003 with /links/gcp-a/bandwidth = \"100Gbps\", "
                "/workload/rate/site-a = 8: no finished run in " +
                shard0 + "\n");

  // Shard 1 of a one-point sweep runs nothing but still records its plan.
  const std::string other = dir + "/other";
  const testing::CliRun o = RunCli(
      ESTATE_CLI_PATH,
      {"sweep", scenario, "--param", "/workload/rate/site-a=3", "--shard", "1/2", "--out", other});
  ASSERT_EQ(o.exit_code, 0) << o.output;
  const std::string mine = ReadJson(shard0 + "/sweep-plan.json")["sweep_id"];
  const std::string theirs = ReadJson(other + "/sweep-plan.json")["sweep_id"];
  ASSERT_NE(mine, theirs);
  const testing::CliRun foreign = RunCli(ESTATE_CLI_PATH, {"merge", dir + "/m", shard0, other});
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_EQ(foreign.output, "estate merge: " + other + ": a shard of another sweep (sweep " +
                                theirs + " of scenario \"small-eventual\"; " + shard0 +
                                " holds sweep " + mine + " of scenario \"small-eventual\")\n");

  const std::string empty = FreshDirectory("sweep-merge-empty");
  const testing::CliRun not_sweep = RunCli(ESTATE_CLI_PATH, {"merge", dir + "/m", empty});
  EXPECT_EQ(not_sweep.exit_code, 2);
  EXPECT_EQ(not_sweep.output, "estate merge: " + empty +
                                  "/sweep-plan.json: cannot read (not the output directory of "
                                  "estate sweep?)\n");
  EXPECT_FALSE(fs::exists(dir + "/m"));
}

TEST(SweepCommandTest, RelativePathsInTheScenarioKeepResolving) {
  // trace-replay.json names its trace and price table relative to its own directory.
  const std::string out = FreshDirectory("sweep-trace") + "/out";
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH,
             {"sweep", testing::SourcePath("scenarios/trace-replay.json"), "--param",
              "/links/gcp-site-a/bandwidth=10Gbps,100Gbps", "--duration", "10s", "--out", out});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.output;
  const json record = ReadJson(out + "/point-0001/point.json");
  EXPECT_EQ(record["scenario"]["workload"]["trace"]["path"],
            fs::path(testing::SourcePath("scenarios/traces/small-trace.csv"))
                .lexically_normal()
                .string());
  EXPECT_EQ(record["scenario"]["prices"],
            fs::path(testing::SourcePath("scenarios/prices.json")).lexically_normal().string());
  const json summary = ReadJson(out + "/sweep.json");
  for (const json& p : summary["points"])
    EXPECT_EQ(p["status"], "done") << p.dump();
  EXPECT_GT(ReadJson(out + "/point-0000/result.json")["operations"]["total"].get<double>(), 0);
}

}  // namespace
}  // namespace estate

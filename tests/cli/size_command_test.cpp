// `estate size` as pre-sales engineers and CI call it: every shipped scenario sizes, each
// figure says where it comes from, and bad input exits 2 naming the problem.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using nlohmann::json;
using testing::FreshDirectory;
using testing::ReadFileOrEmpty;
using testing::RunCli;

void ExpectFigure(const json& f, const std::string& what) {
  ASSERT_TRUE(f.is_object()) << what;
  const std::string source = f["source"];
  EXPECT_TRUE(source == "simulated" || source == "analytical" || source == "both")
      << what << ": " << source;
  if (source == "both") {
    EXPECT_TRUE(f["disagreement"].is_number()) << what;
  }
}

TEST(SizeCommandTest, EveryShippedScenarioSizes) {
  for (const char* name :
       {"retail-gcp-two-site", "dr-site-loss", "consistency-shootout", "trace-replay"}) {
    const std::string dir = FreshDirectory(std::string("size-") + name);
    const std::string scenario = testing::SourcePath(std::string("scenarios/") + name + ".json");
    const testing::CliRun r = RunCli(
        ESTATE_CLI_PATH, {"size", scenario, "--duration", "2min", "--seeds", "2", "--out", dir});
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.output;
    const json report = json::parse(ReadFileOrEmpty(dir + "/sizing.json"));
    EXPECT_EQ(report["seeds"].size(), 2u) << name;
    for (const auto& [link, l] : report["wan"].items()) {
      ExpectFigure(l["peak_bps"], std::string(name) + " wan " + link);
      EXPECT_GE(l["circuits"]["count"].get<int>(), 2) << "N+1 circuits";
      EXPECT_NEAR(l["required_bps"].get<double>(),
                  l["peak_bps"]["value"].get<double>() * (1 + report["wan_headroom"].get<double>()),
                  1e-6 * l["required_bps"].get<double>());
    }
    for (const auto& [site, s] : report["sites"].items()) {
      if (s.contains("cache_bytes")) ExpectFigure(s["cache_bytes"], std::string(name) + " cache");
    }
    ExpectFigure(report["rpo"]["normal_p99"], std::string(name) + " rpo");
    EXPECT_GT(report["cost"]["monthly_total"].get<double>(), 0) << name;
    // Every price line names its source, because reports mark prices as assumptions.
    for (const json& line : report["cost"]["lines"])
      EXPECT_FALSE(line["source"].get<std::string>().empty()) << name;
    EXPECT_NE(ReadFileOrEmpty(dir + "/sizing.md").find("## Monthly cost"), std::string::npos);
    // The runs behind the figures stay for inspection.
    EXPECT_FALSE(ReadFileOrEmpty(dir + "/runs/normal/result.json").empty()) << name;
  }
}

TEST(SizeCommandTest, AnalyticalOnlyNeedsNoSimulation) {
  const std::string dir = FreshDirectory("size-analytical");
  const std::string scenario = testing::SourcePath("scenarios/retail-gcp-two-site.json");
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"size", scenario, "--analytical-only", "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json report = json::parse(ReadFileOrEmpty(dir + "/sizing.json"));
  EXPECT_EQ(report["wan"]["gcp-site-a"]["peak_bps"]["source"], "analytical");
  EXPECT_EQ(report["availability"]["strong"]["source"], "analytical");
  EXPECT_FALSE(report.contains("seeds"));
}

TEST(SizeCommandTest, AMissingPriceTableExitsTwoNamingIt) {
  const std::string dir = FreshDirectory("size-no-prices");
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["prices"] = "no-such-prices.json";
  const std::string path = dir + "/scenario.json";
  testing::WriteTextFile(path, s.dump());
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"size", path, "--analytical-only", "--out", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(dir + "/no-such-prices.json"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace estate

// `estate report` as CI calls it: the files it writes and prints, byte-identical outputs for
// the same input, a plain `estate run` directory reported without further arguments, and the
// exact messages and exit codes for bad arguments and inputs.
#include <gtest/gtest.h>

#include <filesystem>
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
using testing::SourcePath;

const char* const kFormats[] = {"html", "pdf", "md", "json", "csv"};

TEST(ReportCommandTest, WritesEveryFormatAndPrintsEachPath) {
  const std::string out = FreshDirectory("report-cli");
  const std::string run = SourcePath("tests/data/report/run");
  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"report", run, "--format", "csv,json,md,pdf,html", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // In a fixed order, whatever the order asked; nothing else on the output.
  std::string expected;
  for (const char* f : kFormats)
    expected += out + "/report." + f + "\n";
  EXPECT_EQ(r.output, expected);
  // The Markdown, JSON and CSV are the golden files: the report does not depend on where the
  // results are.
  for (const char* f : {"md", "json", "csv"}) {
    EXPECT_EQ(ReadFileOrEmpty(out + "/report." + f),
              ReadFileOrEmpty(SourcePath(std::string("tests/golden/report/run.") + f)))
        << f;
  }
  EXPECT_EQ(ReadFileOrEmpty(out + "/report.pdf").rfind("%PDF-", 0), 0u);

  // The same input gives the same bytes, in every format.
  const std::string again = FreshDirectory("report-cli-again");
  const testing::CliRun r2 = RunCli(ESTATE_CLI_PATH, {"report", run, "--out", again});
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  for (const char* f : kFormats) {
    const std::string a = ReadFileOrEmpty(out + "/report." + f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_TRUE(a == ReadFileOrEmpty(again + "/report." + f)) << f << " differs between runs";
  }
}

TEST(ReportCommandTest, APlainRunDirectoryIsReportedWithoutArguments) {
  const std::string dir = FreshDirectory("report-after-run");
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["failures"] = json::array({{{"at", "5s"}, {"kind", "site-down"}, {"target", "site-b"}},
                               {{"at", "10s"}, {"kind", "site-up"}, {"target", "site-b"}}});
  testing::WriteTextFile(dir + "/s.json", s.dump(2));
  const testing::CliRun run = RunCli(
      ESTATE_CLI_PATH,
      {"run", dir + "/s.json", "--out", dir + "/out", "--duration", "20s", "--progress", "none"});
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.output;
  // The run keeps the scenario as it simulated it: --duration applied, paths absolute.
  const json copy = json::parse(ReadFileOrEmpty(dir + "/out/scenario.json"));
  EXPECT_EQ(copy["duration"], "20s");
  EXPECT_EQ(copy["prices"], SourcePath("scenarios/prices.json"));
  EXPECT_EQ(copy["sites"], s["sites"]);

  const testing::CliRun r =
      RunCli(ESTATE_CLI_PATH, {"report", dir + "/out", "--format", "html,md"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, dir + "/out/report.html\n" + dir + "/out/report.md\n");
  const std::string md = ReadFileOrEmpty(dir + "/out/report.md");
  EXPECT_NE(md.find("## Sizing"), std::string::npos);
  EXPECT_NE(md.find("| gcp-a |"), std::string::npos);
  // The site-down window shades the time charts.
  EXPECT_NE(ReadFileOrEmpty(dir + "/out/report.html").find("data-band=\"site-down site-b\""),
            std::string::npos);
}

TEST(ReportCommandTest, BadArgumentsAndInputsExitTwoWithTheReason) {
  const std::string run = SourcePath("tests/data/report/run");
  testing::CliRun r = RunCli(ESTATE_CLI_PATH, {"report", run, "--format", "html,docx"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output,
            "estate report: --format: expected a comma-separated list of html, pdf, md, json, "
            "csv, found \"docx\"\n");
  r = RunCli(ESTATE_CLI_PATH, {"report", run, "--format", "md,md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, "estate report: --format: expected each format once, found \"md\" again\n");

  const std::string missing = FreshDirectory("report-cli-missing") + "/nothing";
  r = RunCli(ESTATE_CLI_PATH, {"report", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, "estate report: " + missing + ": no such directory\n");

  const std::string empty = FreshDirectory("report-cli-empty");
  r = RunCli(ESTATE_CLI_PATH, {"report", empty});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output, "estate report: " + empty +
                          ": nothing to report: expected result.json, sizing.json, "
                          "comparison.json or sweep.json\n");
  EXPECT_TRUE(std::filesystem::is_empty(empty));  // nothing written
}

}  // namespace
}  // namespace estate

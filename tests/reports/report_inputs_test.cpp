// What `estate report` says about missing and malformed inputs: each message names the file,
// the field (JSON pointer) or line, and what was expected, exactly.
#include "reports/report/report_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "reports/report/report_builder.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate::reports {
namespace {

using nlohmann::json;
using testing::FreshDirectory;
using testing::ReadFileOrEmpty;
using testing::SourcePath;
using testing::WriteTextFile;

// A copy of the fixed run, so that a test can damage one file.
std::string RunCopy(const std::string& name) {
  const std::string dir = FreshDirectory(name);
  for (const char* f : {"result.json", "timeseries.csv", "scenario.json", "prices.json"}) {
    std::filesystem::copy_file(SourcePath("tests/data/report/run/") + f, dir + "/" + f);
  }
  return dir;
}

// The error of loading and building the report of `dir`, or "" when there is none.
std::string ErrorOf(const std::string& dir, const std::string& scenario = "") {
  Result<ReportInputs> in = LoadReportInputs(dir, scenario);
  if (!in.ok()) return in.status().message();
  Result<ReportModel> m = BuildReport(*in);
  return m.ok() ? "" : m.status().message();
}

void EditResult(const std::string& dir, void (*edit)(json&)) {
  json r = json::parse(ReadFileOrEmpty(dir + "/result.json"));
  edit(r);
  WriteTextFile(dir + "/result.json", r.dump(2));
}

TEST(ReportInputsTest, TheFixedRunLoads) {
  EXPECT_EQ(ErrorOf(SourcePath("tests/data/report/run")), "");
}

TEST(ReportInputsTest, AMissingDirectoryIsNotFound) {
  const std::string dir = FreshDirectory("report-missing") + "/nope";
  Result<ReportInputs> in = LoadReportInputs(dir, "");
  ASSERT_FALSE(in.ok());
  EXPECT_TRUE(in.status().IsNotFound());
  EXPECT_EQ(in.status().message(), dir + ": no such directory");
}

TEST(ReportInputsTest, ADirectoryWithoutResultsHasNothingToReport) {
  const std::string dir = FreshDirectory("report-empty");
  EXPECT_EQ(ErrorOf(dir), dir +
                              ": nothing to report: expected result.json, sizing.json, "
                              "comparison.json or sweep.json");
}

TEST(ReportInputsTest, UnparsableJsonNamesTheByte) {
  const std::string dir = FreshDirectory("report-syntax");
  WriteTextFile(dir + "/result.json", "{\"run\": x}");
  EXPECT_EQ(ErrorOf(dir), dir + "/result.json: expected JSON, found a syntax error at byte 9");
  WriteTextFile(dir + "/result.json", "[1, 2]");
  EXPECT_EQ(ErrorOf(dir), dir + "/result.json: expected a JSON object, found array");
}

TEST(ReportInputsTest, AMissingOrMistypedFieldNamesItsPointer) {
  std::string dir = RunCopy("report-missing-field");
  EditResult(dir, [](json& r) { r["run"].erase("duration_s"); });
  EXPECT_EQ(ErrorOf(dir), dir + "/result.json: /run/duration_s: expected a number, found nothing");

  dir = RunCopy("report-wrong-type");
  EditResult(dir, [](json& r) { r["sampling"]["rate"] = "fast"; });
  EXPECT_EQ(ErrorOf(dir), dir + "/result.json: /sampling/rate: expected a number, found \"fast\"");

  dir = RunCopy("report-bad-expectation");
  EditResult(dir, [](json& r) { r["expectations"][1]["pass"] = 1; });
  EXPECT_EQ(ErrorOf(dir), dir +
                              "/result.json: /expectations/1/pass: expected true or false, "
                              "found 1");

  dir = RunCopy("report-bad-failure");
  EditResult(dir, [](json& r) { r["failures"][0].erase("at_s"); });
  EXPECT_EQ(ErrorOf(dir), dir + "/result.json: /failures/0/at_s: expected a number, found nothing");
}

TEST(ReportInputsTest, AMalformedTimeseriesNamesTheLine) {
  const std::string dir = RunCopy("report-bad-csv");
  std::string csv = ReadFileOrEmpty(dir + "/timeseries.csv");
  // Line 3 loses its last field.
  const size_t line3 = csv.find('\n', csv.find('\n') + 1) + 1;
  const size_t end3 = csv.find('\n', line3);
  const size_t last_comma = csv.rfind(',', end3);
  csv.erase(last_comma, end3 - last_comma);
  WriteTextFile(dir + "/timeseries.csv", csv);
  EXPECT_EQ(ErrorOf(dir),
            dir + "/timeseries.csv: line 3: expected 19 fields as in the header, found 18");

  WriteTextFile(dir + "/timeseries.csv", "time_s,rpo_s\n1,0\n2,soon\n");
  EXPECT_EQ(ErrorOf(dir),
            dir + "/timeseries.csv: line 3, column rpo_s: expected a number, found \"soon\"");
  WriteTextFile(dir + "/timeseries.csv", "when,rpo_s\n");
  EXPECT_EQ(ErrorOf(dir), dir +
                              "/timeseries.csv: line 1: expected a header starting with "
                              "time_s, found \"when\"");
}

TEST(ReportInputsTest, ARunWithoutItsScenarioCannotBeSized) {
  const std::string dir = RunCopy("report-no-scenario");
  std::filesystem::remove(dir + "/scenario.json");
  EXPECT_EQ(ErrorOf(dir), dir + ": the sizing table needs the scenario the run simulated: no " +
                              dir + "/scenario.json (pass --scenario FILE)");
  // --scenario names it instead.
  EXPECT_EQ(ErrorOf(dir, SourcePath("tests/data/report/run/scenario.json")), "");
  // A sizing.json beside the run makes the scenario unnecessary.
  std::filesystem::copy_file(SourcePath("tests/data/report/sizing/sizing.json"),
                             dir + "/sizing.json");
  EXPECT_EQ(ErrorOf(dir), "");
}

TEST(ReportInputsTest, AnInvalidScenarioIsReportedAsTheValidatorDoes) {
  const std::string dir = RunCopy("report-bad-scenario");
  json s = json::parse(ReadFileOrEmpty(dir + "/scenario.json"));
  s["links"][0]["bandwidth"] = "fast";
  WriteTextFile(dir + "/scenario.json", s.dump(2));
  EXPECT_EQ(ErrorOf(dir), dir +
                              "/scenario.json: /links/0/bandwidth: expected a bandwidth such "
                              "as \"100Gbps\", found \"fast\"");
}

TEST(ReportInputsTest, MalformedSizingComparisonAndSweepNameTheirField) {
  const std::string dir = FreshDirectory("report-bad-sizing");
  WriteTextFile(dir + "/sizing.json", R"({"scenario": "s", "target_hit_ratio": 0.9})");
  EXPECT_EQ(ErrorOf(dir), dir + "/sizing.json: /wan_headroom: expected a number, found nothing");

  const std::string c = FreshDirectory("report-bad-comparison");
  json comparison =
      json::parse(ReadFileOrEmpty(SourcePath("tests/data/report/compare/"
                                             "comparison.json")));
  comparison["modes"]["strong"]["write_latency"]["p99_s"] = "slow";
  WriteTextFile(c + "/comparison.json", comparison.dump());
  EXPECT_EQ(ErrorOf(c), c + "/comparison.json: /modes/strong/write_latency/p99_s: expected a "
                            "number or null, found \"slow\"");

  const std::string w = FreshDirectory("report-bad-sweep");
  json sweep = json::parse(ReadFileOrEmpty(SourcePath("tests/data/report/sweep/sweep.json")));
  sweep["points"][2]["parameters"].erase("/mounts/0/consistency");
  WriteTextFile(w + "/sweep.json", sweep.dump());
  EXPECT_EQ(ErrorOf(w), w + "/sweep.json: /points/2/parameters/~1mounts~10~1consistency: "
                            "expected a value, found nothing");
}

}  // namespace
}  // namespace estate::reports

// The sweep library without running anything: parameter parsing, id-addressed JSON pointers,
// the cartesian product's numbering, point scenarios, validation messages and the summary.
#include "reports/sweep/sweep_plan.h"

#include <gtest/gtest.h>

#include "reports/sweep/json_pointer_patch.h"
#include "reports/sweep/sweep_shard.h"
#include "reports/sweep/sweep_summary.h"
#include "reports/sweep/sweep_validation.h"
#include "tests/support/scenario_builder.h"

namespace estate::reports {
namespace {

using nlohmann::json;

json Base() {
  json s = testing::SmallScenario("eventual", "1Gbps", "10ms", "15ms");
  s["prices"] = "prices.json";
  return s;
}

SweepParameter Param(const std::string& arg) {
  Result<SweepParameter> p = ParseSweepParameter(arg);
  EXPECT_TRUE(p.ok()) << arg << ": " << p.status().message();
  return p.ok() ? *p : SweepParameter{};
}

SweepPlan MakePlan(const std::vector<std::string>& args, SweepRunSettings settings = {}) {
  std::vector<SweepParameter> params;
  for (const std::string& a : args)
    params.push_back(Param(a));
  Result<SweepPlan> plan = SweepPlan::Make(Base(), "/data/scenarios", params, settings);
  EXPECT_TRUE(plan.ok()) << plan.status().message();
  return *plan;
}

std::string PlanError(const std::vector<std::string>& args) {
  std::vector<SweepParameter> params;
  for (const std::string& a : args)
    params.push_back(Param(a));
  Result<SweepPlan> plan = SweepPlan::Make(Base(), "/data", params, {});
  return plan.ok() ? "ok" : plan.status().message();
}

TEST(SweepParameterTest, ValuesAreJsonWhenTheyParseAndStringsOtherwise) {
  const SweepParameter p = Param("/x=10Gbps,40,true,\"7\",[1,2],{\"a\":1,\"b\":\"c,d\"},null");
  EXPECT_EQ(p.pointer, "/x");
  ASSERT_EQ(p.values.size(), 7u);
  EXPECT_EQ(p.values[0], json("10Gbps"));
  EXPECT_EQ(p.values[1], json(40));
  EXPECT_EQ(p.values[2], json(true));
  EXPECT_EQ(p.values[3], json("7"));
  EXPECT_EQ(p.values[4], json::array({1, 2}));
  EXPECT_EQ(p.values[5], json({{"a", 1}, {"b", "c,d"}}));
  EXPECT_EQ(p.values[6], json(nullptr));
  // Only the first "=" separates the pointer.
  EXPECT_EQ(Param("/a=b=c").values, std::vector<json>{json("b=c")});
}

TEST(SweepParameterTest, MalformedArgumentsSayWhatIsExpected) {
  EXPECT_EQ(ParseSweepParameter("/links/0/bandwidth").status().message(),
            "expected PATH=V1,V2,...");
  EXPECT_EQ(ParseSweepParameter("/x=").status().message(),
            "expected at least one value after \"=\"");
  EXPECT_EQ(ParseSweepParameter("/x=1,,2").status().message(),
            "value 2 is empty; write \"\" for the empty string");
}

TEST(JsonPointerPatchTest, TokensNameIndexesOrIds) {
  const json doc = Base();
  EXPECT_EQ(*ResolvePointer(doc, "/links/a-b/latency"), "/links/2/latency");
  EXPECT_EQ(*ResolvePointer(doc, "/links/1/bandwidth"), "/links/1/bandwidth");
  EXPECT_EQ(*ResolvePointer(doc, "/sites/site-a/cache/capacity"), "/sites/1/cache/capacity");
  // A new member of an existing object is allowed at the end only.
  EXPECT_EQ(*ResolvePointer(doc, "/workload/diurnal"), "/workload/diurnal");
  // "~1" is "/" in a key and stays escaped in the resolved form.
  json slashed = {{"m", {{"lake/", 1}}}};
  EXPECT_EQ(*ResolvePointer(slashed, "/m/lake~1"), "/m/lake~1");
  SetAtResolvedPointer(&slashed, "/m/lake~1", 2);
  EXPECT_EQ(slashed["m"]["lake/"], 2);
}

TEST(JsonPointerPatchTest, ErrorsNameThePartAtFault) {
  const json doc = Base();
  auto error = [&](const std::string& p) { return ResolvePointer(doc, p).status().message(); };
  EXPECT_EQ(error("links/0"), "expected a JSON pointer starting with \"/\", found \"links/0\"");
  EXPECT_EQ(error("/links/3/bandwidth"), "/links/3: no such element (/links has 3)");
  EXPECT_EQ(error("/links/nope/bandwidth"),
            "/links/nope: no element of /links has \"id\": \"nope\"");
  EXPECT_EQ(error("/workload/nothing/x"),
            "/workload/nothing: no such field (only the last token may name a new field)");
  EXPECT_EQ(error("/name/x"), "/name/x: /name is a string, not an object or an array");
  EXPECT_EQ(error("/a~2"),
            "expected \"~0\" or \"~1\" after \"~\" in a JSON pointer, found \"/a~2\"");
  // "01" is no index (RFC 6901), so it is looked up as an id.
  EXPECT_EQ(error("/links/01"), "/links/01: no element of /links has \"id\": \"01\"");
}

TEST(SweepPlanTest, TheFirstParameterVariesSlowest) {
  const SweepPlan plan =
      MakePlan({"/links/gcp-a/bandwidth=1Gbps,10Gbps,100Gbps", "/workload/rate/site-a=2,8"});
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_EQ(plan.parameters()[0].resolved, "/links/0/bandwidth");
  EXPECT_EQ(plan.parameters()[1].resolved, "/workload/rate/site-a");
  EXPECT_EQ(plan.ValueIndexes(0), (std::vector<size_t>{0, 0}));
  EXPECT_EQ(plan.ValueIndexes(1), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(plan.ValueIndexes(2), (std::vector<size_t>{1, 0}));
  EXPECT_EQ(plan.ValueIndexes(5), (std::vector<size_t>{2, 1}));
  EXPECT_EQ(plan.PointName(5), "point-0005");
  EXPECT_EQ(plan.PointValues(3),
            json({{"/links/gcp-a/bandwidth", "10Gbps"}, {"/workload/rate/site-a", 8}}));
  const json s = plan.PointScenario(3);
  EXPECT_EQ(s["links"][0]["bandwidth"], "10Gbps");
  EXPECT_EQ(s["links"][1]["bandwidth"], "1Gbps");  // untouched
  EXPECT_EQ(s["workload"]["rate"]["site-a"], 8);
  EXPECT_EQ(plan.DescribePoint(3),
            "point-0003 with /links/gcp-a/bandwidth = \"10Gbps\", "
            "/workload/rate/site-a = 8");
}

TEST(SweepPlanTest, PointNamesWidenBeyondTenThousandPoints) {
  std::string values;
  for (int i = 0; i < 10001; ++i)
    values += (i ? "," : "") + std::to_string(i + 1);
  const SweepPlan plan = MakePlan({"/workload/rate/site-a=" + values});
  ASSERT_EQ(plan.size(), 10001u);
  EXPECT_EQ(plan.PointName(7), "point-00007");
  EXPECT_EQ(plan.PointName(10000), "point-10000");
}

TEST(SweepPlanTest, SettingsComeFirstAndRelativePathsBecomeAbsolute) {
  SweepRunSettings settings;
  settings.duration = "20s";
  settings.seed = 99;
  json base = Base();
  base["workload"]["trace"] = {{"path", "traces/t.csv"}, {"format", "csv"}};
  Result<SweepPlan> plan = SweepPlan::Make(base, "/data/scenarios", {Param("/seed=5,6")}, settings);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  const json s = plan->PointScenario(1);
  EXPECT_EQ(s["duration"], "20s");
  EXPECT_EQ(s["seed"], 6);  // the parameter wins over --seed
  EXPECT_EQ(s["prices"], "/data/scenarios/prices.json");
  EXPECT_EQ(s["workload"]["trace"]["path"], "/data/scenarios/traces/t.csv");
  // An absent price table is the parser's default, next to the scenario.
  base.erase("prices");
  EXPECT_EQ(SweepPlan::Make(base, "/d", {Param("/seed=1")}, {})->PointScenario(0)["prices"],
            "/d/prices.json");
}

TEST(SweepPlanTest, BadPlansNameTheParameter) {
  EXPECT_EQ(PlanError({"/links/7/bandwidth=1Gbps"}),
            "--param /links/7/bandwidth: /links/7: no such element (/links has 3)");
  EXPECT_EQ(PlanError({"/links/0/bandwidth=1Gbps", "/links/gcp-a/bandwidth=2Gbps"}),
            "--param /links/gcp-a/bandwidth: sets the same field as --param /links/0/bandwidth");
  EXPECT_EQ(PlanError({"/links/0/latency=1ms", "/links/gcp-a={}"}),
            "--param /links/gcp-a: overlaps --param /links/0/latency (one sets a field inside "
            "the other's)");
  EXPECT_EQ(PlanError({}), "expected at least one --param");
  std::string many;
  for (int i = 0; i < 400; ++i)
    many += (i ? "," : "") + std::to_string(i);
  EXPECT_EQ(PlanError({"/seed=" + many, "/workload/rate/site-a=" + many}),
            "the sweep has 160000 points; at most 100000");
}

TEST(SweepPlanTest, TheIdCoversWhatDecidesResultsNotWhereFilesLive) {
  const SweepParameter p = Param("/seed=1,2");
  const SweepPlan a = *SweepPlan::Make(Base(), "/one", {p}, {});
  const SweepPlan b = *SweepPlan::Make(Base(), "/two", {p}, {});
  const SweepPlan c = *SweepPlan::Make(Base(), "/one", {Param("/seed=1,3")}, {});
  SweepRunSettings shorter;
  shorter.duration = "5s";
  const SweepPlan d = *SweepPlan::Make(Base(), "/one", {p}, shorter);
  EXPECT_EQ(a.id().size(), 16u);
  EXPECT_EQ(a.id(), b.id());
  EXPECT_NE(a.id(), c.id());
  EXPECT_NE(a.id(), d.id());
  // Saved and read back, a plan is the same plan.
  const Result<SweepPlan> back = SweepPlan::FromJson(d.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id(), d.id());
  EXPECT_EQ(back->ToJson(), d.ToJson());
}

TEST(SweepValidationTest, ProblemsNameThePointAndTheParameterToBlame) {
  const SweepPlan plan =
      MakePlan({"/links/gcp-a/bandwidth=1Gbps,fast", "/workload/rate/site-a=2,3"});
  EXPECT_EQ(ValidateSweepPoints(plan, "s.json"),
            (std::vector<std::string>{
                "s.json: point-0002 with /links/gcp-a/bandwidth = \"fast\": /links/0/bandwidth: "
                "expected a bandwidth such as \"100Gbps\", found \"fast\"",
                "s.json: point-0003 with /links/gcp-a/bandwidth = \"fast\": /links/0/bandwidth: "
                "expected a bandwidth such as \"100Gbps\", found \"fast\""}));
  // A mix that no longer sums to 1 is reported at /workload/mix, around the parameter's field.
  const SweepPlan mix = MakePlan({"/workload/mix/read=0.5,0.9"});
  const std::vector<std::string> problems = ValidateSweepPoints(mix, "s.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("s.json: point-0001 with /workload/mix/read = 0.9: /workload/mix", 0),
            0u)
      << problems[0];
}

TEST(SweepShardTest, ShardsAreZeroBasedSlicesModuloTheirCount) {
  const SweepShard s = *ParseSweepShard("1/3");
  EXPECT_FALSE(s.Holds(0));
  EXPECT_TRUE(s.Holds(1));
  EXPECT_TRUE(s.Holds(4));
  EXPECT_EQ(s.ToString(), "1/3");
  for (const char* bad : {"3/3", "1", "-1/2", "1/0", "a/b", "1/2x"}) {
    EXPECT_EQ(
        ParseSweepShard(bad).status().message(),
        std::string("--shard: expected i/n with 0 <= i < n (0-based), found \"") + bad + "\"");
  }
}

TEST(SweepSummaryTest, CsvQuotesOnlyWhatNeedsIt) {
  const SweepPlan plan = MakePlan({"/description=plain,\"with, comma\",\"say \\\"hi\\\"\""});
  std::vector<SweepPointOutcome> points(3);
  for (size_t k = 0; k < 3; ++k)
    points[k].index = k;
  points[0].finished = true;
  points[0].result = {{"wan_peak_bps", 1.5e9},
                      {"hit_ratio", 0.25},
                      {"expectations", {{{"pass", true}}, {{"pass", false}}, {{"pass", true}}}}};
  const json summary = SweepSummary(plan, points, SweepShard{});
  EXPECT_FALSE(summary.contains("shard"));
  EXPECT_EQ(summary["points"][0]["expectations"], json({{"passed", 2}, {"failed", 1}}));
  EXPECT_EQ(summary["points"][0]["figures"]["rpo.p99"], json(nullptr));
  EXPECT_EQ(summary["points"][1]["status"], "failed");
  EXPECT_EQ(SweepSummaryCsv(summary),
            "point,/description,status,wan_peak_bps,egress_bytes,replication_lag.p99,rpo.p99,"
            "write_latency.p99,read_latency.p99,availability.all,hit_ratio,expectations_passed,"
            "expectations_failed\n"
            "point-0000,plain,done,1500000000.0,,,,,,,0.25,2,1\n"
            "point-0001,\"with, comma\",failed,,,,,,,,,,\n"
            "point-0002,\"say \"\"hi\"\"\",failed,,,,,,,,,,\n");
  EXPECT_EQ(SweepSummary(plan, {points[0]}, *ParseSweepShard("0/2"))["shard"], "0/2");
}

}  // namespace
}  // namespace estate::reports

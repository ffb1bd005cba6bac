// Stale-read bookkeeping, expectation checking and the JUnit report, on hand-made inputs.
#include <gtest/gtest.h>

#include "sim/metrics/run_metrics.h"
#include "sim/output/run_result.h"
#include "sim/scenario/expectation_parser.h"

namespace estate::sim {
namespace {

TEST(StaleReads, OlderGenerationOrMissingObjectIsStale) {
  RunMetrics m(kSecond);
  EXPECT_FALSE(RunMetrics::IsStale(m.ExpectedAt("b/x"), false, 0));  // nothing acknowledged
  m.NoteAcknowledged("b/x", 100, false);
  const RunMetrics::Expected e = m.ExpectedAt("b/x");
  EXPECT_TRUE(RunMetrics::IsStale(e, true, 99));
  EXPECT_FALSE(RunMetrics::IsStale(e, true, 100));
  EXPECT_FALSE(RunMetrics::IsStale(e, true, 101));
  EXPECT_TRUE(RunMetrics::IsStale(e, false, 0));
  // An older acknowledgement arriving late does not lower the bar.
  m.NoteAcknowledged("b/x", 50, false);
  EXPECT_EQ(m.ExpectedAt("b/x").generation, 100);
  m.NoteAcknowledged("b/x", 100, true);  // deleted
  const RunMetrics::Expected d = m.ExpectedAt("b/x");
  EXPECT_TRUE(RunMetrics::IsStale(d, true, 100));   // still sees the deleted generation
  EXPECT_FALSE(RunMetrics::IsStale(d, false, 0));   // sees the delete
  EXPECT_FALSE(RunMetrics::IsStale(d, true, 120));  // sees a later write
}

TEST(RunMetrics, OpsLandInTheIntervalOfTheirCompletion) {
  RunMetrics m(10 * kSecond);
  m.RecordOp({.op = OpKind::kWrite, .issued = 0, .completed = 10 * kSecond});
  m.RecordOp({.op = OpKind::kRead, .issued = 0, .completed = 10 * kSecond + 1});
  m.RecordRejected(OpKind::kRead, 1, ConsistencyMode::kStrong, 25 * kSecond);
  ASSERT_EQ(m.rows().size(), 3u);
  EXPECT_EQ(m.rows()[0].ops[static_cast<int>(OpKind::kWrite)], 1u);
  EXPECT_EQ(m.rows()[1].ops[static_cast<int>(OpKind::kRead)], 1u);
  EXPECT_EQ(m.rows()[2].failed, 1u);
  EXPECT_EQ(m.rows()[2].start, 20 * kSecond);
}

nlohmann::json SampleResult() {
  return nlohmann::json::parse(R"({
    "replication_lag": {"p99": 120.5},
    "write_latency": {"p99": 0.05, "strong": {"p99": 0.061}},
    "egress_bytes": 1.5e15,
    "availability": {"strong": 0.9995}
  })");
}

Expectation Parsed(const char* text) {
  Result<Expectation> e = ParseExpectation(text);
  EXPECT_TRUE(e.ok()) << text;
  return *e;
}

TEST(Expectations, PassAndFailWithMessages) {
  const auto outcomes = CheckExpectations(
      {Parsed("replication_lag.p99 < 15min"), Parsed("write_latency.strong.p99 < 60ms"),
       Parsed("egress_bytes < 2PB"), Parsed("availability.strong >= 99.9%"),
       Parsed("cache.site-z.hit_ratio > 0.5")},
      SampleResult());
  ASSERT_EQ(outcomes.size(), 5u);
  EXPECT_TRUE(outcomes[0].pass);
  EXPECT_EQ(outcomes[0].message, "replication_lag.p99 = 120.5 s, meets < 900 s");
  EXPECT_FALSE(outcomes[1].pass);
  EXPECT_EQ(outcomes[1].message, "write_latency.strong.p99 = 0.061 s, does not meet < 0.06 s");
  EXPECT_TRUE(outcomes[2].pass);
  EXPECT_TRUE(outcomes[3].pass);
  EXPECT_FALSE(outcomes[4].pass);
  EXPECT_FALSE(outcomes[4].found);
  EXPECT_EQ(outcomes[4].message,
            "metric \"cache.site-z.hit_ratio\" is not in the result (no number at /cache)");
}

TEST(Expectations, JunitNamesEachExpectationAndItsFailure) {
  const auto outcomes = CheckExpectations(
      {Parsed("replication_lag.p99 < 15min"), Parsed("write_latency.strong.p99 < 60ms")},
      SampleResult());
  EXPECT_EQ(JunitXml("demo", outcomes),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites tests=\"2\" failures=\"1\">\n"
            "  <testsuite name=\"demo\" tests=\"2\" failures=\"1\">\n"
            "    <testcase classname=\"demo.expectations\" name=\"replication_lag.p99 &lt; "
            "15min\"/>\n"
            "    <testcase classname=\"demo.expectations\" name=\"write_latency.strong.p99 &lt; "
            "60ms\">\n"
            "      <failure message=\"write_latency.strong.p99 = 0.061 s, does not meet &lt; 0.06 "
            "s\">write_latency.strong.p99 = 0.061 s, does not meet &lt; 0.06 s</failure>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

}  // namespace
}  // namespace estate::sim

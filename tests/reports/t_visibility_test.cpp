// t-visibility (PBS) from hand-made lag histograms: the measured curve at each t, strong
// mode's derived curve, and result.json's t_visibility object.
#include "sim/metrics/t_visibility.h"

#include <gtest/gtest.h>

#include "sim/output/run_result.h"
#include "sim/output/t_visibility_json.h"
#include "sim/scenario/expectation_parser.h"

namespace estate::sim {
namespace {

// Ten (write, remote replica) pairs as (lag, how many): 0, 0.5 ms, 3 ms x3, 30 ms x2,
// 150 ms x2 and 2 s.
constexpr std::pair<DurationNs, uint64_t> kTenPairs[] = {{0, 1},
                                                         {500 * kMicrosecond, 1},
                                                         {3 * kMillisecond, 3},
                                                         {30 * kMillisecond, 2},
                                                         {150 * kMillisecond, 2},
                                                         {2 * kSecond, 1}};

LatencyHistogram TenPairs() {
  LatencyHistogram h;
  for (const auto& [lag, count] : kTenPairs)
    h.Record(lag, count);
  return h;
}

TEST(TVisibility, MeasuredIsTheShareOfPairsAppliedWithinT) {
  const TVisibilityCurve c = MeasuredTVisibility(TenPairs());
  EXPECT_EQ(c.basis, VisibilityBasis::kMeasured);
  EXPECT_EQ(c.pairs, 10u);
  // t (ms):                        0    1    5    10   20   50   100  200  500  1000 5000
  const std::vector<double> want = {0.1, 0.2, 0.5, 0.5, 0.5, 0.7, 0.7, 0.9, 0.9, 0.9, 1.0};
  ASSERT_EQ(c.fraction.size(), kTVisibilityMs.size());
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_TRUE(c.fraction[i].has_value()) << kTVisibilityMs[i] << " ms";
    EXPECT_DOUBLE_EQ(*c.fraction[i], want[i]) << kTVisibilityMs[i] << " ms";
  }
}

TEST(TVisibility, ResolutionIsTheHistogramBucket) {
  // 100 ms falls in the bucket [99.614720, 100.139008) ms: a lag of 100.1 ms counts as seen at
  // t = 100 ms, one of 100.2 ms (the next bucket) does not.
  LatencyHistogram h;
  h.Record(100'100'000);
  h.Record(100'200'000);
  const TVisibilityCurve c = MeasuredTVisibility(h);
  EXPECT_DOUBLE_EQ(*c.fraction[6], 0.5);  // 100 ms
  EXPECT_DOUBLE_EQ(*c.fraction[5], 0.0);  // 50 ms
  EXPECT_DOUBLE_EQ(*c.fraction[7], 1.0);  // 200 ms
}

TEST(TVisibility, NothingMeasuredSaysNothing) {
  const TVisibilityCurve c = MeasuredTVisibility(LatencyHistogram{});
  EXPECT_EQ(c.pairs, 0u);
  for (const std::optional<double>& f : c.fraction)
    EXPECT_FALSE(f.has_value());
}

TEST(TVisibility, StrongIsDerivedFromTheModeNotTheLag) {
  const TVisibilityCurve strong = TVisibilityFor(ConsistencyMode::kStrong, TenPairs());
  EXPECT_EQ(strong.basis, VisibilityBasis::kLinearizable);
  EXPECT_EQ(strong.pairs, 10u);
  for (const std::optional<double>& f : strong.fraction)
    EXPECT_EQ(f, std::optional<double>(1.0));
  for (ConsistencyMode m : {ConsistencyMode::kSyncSites, ConsistencyMode::kBoundedStaleness,
                            ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
    const TVisibilityCurve c = TVisibilityFor(m, TenPairs());
    EXPECT_EQ(c.basis, VisibilityBasis::kMeasured) << ConsistencyModeName(m);
    EXPECT_DOUBLE_EQ(*c.fraction[2], 0.5) << ConsistencyModeName(m);
  }
}

// A run record whose site 1 applied the ten pairs' writes.
RunRecord TenPairRun() {
  RunRecord r;
  r.site_names = {"gcp", "site-a"};
  for (const auto& [lag, count] : kTenPairs) {
    for (uint64_t i = 0; i < count; ++i)
      r.metrics.RecordReplication(1, /*data=*/false, lag, kSecond);
  }
  return r;
}

Scenario WithModes(std::vector<ConsistencyMode> modes) {
  Scenario s;
  for (ConsistencyMode m : modes) {
    MountSpec mount;
    mount.path = std::string(ConsistencyModeName(m)) + "/";
    mount.mode = m;
    s.mounts.push_back(mount);
  }
  return s;
}

TEST(TVisibilityJson, MixedRunReportsEachModeAndMeasuredOverall) {
  const nlohmann::json j = TVisibilityJson(
      WithModes({ConsistencyMode::kEventual, ConsistencyMode::kStrong}), TenPairRun());
  EXPECT_EQ(j["t_ms"], nlohmann::json({0, 1, 5, 10, 20, 50, 100, 200, 500, 1000, 5000}));
  EXPECT_EQ(j["pairs"], 10);
  EXPECT_EQ(
      j["basis"],
      nlohmann::json({{"all", "measured"}, {"strong", "linearizable"}, {"eventual", "measured"}}));
  EXPECT_DOUBLE_EQ(j["all"]["5ms"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["eventual"]["200ms"].get<double>(), 0.9);
  EXPECT_DOUBLE_EQ(j["strong"]["0ms"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["by_site"]["site-a"]["50ms"].get<double>(), 0.7);
  EXPECT_FALSE(j["by_site"].contains("gcp"));  // it applied nothing
}

TEST(TVisibilityJson, AllStrongRunIsOneEverywhere) {
  const nlohmann::json j = TVisibilityJson(WithModes({ConsistencyMode::kStrong}), TenPairRun());
  EXPECT_EQ(j["basis"]["all"], "linearizable");
  for (const auto& [t, f] : j["all"].items())
    EXPECT_EQ(f, 1.0) << t;
  EXPECT_EQ(j["by_site"]["site-a"]["0ms"], 1.0);
}

TEST(TVisibilityJson, ExpectationsCanNameAPoint) {
  nlohmann::json result;
  result["t_visibility"] = TVisibilityJson(WithModes({ConsistencyMode::kEventual}), TenPairRun());
  Result<Expectation> met = ParseExpectation("t_visibility.eventual.50ms >= 70%");
  Result<Expectation> unmet = ParseExpectation("t_visibility.all.10ms > 0.5");
  ASSERT_TRUE(met.ok() && unmet.ok());
  const std::vector<ExpectationOutcome> o = CheckExpectations({*met, *unmet}, result);
  EXPECT_TRUE(o[0].pass) << o[0].message;
  EXPECT_FALSE(o[1].pass);
  EXPECT_EQ(o[1].message, "t_visibility.all.10ms = 0.5, does not meet > 0.5");
}

}  // namespace
}  // namespace estate::sim

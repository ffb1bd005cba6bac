// Cache sizing from a sampled request stream against the full one, on a 10-million-object
// synthetic workload (docs/SCALING.md, "Cache sizing under sampling").
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "sim/scenario/deployment.h"
#include "sim/scenario/scenario_parser.h"
#include "sim/sizing/workload_mrc.h"
#include "tests/support/scenario_builder.h"

namespace estate::sim {
namespace {

// Zipf 1.2 over 10M objects of 4 MiB, 1000 requests a second at site-a for 100 minutes: 6M
// requests, 93.5% of the bytes re-read, so a 90% byte hit ratio is reachable but near the
// curve's flat top, where a size is most sensitive to error.
Scenario TenMillionObjects(double rate, uint64_t seed) {
  nlohmann::json j = testing::SmallScenario("eventual", "100Gbps", "10ms", "15ms");
  j["seed"] = seed;
  j["sampling_rate"] = rate;
  j["duration"] = "6000s";
  j["workload"]["objects"] = 10'000'000;
  j["workload"]["object_size"] = {{"fixed", "4MiB"}};
  j["workload"]["popularity"] = {{"zipf", {{"alpha", 1.2}}}};
  j["workload"]["mix"] = {{"read", 0.9}, {"write", 0.1}, {"list", 0}, {"delete", 0}};
  j["workload"]["rate"] = {{"site-a", 1000}};
  ScenarioParse p = ParseScenario(j.dump(), "ten-million.json");
  EXPECT_TRUE(p.ok()) << (p.Messages().empty() ? "" : p.Messages().front());
  return p.scenario;
}

SiteCacheCurve SiteA(const Scenario& s) {
  Result<Deployment> d = DeploymentFromScenario(s);
  EXPECT_TRUE(d.ok());
  auto curves = WorkloadCacheCurves(s, *d, ".", s.seed);
  EXPECT_TRUE(curves.ok());
  EXPECT_EQ(curves->front().site, "site-a");
  return curves->front();
}

TEST(SamplingAccuracyTest, CacheForNinetyPercentHitRatioAtOnePercentSampling) {
#if defined(ESTATE_UNDER_ASAN)
  GTEST_SKIP() << "model accuracy, not memory safety: 10M-object streams are slow under ASan";
#endif
  const SiteCacheCurve full = SiteA(TenMillionObjects(1.0, 1));
  ASSERT_GT(full.bytes_for_target, 0);
  EXPECT_NEAR(full.max_hit_ratio, 0.935, 0.002);
  EXPECT_EQ(full.accesses, 5'999'796u);  // the stream is the scenario's, seeded
  // Three seeds at R = 0.01 (what `estate size` runs): each within 6%, their mean within 2%.
  double sum = 0;
  for (uint64_t seed : {1, 2, 3}) {
    const SiteCacheCurve sampled = SiteA(TenMillionObjects(0.01, seed));
    ASSERT_GT(sampled.bytes_for_target, 0) << seed;
    EXPECT_NEAR(sampled.max_hit_ratio, full.max_hit_ratio, 0.002) << seed;
    EXPECT_NEAR(sampled.bytes_for_target / full.bytes_for_target, 1.0, 0.06) << seed;
    // Memory follows the head and the sampled tail, not the 388k distinct keys.
    EXPECT_LT(sampled.distinct_keys, 40'000u) << seed;
    sum += sampled.bytes_for_target;
  }
  EXPECT_NEAR(sum / 3 / full.bytes_for_target, 1.0, 0.02);
}

}  // namespace
}  // namespace estate::sim

#include "sim/metrics/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace estate::sim {
namespace {

TEST(LatencyHistogram, BucketsAreExactBelow128ThenLogLinear) {
  for (uint64_t v = 0; v < 128; ++v) {
    EXPECT_EQ(LatencyHistogram::BucketOf(v), v);
    EXPECT_EQ(LatencyHistogram::BucketLow(v), v);
    EXPECT_EQ(LatencyHistogram::BucketWidth(v), 1u);
  }
  EXPECT_EQ(LatencyHistogram::BucketOf(128), 128u);
  EXPECT_EQ(LatencyHistogram::BucketOf(255), 255u);
  EXPECT_EQ(LatencyHistogram::BucketOf(256), 256u);  // width 2 from here
  EXPECT_EQ(LatencyHistogram::BucketOf(257), 256u);
  EXPECT_EQ(LatencyHistogram::BucketLow(256), 256u);
  EXPECT_EQ(LatencyHistogram::BucketWidth(256), 2u);
}

TEST(LatencyHistogram, EveryValueFallsInsideItsBucket) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const uint64_t v = rng() >> (rng() % 64);
    const size_t b = LatencyHistogram::BucketOf(v);
    ASSERT_LE(LatencyHistogram::BucketLow(b), v);
    ASSERT_LT(v - LatencyHistogram::BucketLow(b), LatencyHistogram::BucketWidth(b));
    // Relative resolution: a bucket is at most 1/128 of its lower bound wide.
    if (v >= 128) {
      ASSERT_LE(LatencyHistogram::BucketWidth(b) * 128, LatencyHistogram::BucketLow(b));
    }
  }
}

TEST(LatencyHistogram, PercentilesMatchSortedValuesWithinHalfABucket) {
  std::mt19937_64 rng(11);
  std::lognormal_distribution<double> dist(std::log(30e6), 1.0);  // ~30 ms
  std::vector<int64_t> values;
  LatencyHistogram h;
  for (int i = 0; i < 50000; ++i) {
    const int64_t v = static_cast<int64_t>(dist(rng));
    values.push_back(v);
    h.Record(v);
  }
  std::sort(values.begin(), values.end());
  for (double p : {50.0, 90.0, 99.0, 99.9}) {
    const size_t rank = static_cast<size_t>(std::ceil(p / 100 * values.size()));
    const double exact = static_cast<double>(values[rank - 1]);
    EXPECT_NEAR(static_cast<double>(h.Percentile(p)), exact, exact * 0.004) << p;
  }
  EXPECT_EQ(h.count(), 50000u);
  EXPECT_EQ(h.min(), values.front());
  EXPECT_EQ(h.max(), values.back());
  EXPECT_EQ(h.Percentile(100), values.back());
  EXPECT_EQ(h.Percentile(0), values.front());
}

TEST(LatencyHistogram, SmallCountsGiveExactValues) {
  LatencyHistogram h;
  for (int64_t v : {5, 1, 3, 2, 4})
    h.Record(v);
  EXPECT_EQ(h.Percentile(20), 1);
  EXPECT_EQ(h.Percentile(50), 3);
  EXPECT_EQ(h.Percentile(99), 5);
  EXPECT_DOUBLE_EQ(h.mean(), 3.0);
  EXPECT_DOUBLE_EQ(h.FractionAtOrBelow(2), 0.4);
  EXPECT_DOUBLE_EQ(h.FractionAtOrBelow(-1), 0.0);
}

TEST(LatencyHistogram, EmptyAndNegative) {
  LatencyHistogram h;
  EXPECT_EQ(h.Percentile(99), 0);
  EXPECT_EQ(h.mean(), 0);
  h.Record(-5);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.count(), 1u);
}

TEST(LatencyHistogram, MergeEqualsRecordingEverything) {
  LatencyHistogram a, b, both;
  for (int64_t v = 1; v < 100000; v += 7) {
    (v % 2 ? a : b).Record(v * 1000);
    both.Record(v * 1000);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), both.count());
  EXPECT_EQ(a.Buckets(), both.Buckets());
  EXPECT_EQ(a.Percentile(99), both.Percentile(99));
  EXPECT_EQ(a.min(), both.min());
  EXPECT_EQ(a.max(), both.max());
}

}  // namespace
}  // namespace estate::sim

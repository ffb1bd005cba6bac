#include "models/workload/zipf_sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace estate {
namespace {

// Empirical frequencies against the exact pmf for small n, over several exponents.
TEST(ZipfSamplerTest, MatchesTheExactDistribution) {
  for (double alpha : {0.0, 0.5, 0.9, 1.0, 1.2, 2.0}) {
    const uint64_t n = 50;
    ZipfSampler z(n, alpha);
    SplitMix64 rng(42);
    std::vector<double> count(n + 1, 0);
    const int draws = 400000;
    for (int i = 0; i < draws; ++i) {
      const uint64_t k = z.Sample(rng);
      ASSERT_GE(k, 1u);
      ASSERT_LE(k, n);
      count[k] += 1;
    }
    double norm = 0;
    for (uint64_t k = 1; k <= n; ++k)
      norm += std::pow(static_cast<double>(k), -alpha);
    double chi2 = 0;
    for (uint64_t k = 1; k <= n; ++k) {
      const double expected = draws * std::pow(static_cast<double>(k), -alpha) / norm;
      chi2 += (count[k] - expected) * (count[k] - expected) / expected;
    }
    // 49 degrees of freedom: the 99.9th percentile of chi-square is about 85.
    EXPECT_LT(chi2, 85.0) << "alpha " << alpha;
  }
}

TEST(ZipfSamplerTest, HugeNeedsNoMemoryAndStaysInRange) {
  ZipfSampler z(15'000'000'000ull, 0.9);
  SplitMix64 rng(7);
  uint64_t top = 0, max = 0;
  for (int i = 0; i < 100000; ++i) {
    const uint64_t k = z.Sample(rng);
    ASSERT_GE(k, 1u);
    ASSERT_LE(k, 15'000'000'000ull);
    top += k == 1;
    max = std::max(max, k);
  }
  EXPECT_GT(top, 0u);
  EXPECT_GT(max, 1'000'000u);  // the long tail is reached
}

TEST(ZipfSamplerTest, SameSeedSameSequence) {
  ZipfSampler z(1000, 0.9);
  SplitMix64 a(3), b(3), c(4);
  std::vector<uint64_t> x, y, w;
  for (int i = 0; i < 100; ++i) {
    x.push_back(z.Sample(a));
    y.push_back(z.Sample(b));
    w.push_back(z.Sample(c));
  }
  EXPECT_EQ(x, y);
  EXPECT_NE(x, w);
  SplitMix64 fixed(0);
  EXPECT_EQ(fixed.Next(), 0xe220a8397b1dcdafull);  // SplitMix64's published first output
}

}  // namespace
}  // namespace estate

#include "models/workload/key_sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace estate {
namespace {

constexpr uint64_t kHuge = 15'000'000'000ull;

TEST(KeyPermutationTest, IsABijectionForEverySmallDomain) {
  for (uint64_t n = 1; n <= 2000; ++n) {
    const KeyPermutation p(n, 0xfeed + n);
    std::vector<bool> seen(n, false);
    for (uint64_t x = 0; x < n; ++x) {
      const uint64_t y = p.Forward(x);
      ASSERT_LT(y, n) << "n " << n << " x " << x;
      ASSERT_FALSE(seen[y]) << "n " << n << " x " << x;
      seen[y] = true;
      ASSERT_EQ(p.Inverse(y), x) << "n " << n;
    }
  }
}

TEST(KeyPermutationTest, RoundTripsOnHugeDomains) {
  SplitMix64 rng(11);
  for (uint64_t n : {kHuge, (uint64_t{1} << 34) + 1, std::numeric_limits<uint64_t>::max()}) {
    const KeyPermutation p(n, 3);
    for (int i = 0; i < 10000; ++i) {
      const uint64_t x = rng.Next() % n;
      const uint64_t y = p.Forward(x);
      ASSERT_LT(y, n);
      ASSERT_EQ(p.Inverse(y), x);
      ASSERT_EQ(p.Forward(p.Inverse(x)), x);
    }
  }
}

TEST(KeyPermutationTest, DependsOnTheSeed) {
  const KeyPermutation a(1000, 1), b(1000, 1), c(1000, 2);
  int same = 0;
  for (uint64_t x = 0; x < 1000; ++x) {
    EXPECT_EQ(a.Forward(x), b.Forward(x));
    same += a.Forward(x) == c.Forward(x);
  }
  EXPECT_LT(same, 20);
  EXPECT_EQ(KeyPermutation(0, 1).n(), 1u);
}

TEST(SampledPopulationTest, SampleSizeAndStride) {
  const SampledPopulation p(kHuge, 1e-4, 1, 0.9);
  EXPECT_EQ(p.n(), kHuge);
  EXPECT_EQ(p.m(), 1'500'000u);
  EXPECT_EQ(p.k(), 10'000u);
  EXPECT_EQ(p.RankOf(0), 1u);
  EXPECT_EQ(p.RankOf(3), 30'001u);
  EXPECT_EQ(SampledPopulation(1000, 0, 1, 1).m(), 1u);
  EXPECT_EQ(SampledPopulation(1000, 0.0004, 1, 1).m(), 1u);
  EXPECT_EQ(SampledPopulation(1000, 0.0016, 1, 1).m(), 2u);
  EXPECT_EQ(SampledPopulation(1000, 2, 1, 1).m(), 1000u);
  EXPECT_EQ(SampledPopulation(1000, std::nan(""), 1, 1).m(), 1000u);
}

TEST(SampledPopulationTest, ExactlyTheEnumeratedObjectsAreSampled) {
  const SampledPopulation p(10'000, 0.05, 4, 0.9);
  uint64_t sampled = 0;
  for (uint64_t id = 0; id < p.n(); ++id)
    sampled += p.Sampled(id);
  EXPECT_EQ(sampled, p.m());
  EXPECT_EQ(p.m(), 500u);
  EXPECT_FALSE(p.Sampled(p.n()));

  const SampledPopulation big(10'000'000, 0.01, 4, 0.9);
  for (uint64_t i = 0; i < big.m(); ++i)
    ASSERT_TRUE(big.Sampled(big.IdOf(i))) << i;
  const SampledPopulation huge(kHuge, 1e-4, 4, 0.9);
  for (uint64_t i = 0; i < 10000; ++i)
    ASSERT_TRUE(huge.Sampled(huge.IdOf(i * 149))) << i;
}

TEST(SampledPopulationTest, RandomIdsAreSampledAtTheRate) {
  const SampledPopulation p(kHuge, 0.01, 8, 0.9);
  SplitMix64 rng(99);
  const int draws = 200000;
  int sampled = 0;
  for (int i = 0; i < draws; ++i)
    sampled += p.Sampled(rng.Next() % kHuge);
  const double sd = std::sqrt(draws * 0.01 * 0.99);
  EXPECT_NEAR(sampled, draws * 0.01, 4 * sd);
}

TEST(SampledPopulationTest, EachObjectDrawsItsStratumsShareOfZipf) {
  const double alpha = 0.9;
  const SampledPopulation p(1'000'000, 5e-5, 21, alpha);
  ASSERT_EQ(p.m(), 50u);
  const KeyPermutation perm(p.n(), 21);
  std::vector<double> count(p.m(), 0);
  SplitMix64 rng(5);
  const int draws = 200000;
  for (int i = 0; i < draws; ++i) {
    const uint64_t id = p.Draw(rng);
    ASSERT_TRUE(p.Sampled(id));
    count[perm.Forward(id)] += 1;  // the population's permutation is KeyPermutation(n, seed)
  }
  // Object i stands for ranks 20000 i + 1 .. 20000 (i + 1): its share is their Zipf mass.
  std::vector<double> mass(p.m(), 0);
  double norm = 0;
  for (uint64_t r = 1; r <= p.n(); ++r) {
    mass[(r - 1) / p.k()] += std::pow(static_cast<double>(r), -alpha);
    norm += std::pow(static_cast<double>(r), -alpha);
  }
  double chi2 = 0;
  for (uint64_t i = 0; i < p.m(); ++i) {
    const double expected = draws * mass[i] / norm;
    chi2 += (count[i] - expected) * (count[i] - expected) / expected;
  }
  EXPECT_LT(chi2, 85.0);  // 99.9th percentile of chi-square with 49 degrees of freedom
}

TEST(SampledPopulationTest, SameSeedSameSample) {
  const SampledPopulation a(1'000'000, 0.001, 6, 1), b(1'000'000, 0.001, 6, 1),
      c(1'000'000, 0.001, 7, 1);
  int same = 0;
  for (uint64_t i = 0; i < a.m(); ++i) {
    EXPECT_EQ(a.IdOf(i), b.IdOf(i));
    same += a.IdOf(i) == c.IdOf(i);
  }
  EXPECT_LT(same, 5);
  SplitMix64 ra(1), rb(1);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(a.Draw(ra), b.Draw(rb));
}

TEST(KeySampledTest, SamplesKeysAtTheRate) {
  const int keys = 100000;
  for (double rate : {0.01, 0.1, 0.5}) {
    int sampled = 0;
    for (int i = 0; i < keys; ++i)
      sampled += KeySampled("bucket/obj-" + std::to_string(i), rate, 3);
    const double sd = std::sqrt(keys * rate * (1 - rate));
    EXPECT_NEAR(sampled, keys * rate, 4 * sd) << "rate " << rate;
  }
}

TEST(KeySampledTest, IsAFunctionOfKeyRateAndSeed) {
  int same = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string key = "k" + std::to_string(i);
    EXPECT_EQ(KeySampled(key, 0.3, 1), KeySampled(key, 0.3, 1));
    same += KeySampled(key, 0.3, 1) == KeySampled(key, 0.3, 2);
    // Nested: whatever is sampled at 10% is sampled at 30%.
    if (KeySampled(key, 0.1, 1)) {
      EXPECT_TRUE(KeySampled(key, 0.3, 1));
    }
    EXPECT_TRUE(KeySampled(key, 1, 1));
    EXPECT_FALSE(KeySampled(key, 0, 1));
  }
  // Independent seeds agree on about 0.3^2 + 0.7^2 = 58% of keys.
  EXPECT_NEAR(same, 5800, 250);
  EXPECT_TRUE(KeySampled("", 1, 0));
}

}  // namespace
}  // namespace estate

#include "models/workload/size_distribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace estate {
namespace {

constexpr double kMiB = 1024.0 * 1024;

SizeDistribution MakeOrDie(std::string_view kind, double size, double sigma,
                           std::vector<std::pair<double, double>> cdf = {}) {
  Result<SizeDistribution> d = SizeDistribution::Make(kind, size, sigma, std::move(cdf));
  EXPECT_TRUE(d.ok()) << d.status().message();
  return std::move(d).value();
}

std::vector<uint64_t> Sample(const SizeDistribution& d, int count, uint64_t seed) {
  std::vector<uint64_t> sizes;
  for (int id = 0; id < count; ++id)
    sizes.push_back(d.SizeOf(id, seed));
  std::sort(sizes.begin(), sizes.end());
  return sizes;
}

TEST(InverseNormalCdfTest, InvertsThePhiOfErfc) {
  EXPECT_EQ(InverseNormalCdf(0.5), 0.0);
  EXPECT_NEAR(InverseNormalCdf(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(0.8413447460685429), 1.0, 1e-13);
  for (double p = 1e-12; p < 1; p = p < 0.01 ? p * 3 : p + 0.0137) {
    const double x = InverseNormalCdf(p);
    const double phi = 0.5 * std::erfc(-x / std::sqrt(2.0));
    EXPECT_NEAR(phi / p, 1.0, 1e-12) << "p " << p;
    // The upper half mirrors the lower (1 - q is exact for q >= 1/2; 1 - p is not).
    const double q = 1 - p;
    EXPECT_EQ(InverseNormalCdf(q), -InverseNormalCdf(1 - q)) << "p " << p;
  }
  EXPECT_TRUE(std::isinf(InverseNormalCdf(0)));
  EXPECT_TRUE(std::isnan(InverseNormalCdf(1.5)));
}

TEST(SizeDistributionTest, FixedIsExact) {
  const SizeDistribution d = MakeOrDie("fixed", 64 * kMiB, 0);
  EXPECT_EQ(d.kind(), SizeDistribution::Kind::kFixed);
  for (uint64_t id : {0ull, 1ull, 12345ull, 15'000'000'000ull})
    EXPECT_EQ(d.SizeOf(id, 7), 64u * 1024 * 1024);
  EXPECT_EQ(d.Mean(), 64 * kMiB);
}

TEST(SizeDistributionTest, LognormalMedianAndMeanMatchTheAnalyticValues) {
  const double sigma = 1.0;
  const SizeDistribution d = MakeOrDie("lognormal", kMiB, sigma);
  EXPECT_DOUBLE_EQ(d.Mean(), kMiB * std::exp(sigma * sigma / 2));
  const std::vector<uint64_t> sizes = Sample(d, 200000, 42);
  const double median = (sizes[99999] + sizes[100000]) / 2.0;
  EXPECT_NEAR(median / kMiB, 1.0, 0.01);
  double sum = 0;
  for (uint64_t s : sizes)
    sum += static_cast<double>(s);
  EXPECT_NEAR(sum / sizes.size() / d.Mean(), 1.0, 0.02);
}

TEST(SizeDistributionTest, LognormalWithZeroSigmaIsTheMedian) {
  const SizeDistribution d = MakeOrDie("lognormal", 4096, 0);
  for (uint64_t id = 0; id < 100; ++id)
    EXPECT_EQ(d.SizeOf(id, 1), 4096u);
}

TEST(SizeDistributionTest, EmpiricalQuantilesInterpolateTheCdf) {
  const SizeDistribution d = MakeOrDie("empirical", 0, 0, {{100, 0.2}, {1000, 0.7}, {10000, 1}});
  EXPECT_EQ(d.Quantile(0.1), 100);
  EXPECT_EQ(d.Quantile(0.2), 100);
  EXPECT_DOUBLE_EQ(d.Quantile(0.45), 550);
  EXPECT_DOUBLE_EQ(d.Quantile(0.85), 5500);
  EXPECT_DOUBLE_EQ(d.Quantile(0.999999999), 10000 - 9000 * 1e-9 / 0.3);
  // 0.2 of the mass at 100, then uniform on [100, 1000] and [1000, 10000].
  EXPECT_DOUBLE_EQ(d.Mean(), 0.2 * 100 + 0.5 * 550 + 0.3 * 5500);

  const int n = 100000;
  const std::vector<uint64_t> sizes = Sample(d, n, 3);
  const double at_first = std::count(sizes.begin(), sizes.end(), 100u) / double(n);
  EXPECT_NEAR(at_first, 0.2, 0.005);
  EXPECT_NEAR(sizes[n * 45 / 100], 550, 15);
  EXPECT_NEAR(sizes[n * 85 / 100], 5500, 150);
  EXPECT_EQ(sizes.back(), 10000u);
}

TEST(SizeDistributionTest, SizesAreAtLeastOneByte) {
  const SizeDistribution zero = MakeOrDie("empirical", 0, 0, {{0, 0.5}, {0, 1}});
  const SizeDistribution tiny = MakeOrDie("lognormal", 1e-3, 2);
  for (uint64_t id = 0; id < 1000; ++id) {
    EXPECT_EQ(zero.SizeOf(id, 1), 1u);
    EXPECT_GE(tiny.SizeOf(id, 1), 1u);
  }
  // Absurd parameters still give a defined, finite size.
  const SizeDistribution huge = MakeOrDie("lognormal", 1e300, 50);
  for (uint64_t id = 0; id < 1000; ++id)
    EXPECT_LE(huge.SizeOf(id, 1), uint64_t{1} << 62);
}

TEST(SizeDistributionTest, SameIdAndSeedSameSize) {
  const SizeDistribution d = MakeOrDie("lognormal", kMiB, 1.5);
  int differ = 0;
  for (uint64_t id = 0; id < 1000; ++id) {
    EXPECT_EQ(d.SizeOf(id, 9), d.SizeOf(id, 9));
    differ += d.SizeOf(id, 9) != d.SizeOf(id, 10);
  }
  EXPECT_GT(differ, 990);
  EXPECT_NE(d.SizeOf(1, 9), d.SizeOf(2, 9));
}

struct BadCase {
  std::string kind;
  double size;
  double sigma;
  std::vector<std::pair<double, double>> cdf;
  std::string message;
};

TEST(SizeDistributionTest, RejectsBadParametersSayingWhy) {
  const std::vector<BadCase> cases = {
      {"pareto",
       1,
       0,
       {},
       "size distribution: expected a kind \"fixed\", \"lognormal\" or \"empirical\", found "
       "\"pareto\""},
      {"fixed", 0, 0, {}, "size distribution \"fixed\": expected a size >= 1 byte, found 0"},
      {"lognormal",
       -1,
       1,
       {},
       "size distribution \"lognormal\": expected a median size > 0 bytes, found -1"},
      {"lognormal",
       10,
       -0.5,
       {},
       "size distribution \"lognormal\": expected a sigma >= 0, found -0.5"},
      {"empirical",
       0,
       0,
       {},
       "size distribution \"empirical\": expected at least one [size, p] point, found none"},
      {"empirical",
       0,
       0,
       {{-5, 0.5}, {10, 1}},
       "size distribution \"empirical\": point 0: expected a size >= 0 bytes, found -5"},
      {"empirical",
       0,
       0,
       {{200, 0.5}, {100, 1}},
       "size distribution \"empirical\": point 1: expected a size >= 200 (sizes in increasing "
       "order), found 100"},
      {"empirical",
       0,
       0,
       {{100, 0}, {200, 1}},
       "size distribution \"empirical\": point 0: expected a cumulative probability in (0, 1], "
       "found 0"},
      {"empirical",
       0,
       0,
       {{100, 0.5}, {200, 1.5}},
       "size distribution \"empirical\": point 1: expected a cumulative probability in (0, 1], "
       "found 1.5"},
      {"empirical",
       0,
       0,
       {{100, 0.6}, {200, 0.4}, {300, 1}},
       "size distribution \"empirical\": point 1: expected a cumulative probability >= 0.6 "
       "(nondecreasing), found 0.4"},
      {"empirical",
       0,
       0,
       {{100, 0.5}, {200, 0.9}},
       "size distribution \"empirical\": point 1: expected the last cumulative probability to "
       "be 1, found 0.9"},
      {"empirical",
       0,
       0,
       {{100, std::nan("")}},
       "size distribution \"empirical\": point 0: expected a cumulative probability in (0, 1], "
       "found nan"},
  };
  for (const BadCase& c : cases) {
    const Result<SizeDistribution> d = SizeDistribution::Make(c.kind, c.size, c.sigma, c.cdf);
    ASSERT_FALSE(d.ok()) << c.message;
    EXPECT_TRUE(d.status().IsInvalid());
    EXPECT_EQ(d.status().message(), c.message);
  }
}

TEST(SizeDistributionTest, MomentsOfFixedAndLognormal) {
  const SizeMoments fixed = MakeOrDie("fixed", 4096, 0).Moments();
  EXPECT_EQ(fixed.mean, 4096);
  EXPECT_EQ(fixed.second, 4096.0 * 4096);
  // Median 1 MiB, sigma 1: E[S] = m e^(1/2), E[S^2] = m^2 e^2.
  const SizeMoments lognormal = MakeOrDie("lognormal", kMiB, 1.0).Moments();
  EXPECT_DOUBLE_EQ(lognormal.mean, kMiB * std::exp(0.5));
  EXPECT_DOUBLE_EQ(lognormal.second, kMiB * kMiB * std::exp(2.0));
  // Sigma 0 is the median, with no spread.
  const SizeMoments point = MakeOrDie("lognormal", 1000, 0).Moments();
  EXPECT_EQ(point.mean, 1000);
  EXPECT_EQ(point.second, 1e6);
}

TEST(SizeDistributionTest, EmpiricalMomentsIntegrateThePiecewiseCdf) {
  // 0.2 of the mass at 100, 0.5 uniform on [100, 1000], 0.3 uniform on [1000, 10000]; a
  // uniform on [a, b] has E[S^2] = (a^2 + ab + b^2) / 3.
  const SizeDistribution d = MakeOrDie("empirical", 0, 0, {{100, 0.2}, {1000, 0.7}, {10000, 1}});
  const SizeMoments m = d.Moments();
  EXPECT_DOUBLE_EQ(m.mean, d.Mean());
  EXPECT_DOUBLE_EQ(m.second, 0.2 * 1e4 + 0.5 * (1e4 + 1e5 + 1e6) / 3 + 0.3 * (1e6 + 1e7 + 1e8) / 3);
  EXPECT_DOUBLE_EQ(m.second, 11'287'000.0);
  // A step of zero width is a point mass.
  const SizeMoments steps =
      MakeOrDie("empirical", 0, 0, {{10, 0.5}, {10, 0.75}, {20, 1}}).Moments();
  EXPECT_DOUBLE_EQ(steps.mean, 0.75 * 10 + 0.25 * 15);
  EXPECT_DOUBLE_EQ(steps.second, 0.75 * 100 + 0.25 * 700.0 / 3);
  // The moments of the sampled sizes converge to these (rounding to bytes adds < 1/12 byte^2
  // of variance).
  const int n = 200000;
  const std::vector<uint64_t> sizes = Sample(d, n, 11);
  double sum = 0, sum_squares = 0;
  for (uint64_t s : sizes) {
    sum += static_cast<double>(s);
    sum_squares += static_cast<double>(s) * static_cast<double>(s);
  }
  EXPECT_NEAR(sum / n / m.mean, 1.0, 0.01);
  EXPECT_NEAR(sum_squares / n / m.second, 1.0, 0.02);
}

}  // namespace
}  // namespace estate

#include "models/cache/che_approximation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "models/cache/miss_ratio_curve.h"
#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

// Che's approximation by brute force: every rank summed, T found by bisection.
double BruteForceHitRatio(int n, double alpha, double objects) {
  std::vector<double> p(n);
  double norm = 0;
  for (int r = 1; r <= n; ++r)
    norm += std::pow(r, -alpha);
  for (int r = 1; r <= n; ++r)
    p[r - 1] = std::pow(r, -alpha) / norm;
  auto occupancy = [&](double t) {
    double s = 0;
    for (double q : p)
      s += 1 - std::exp(-q * t);
    return s;
  };
  double lo = 0, hi = 1;
  while (occupancy(hi) < objects)
    hi *= 2;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (occupancy(mid) < objects ? lo : hi) = mid;
  }
  double h = 0;
  for (double q : p)
    h += q * (1 - std::exp(-q * hi));
  return h;
}

TEST(ZipfCheModelTest, TailIntegralMatchesTheRankByRankSum) {
  // 200k ranks: the model sums 4096 of them and integrates the rest.
  const ZipfCheModel model(200000, 0.9);
  for (double c : {100.0, 5000.0, 50000.0, 150000.0})
    EXPECT_NEAR(model.HitRatio(c), BruteForceHitRatio(200000, 0.9, c), 1e-5) << c;
}

TEST(ZipfCheModelTest, SizeForHitRatioInvertsHitRatio) {
  const ZipfCheModel model(1.5e10, 0.9);  // the default scenario's population
  for (double target : {0.3, 0.6, 0.9}) {
    const double objects = model.ObjectsForHitRatio(target);
    EXPECT_NEAR(model.HitRatio(objects), target, 1e-6) << target;
  }
  EXPECT_DOUBLE_EQ(model.ObjectsForHitRatio(0), 0);
  EXPECT_DOUBLE_EQ(model.ObjectsForHitRatio(1), 1.5e10);
  EXPECT_DOUBLE_EQ(model.HitRatio(2e10), 1);
  // Uniform popularity: a cache of c objects out of n hits c / n of requests.
  EXPECT_NEAR(ZipfCheModel(1e6, 0).HitRatio(2.5e5), 0.25, 1e-9);
}

TEST(ZipfCheModelTest, AgreesWithAnExactLruCurveOnAnIndependentReferenceTrace) {
  // 20k objects, Zipf 0.8, 4M requests: the exact curve of the trace after a warm-up long
  // enough for cold misses to fade, against the model. Che's approximation is known to be
  // within about a percent here.
  const uint64_t n = 20000;
  const ZipfSampler zipf(n, 0.8);
  SplitMix64 rng(7);
  LruStack stack;
  for (int i = 0; i < 400000; ++i)
    stack.Access(zipf.Sample(rng), 1);
  DistanceHistogram<uint64_t> hist;
  for (int i = 0; i < 4000000; ++i) {
    const StackDistance d = stack.Access(zipf.Sample(rng), 1);
    if (d.cold) {
      hist.AddCold(1);
    } else {
      hist.Add(d.objects, 1);
    }
  }
  const ZipfCheModel model(n, 0.8);
  for (uint64_t c : {200u, 1000u, 4000u, 10000u}) {
    const double measured_hit = 1 - hist.MissRatioAt(c);
    EXPECT_NEAR(model.HitRatio(static_cast<double>(c)), measured_hit, 0.01) << c;
  }
}

}  // namespace
}  // namespace estate

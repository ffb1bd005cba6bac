#include "models/workload/rate_curve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace estate {
namespace {

constexpr TimeNs kDay = 24 * kHour;
constexpr TimeNs kForever = std::numeric_limits<TimeNs>::max();

RateCurve MakeOrDie(double base, double amplitude, double peak, std::vector<RateBurst> bursts) {
  Result<RateCurve> c = RateCurve::Make(base, amplitude, peak, std::move(bursts));
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(c).value();
}

TEST(RateCurveTest, RateAtPeakTroughAndBurst) {
  const RateCurve c = MakeOrDie(100, 0.5, 14, {{20 * kHour, kHour, 3}, {13 * kHour, 2 * kHour, 2}});
  EXPECT_DOUBLE_EQ(c.RateAt(2 * kHour), 50);               // trough, 12 h from the peak
  EXPECT_NEAR(c.RateAt(8 * kHour), 100, 1e-9);             // a quarter cycle away
  EXPECT_DOUBLE_EQ(c.RateAt(14 * kHour), 300);             // peak, inside the x2 burst
  EXPECT_DOUBLE_EQ(c.RateAt(14 * kHour + 3 * kDay), 150);  // peak on a later day
  const double cycle = 1 + 0.5 * std::cos(2 * std::numbers::pi * 6.5 / 24);
  EXPECT_DOUBLE_EQ(c.RateAt(20 * kHour + kHour / 2), 100 * cycle * 3);
  // A burst covers [at, at + duration).
  EXPECT_DOUBLE_EQ(c.RateAt(20 * kHour), 100 * (1 + 0.5 * std::cos(std::numbers::pi / 2)) * 3);
  EXPECT_DOUBLE_EQ(c.RateAt(21 * kHour), 100 * (1 + 0.5 * std::cos(2 * std::numbers::pi * 7 / 24)));
}

TEST(RateCurveTest, OverlappingBurstsMultiply) {
  const RateCurve c = MakeOrDie(10, 0, 0, {{0, 10 * kSecond, 2}, {5 * kSecond, 10 * kSecond, 3}});
  EXPECT_DOUBLE_EQ(c.RateAt(1 * kSecond), 20);
  EXPECT_DOUBLE_EQ(c.RateAt(7 * kSecond), 60);
  EXPECT_DOUBLE_EQ(c.RateAt(12 * kSecond), 30);
  EXPECT_DOUBLE_EQ(c.RateAt(15 * kSecond), 10);
}

TEST(RateCurveTest, MaxRateIsTheSupremum) {
  const RateCurve c = MakeOrDie(100, 0.5, 14, {{20 * kHour, kHour, 3}});
  // The x3 burst starts a quarter cycle after the peak: 100 * (1 + 0.5 cos(pi/2)) * 3.
  EXPECT_NEAR(c.MaxRate(0, kDay), 300, 1e-9);
  EXPECT_DOUBLE_EQ(c.MaxRate(0, 19 * kHour), 150);
  EXPECT_DOUBLE_EQ(c.MaxRate(0, 6 * kHour), 75);  // rising towards the peak: the far end
  EXPECT_DOUBLE_EQ(c.MaxRate(17 * kHour, 17 * kHour), c.RateAt(17 * kHour));
  EXPECT_EQ(c.MaxRate(5, 4), 0);
  // An upper bound everywhere on random windows.
  SplitMix64 rng(1);
  for (int i = 0; i < 2000; ++i) {
    const TimeNs a = static_cast<TimeNs>(rng.Uniform() * 2 * kDay);
    const TimeNs b = a + static_cast<TimeNs>(rng.Uniform() * 6 * kHour);
    const double bound = c.MaxRate(a, b);
    for (int j = 0; j <= 20; ++j)
      EXPECT_LE(c.RateAt(a + (b - a) * j / 20), bound * (1 + 1e-12));
  }
}

// Counts per hour of one simulated day against the integral of the rate: the total within 3
// sigma of its Poisson mean, and the shape by chi-square.
TEST(RateCurveTest, ArrivalsOverADayMatchTheIntegral) {
  const RateCurve c =
      MakeOrDie(5, 0.8, 14, {{3 * kHour, 30 * kHour / 60, 4}, {15 * kHour, 10 * kHour / 60, 0}});
  std::vector<double> expected(24, 0);
  for (TimeNs s = 0; s < kDay; s += kSecond)
    expected[s / kHour] += c.RateAt(s + kSecond / 2);
  double total = 0;
  for (double e : expected)
    total += e;

  std::vector<double> count(24, 0);
  SplitMix64 rng(2024);
  double n = 0;
  for (std::optional<TimeNs> t = c.NextArrival(0, kDay, rng); t; t = c.NextArrival(*t, kDay, rng)) {
    ASSERT_GE(*t, 0);
    ASSERT_LT(*t, kDay);
    ASSERT_FALSE(*t >= 15 * kHour && *t < 15 * kHour + 10 * kHour / 60) << "arrival in a lull";
    count[*t / kHour] += 1;
    n += 1;
  }
  EXPECT_NEAR(n, total, 3 * std::sqrt(total));
  double chi2 = 0;
  for (int h = 0; h < 24; ++h)
    chi2 += (count[h] - expected[h]) * (count[h] - expected[h]) / expected[h];
  EXPECT_LT(chi2, 51.2);  // 99.9th percentile of chi-square with 24 degrees of freedom
}

TEST(RateCurveTest, SameSeedSameArrivals) {
  const RateCurve c = MakeOrDie(50, 0.3, 10, {{kHour, kHour, 5}});
  SplitMix64 a(7), b(7), other(8);
  TimeNs ta = 0, tb = 0, to = 0;
  int same_as_other = 0;
  for (int i = 0; i < 1000; ++i) {
    ta = *c.NextArrival(ta, kForever, a);
    tb = *c.NextArrival(tb, kForever, b);
    to = *c.NextArrival(to, kForever, other);
    ASSERT_EQ(ta, tb);
    same_as_other += ta == to;
  }
  EXPECT_LT(same_as_other, 10);
}

TEST(RateCurveTest, ZeroRateEndsWithoutSpinning) {
  SplitMix64 rng(1);
  EXPECT_EQ(MakeOrDie(0, 0.5, 0, {}).NextArrival(0, kForever, rng), std::nullopt);
  // A lull that outlasts the window.
  const RateCurve lull = MakeOrDie(1000, 1, 0, {{0, 1000 * kDay, 0}});
  EXPECT_EQ(lull.NextArrival(0, 999 * kDay, rng), std::nullopt);
  // The first arrival after a thousand-day lull comes right after it.
  const std::optional<TimeNs> t = lull.NextArrival(0, kForever, rng);
  ASSERT_TRUE(t.has_value());
  EXPECT_GE(*t, 1000 * kDay);
  EXPECT_LT(*t, 1000 * kDay + kSecond);
  // Empty and reversed windows.
  EXPECT_EQ(lull.NextArrival(1000 * kDay, 1000 * kDay, rng), std::nullopt);
  EXPECT_EQ(lull.NextArrival(1001 * kDay, 5, rng), std::nullopt);
}

TEST(RateCurveTest, ArrivalsAdvancePastTwoToThe53Nanoseconds) {
  const RateCurve c = MakeOrDie(1e6, 0.5, 3, {});
  SplitMix64 rng(5);
  TimeNs t = 400 * kDay;  // beyond the exact range of a double count of nanoseconds
  for (int i = 0; i < 10000; ++i) {
    const std::optional<TimeNs> next = c.NextArrival(t, kForever, rng);
    ASSERT_TRUE(next.has_value());
    ASSERT_GE(*next, t);
    t = *next;
  }
  // 10000 arrivals at about 1e6/s take about 10 ms.
  EXPECT_GT(t - 400 * kDay, 5 * kMillisecond);
  EXPECT_LT(t - 400 * kDay, 40 * kMillisecond);
}

TEST(RateCurveTest, RejectsBadParametersSayingWhy) {
  struct Case {
    double base, amplitude, peak;
    std::vector<RateBurst> bursts;
    std::string message;
  };
  const std::vector<Case> cases = {
      {-1, 0, 0, {}, "rate: expected a base rate >= 0 ops/s, found -1"},
      {1, 1.5, 0, {}, "rate: diurnal amplitude: expected a number in [0, 1], found 1.5"},
      {1,
       0,
       std::numeric_limits<double>::infinity(),
       {},
       "rate: diurnal peak hour: expected a finite number, found inf"},
      {1, 0, 0, {{-5, 1, 1}}, "rate: burst 0: expected a start >= 0 ns, found -5"},
      {1, 0, 0, {{0, 1, 1}, {0, -1, 1}}, "rate: burst 1: expected a duration >= 0 ns, found -1"},
      {1, 0, 0, {{0, 1, -2}}, "rate: burst 0: expected a multiplier >= 0, found -2"},
  };
  for (const Case& c : cases) {
    const Result<RateCurve> r = RateCurve::Make(c.base, c.amplitude, c.peak, c.bursts);
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.status().message(), c.message);
  }
}

}  // namespace
}  // namespace estate

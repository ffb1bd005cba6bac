#include "models/availability/steady_state.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace estate {
namespace {

// A birth-death chain on 0..n-1 (births at `up`, deaths at `down`): pi_i is proportional to
// (up / down)^i, a distribution no product form of two-state components gives.
Generator BirthDeath(int n, double up, double down) {
  Generator q(n, n);
  for (int i = 0; i < n; ++i) {
    double out = 0;
    if (i > 0) {
      q.insert(i, i - 1) = down;
      out += down;
    }
    if (i + 1 < n) out += up;
    q.insert(i, i) = -out;
    if (i + 1 < n) q.insert(i, i + 1) = up;
  }
  q.makeCompressed();
  return q;
}

void ExpectGeometric(const std::vector<double>& pi, double ratio, double tolerance) {
  const int n = static_cast<int>(pi.size());
  const double total = (1 - std::pow(ratio, n)) / (1 - ratio);
  for (int i = 0; i < n; ++i)
    EXPECT_NEAR(pi[i], std::pow(ratio, i) / total, tolerance) << "state " << i;
}

TEST(SteadyStateTest, BirthDeathChainDirect) {
  const Result<std::vector<double>> pi = SolveSteadyState(BirthDeath(6, 1.0, 2.0), 0);
  ASSERT_TRUE(pi.ok()) << pi.status().message();
  ExpectGeometric(*pi, 0.5, 1e-15);
  // Pinning another state changes nothing but scaling.
  const Result<std::vector<double>> other = SolveSteadyState(BirthDeath(6, 1.0, 2.0), 5);
  ASSERT_TRUE(other.ok());
  ExpectGeometric(*other, 0.5, 1e-15);
}

TEST(SteadyStateTest, BirthDeathChainIterative) {
  // 3000 states, above kMaxDirectSteadyStates.
  const Result<std::vector<double>> pi = SolveSteadyState(BirthDeath(3000, 0.9e-4, 1e-4), 0);
  ASSERT_TRUE(pi.ok()) << pi.status().message();
  ExpectGeometric(*pi, 0.9, 1e-12);
}

TEST(SteadyStateTest, CycleIsNotReversible) {
  // 0 -> 1 -> 2 -> 0 at rates 1, 2, 4: the flow around the cycle is the same through each
  // state, so pi_i is proportional to 1 / rate_i: 4/7, 2/7, 1/7.
  Generator q(3, 3);
  q.insert(0, 0) = -1;
  q.insert(0, 1) = 1;
  q.insert(1, 1) = -2;
  q.insert(1, 2) = 2;
  q.insert(2, 0) = 4;
  q.insert(2, 2) = -4;
  const Result<std::vector<double>> pi = SolveSteadyState(q, 2);
  ASSERT_TRUE(pi.ok()) << pi.status().message();
  EXPECT_NEAR((*pi)[0], 4.0 / 7, 1e-15);
  EXPECT_NEAR((*pi)[1], 2.0 / 7, 1e-15);
  EXPECT_NEAR((*pi)[2], 1.0 / 7, 1e-15);
}

TEST(SteadyStateTest, RejectsBadArguments) {
  const Result<std::vector<double>> empty = SolveSteadyState(Generator(0, 0), 0);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(),
            "steady state: expected a square, non-empty generator, found 0x0");
  const Result<std::vector<double>> pinned = SolveSteadyState(BirthDeath(3, 1, 1), 3);
  ASSERT_FALSE(pinned.ok());
  EXPECT_EQ(pinned.status().message(), "steady state: expected a likely state below 3, found 3");
  const Result<std::vector<double>> one = SolveSteadyState(Generator(1, 1), 0);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, std::vector<double>{1.0});
}

}  // namespace
}  // namespace estate

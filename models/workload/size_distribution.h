// SizeDistribution: the size of each object of a synthetic population, as a pure function of
// the object's id and the run's seed. Sizes are never stored: with 15 billion objects there
// is no room to, and a pure function gives every actor (and every rerun) the same answer.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/result.h"

namespace estate {

// The standard normal quantile: x with Phi(x) = p. REQUIRES: 0 < p < 1 (0 and 1 give -inf and
// +inf, anything else NaN). Acklam's rational approximation refined by one Halley step, so
// accurate to about 1e-15 relative.
double InverseNormalCdf(double p);

// The first two moments of a size distribution, E[S] and E[S^2], in bytes and bytes^2: what
// queueing models (M/G/1, M/G/c) need of it.
struct SizeMoments {
  double mean = 0;
  double second = 0;
};

class SizeDistribution {
 public:
  enum class Kind { kFixed, kLognormal, kEmpirical };

  // kind is "fixed" (size_bytes), "lognormal" (median size_bytes, log-space sigma) or
  // "empirical" (cdf: [bytes, cumulative p] points; see Quantile for its interpretation).
  // Parameters the kind does not use are ignored. Rejects what it cannot sample, saying why.
  static Result<SizeDistribution> Make(std::string_view kind, double size_bytes, double sigma,
                                       std::vector<std::pair<double, double>> cdf);

  // The size of object `object_id` in a run seeded with `seed`: always the same for the same
  // pair, at least 1 byte, and independent across ids.
  uint64_t SizeOf(uint64_t object_id, uint64_t seed) const;
  // The continuous size at cumulative probability u in (0, 1), before rounding to bytes. An
  // empirical CDF puts the first point's probability on its size and spreads each further
  // step uniformly between the two sizes (piecewise-linear interpolation of the CDF).
  double Quantile(double u) const;
  // The analytic mean of Quantile (not of the rounded, clamped SizeOf; the difference is
  // below a byte for all but pathological parameters).
  double Mean() const;
  // The analytic mean and second moment of Quantile: fixed s gives s and s^2; lognormal with
  // median m and sigma s gives m exp(s^2 / 2) and m^2 exp(2 s^2); empirical integrates its
  // piecewise interpretation exactly (the first point's mass at its size, then each step
  // uniform on [a, b], whose second moment is (a^2 + ab + b^2) / 3).
  SizeMoments Moments() const;

  Kind kind() const { return kind_; }

 private:
  SizeDistribution(Kind kind, double size_bytes, double sigma,
                   std::vector<std::pair<double, double>> cdf)
      : kind_(kind), size_bytes_(size_bytes), sigma_(sigma), cdf_(std::move(cdf)) {}

  Kind kind_;
  double size_bytes_;
  double sigma_;
  std::vector<std::pair<double, double>> cdf_;
};

}  // namespace estate

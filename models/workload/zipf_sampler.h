// ZipfSampler: draws ranks 1..n with P(k) proportional to 1 / k^alpha, in O(1) time and
// memory whatever n (15 billion objects is fine), by rejection-inversion (Hörmann and
// Derflinger, "Rejection-inversion to generate variates from monotone discrete
// distributions", 1996). Deterministic for a given stream of uniforms.
#pragma once

#include <cstdint>

namespace estate {

// A small, portable, seedable generator (SplitMix64): the same seed gives the same stream on
// every platform, which std:: distributions do not promise.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // The output function: a bijection on 64 bits with full avalanche, also used on its own to
  // scramble keys and ids.
  static uint64_t Mix(uint64_t z);
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

class ZipfSampler {
 public:
  // REQUIRES: n >= 1, alpha >= 0.
  ZipfSampler(uint64_t n, double alpha);
  // A rank in [1, n].
  uint64_t Sample(SplitMix64& rng) const;
  uint64_t n() const { return n_; }
  double alpha() const { return alpha_; }

 private:
  double H(double x) const;         // integral of the hat function
  double HInverse(double x) const;  // its inverse

  uint64_t n_;
  double alpha_;
  double h_x1_;
  double h_n_;
  double s_;
};

}  // namespace estate

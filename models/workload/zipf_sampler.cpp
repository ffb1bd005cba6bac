#include "models/workload/zipf_sampler.h"

#include <algorithm>
#include <cmath>

namespace estate {
namespace {

// log1p(x)/x and expm1(x)/x, accurate near 0, so that alpha close to 1 is handled smoothly.
double Helper1(double x) {
  return std::fabs(x) > 1e-8 ? std::log1p(x) / x : 1 - x / 2 + x * x / 3;
}
double Helper2(double x) {
  return std::fabs(x) > 1e-8 ? std::expm1(x) / x : 1 + x / 2 + x * x / 6;
}

}  // namespace

uint64_t SplitMix64::Next() {
  return Mix(state_ += 0x9e3779b97f4a7c15ull);
}

uint64_t SplitMix64::Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

ZipfSampler::ZipfSampler(uint64_t n, double alpha) : n_(std::max<uint64_t>(1, n)), alpha_(alpha) {
  h_x1_ = H(1.5) - 1.0;
  h_n_ = H(static_cast<double>(n_) + 0.5);
  s_ = 2.0 - HInverse(H(2.5) - std::pow(2.0, -alpha_));
}

// H(x) = ((x)^(1-alpha) - 1) / (1 - alpha), written to stay accurate as alpha -> 1.
double ZipfSampler::H(double x) const {
  const double log_x = std::log(x);
  return Helper2((1.0 - alpha_) * log_x) * log_x;
}

double ZipfSampler::HInverse(double x) const {
  double t = x * (1.0 - alpha_);
  if (t < -1.0) t = -1.0;  // guard against rounding just below the domain
  return std::exp(Helper1(t) * x);
}

uint64_t ZipfSampler::Sample(SplitMix64& rng) const {
  while (true) {
    const double u = h_n_ + rng.Uniform() * (h_x1_ - h_n_);
    const double x = HInverse(u);
    uint64_t k = static_cast<uint64_t>(x + 0.5);
    if (k < 1) k = 1;
    if (k > n_) k = n_;
    const double kd = static_cast<double>(k);
    // Accept when u lies under the histogram bar of k (the common case, without a pow), or
    // when the exact test passes.
    if (kd - x <= s_ || u >= H(kd + 0.5) - std::exp(-alpha_ * std::log(kd))) return k;
  }
}

}  // namespace estate

#include "models/workload/key_sampler.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace estate {
namespace {

uint64_t SampleSize(uint64_t n, double rate) {
  if (!(rate < 1)) return n;  // also NaN
  const double m = std::round(static_cast<double>(n) * rate);
  // double(n) may round above n: compare in doubles before converting.
  if (m >= static_cast<double>(n)) return n;
  return m < 1 ? 1 : static_cast<uint64_t>(m);
}

}  // namespace

KeyPermutation::KeyPermutation(uint64_t n, uint64_t seed) : n_(std::max<uint64_t>(1, n)) {
  // The domain has an even number of bits, at least 2, so that the halves are equal.
  const int bits = n_ <= 1 ? 0 : std::bit_width(n_ - 1);
  half_bits_ = std::max(1, (bits + 1) / 2);
  half_mask_ = half_bits_ == 64 ? ~0ull : (uint64_t{1} << half_bits_) - 1;
  SplitMix64 rng(seed);
  for (uint64_t& k : keys_)
    k = rng.Next();
}

uint64_t KeyPermutation::Round(uint64_t half, int round) const {
  return SplitMix64::Mix(half ^ keys_[round]) & half_mask_;
}

uint64_t KeyPermutation::Encrypt(uint64_t v) const {
  uint64_t left = v >> half_bits_, right = v & half_mask_;
  for (int r = 0; r < 4; ++r) {
    const uint64_t next = left ^ Round(right, r);
    left = right;
    right = next;
  }
  return (left << half_bits_) | right;
}

uint64_t KeyPermutation::Decrypt(uint64_t v) const {
  uint64_t left = v >> half_bits_, right = v & half_mask_;
  for (int r = 3; r >= 0; --r) {
    const uint64_t prev = right ^ Round(left, r);
    right = left;
    left = prev;
  }
  return (left << half_bits_) | right;
}

// Cycle-walking: x's cycle under Encrypt contains x itself, which is in range, so the walk
// ends; the first in-range value after x is a bijection of [0, n), and walking Decrypt from
// it leads back to x first.
uint64_t KeyPermutation::Forward(uint64_t x) const {
  if (x >= n_) return x;
  do
    x = Encrypt(x);
  while (x >= n_);
  return x;
}

uint64_t KeyPermutation::Inverse(uint64_t y) const {
  if (y >= n_) return y;
  do
    y = Decrypt(y);
  while (y >= n_);
  return y;
}

SampledPopulation::SampledPopulation(uint64_t n, double rate, uint64_t seed, double alpha)
    : perm_(n, seed), m_(SampleSize(perm_.n(), rate)), zipf_(perm_.n(), alpha) {}

uint64_t SampledPopulation::Draw(SplitMix64& rng) const {
  const uint64_t stratum = (zipf_.Sample(rng) - 1) / k();
  return IdOf(std::min(stratum, m_ - 1));
}

bool KeySampled(std::string_view key, double rate, uint64_t seed) {
  if (!(rate < 1)) return true;
  if (!(rate > 0)) return false;
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64-bit offset basis and prime
  for (const char c : key)
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  h = SplitMix64::Mix(h ^ SplitMix64::Mix(seed + 0x9e3779b97f4a7c15ull));
  return static_cast<double>(h & 0xffffffffull) < rate * 0x1.0p32;
}

}  // namespace estate

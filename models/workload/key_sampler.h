// Spatially hashed sampling (SHARDS, Waldspurger et al., FAST 2015) of a synthetic object
// population too large to enumerate (1.5e10 objects and more): the simulator runs only the
// requests to a fixed, pseudo-random subset of objects and scales the results back up.
#pragma once

#include <cstdint>
#include <string_view>

#include "models/workload/zipf_sampler.h"

namespace estate {

// A keyed bijection on [0, n): a 4-round balanced Feistel network over the smallest even
// power of two >= n, restricted to [0, n) by cycle-walking (re-encrypting until the value
// lands in range). At most 4 values of the Feistel domain per value of [0, n), so a walk takes
// 4 steps on average. O(1) memory for any n.
class KeyPermutation {
 public:
  // n = 0 is taken as 1.
  KeyPermutation(uint64_t n, uint64_t seed);

  // REQUIRES: x < n(); values outside are returned unchanged (a walk from them might never
  // come back into range).
  uint64_t Forward(uint64_t x) const;
  uint64_t Inverse(uint64_t y) const;
  uint64_t n() const { return n_; }

 private:
  uint64_t Encrypt(uint64_t v) const;
  uint64_t Decrypt(uint64_t v) const;
  uint64_t Round(uint64_t half, int round) const;

  uint64_t n_;
  int half_bits_;
  uint64_t half_mask_;
  uint64_t keys_[4];
};

// The objects 0..n-1 of a population sampled at `rate`. Object x is sampled iff
// Forward(x) < M with M = max(1, round(n * rate)). This is SHARDS' "hash(key) mod P < R * P"
// with P = n and a collision-free keyed hash (the permutation): exactly M objects are sampled,
// not M give or take the binomial noise of a free hash, and the sampled objects are
// enumerable, the i-th being IdOf(i).
//
// Popularity ranks are laid out by hash too: sampled object i stands for the stratum of ranks
// i * K + 1 .. (i + 1) * K, K = n / M (the last stratum also takes the n - M K ranks left
// over), and unsampled objects fill the ranks in between. A draw takes a rank from the whole
// population's Zipf(n, alpha) and returns its stratum's object, so object i receives exactly
// its stratum's share of the requests: the sample is a systematic one, one object per
// stratum, each the stratum's representative with the stratum's mean popularity. A random
// subset (a free hash) would instead sample the few hottest objects or miss them, and with
// Zipf popularity those few carry a large share of all requests, so every figure would swing
// from seed to seed. The price is within-stratum detail: the K objects of a head stratum
// differ in popularity, their representative has their mean (docs/SCALING.md).
class SampledPopulation {
 public:
  // rate is clamped to (0, 1] (NaN reads as 1); alpha is the Zipf exponent of popularity.
  SampledPopulation(uint64_t n, double rate, uint64_t seed, double alpha);

  uint64_t n() const { return perm_.n(); }
  // The number of sampled objects, M.
  uint64_t m() const { return m_; }
  // The stride of the systematic sample, K = n / M: each sampled object stands for K objects.
  uint64_t k() const { return n() / m_; }
  // REQUIRES: i < m(). The id of the i-th sampled object, the i-th most popular of them.
  uint64_t IdOf(uint64_t i) const { return perm_.Inverse(i); }
  // REQUIRES: i < m(). The first popularity rank of its stratum, 1-based.
  uint64_t RankOf(uint64_t i) const { return i * k() + 1; }
  bool Sampled(uint64_t id) const { return id < n() && perm_.Forward(id) < m_; }
  // A sampled object's id, drawn by popularity.
  uint64_t Draw(SplitMix64& rng) const;

 private:
  KeyPermutation perm_;
  uint64_t m_;
  ZipfSampler zipf_;
};

// For replaying a trace at `rate`: whether a key is in the sample. The low 32 bits of a 64-bit
// hash of the key (FNV-1a, then the SplitMix64 finaliser, which FNV's weak low bits need),
// keyed by seed, compared with rate * 2^32. The same key is always in or always out.
bool KeySampled(std::string_view key, double rate, uint64_t seed);

}  // namespace estate

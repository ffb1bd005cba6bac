// SHARDS: approximate LRU miss-ratio curves from a spatially hashed sample of the keys
// (Waldspurger, Park, Garthwaite and Ahmad, "Efficient MRC Construction with SHARDS", FAST
// 2015). A key is in the sample iff hash(key) mod P < T, so a sampled key is followed through
// every one of its accesses and the sampled stack is the full stack thinned at rate R = T / P:
// a depth d in the sample stands for about d / R in the trace. Memory and time follow the
// sampled keys, not the trace.
#pragma once

#include <cstdint>
#include <queue>
#include <span>
#include <utility>
#include <vector>

#include "engine/result.h"
#include "models/cache/miss_ratio_curve.h"

namespace estate {

struct ShardsOptions {
  // The sampling rate R, in (0, 1]; the threshold is T = round(R * P), at least 1. With
  // max_keys set this is only the starting rate.
  double rate = 0.01;
  // S_max: 0 samples at a fixed rate; otherwise at most this many keys are tracked and the
  // rate falls as the distinct keys grow (fixed-size SHARDS). Then the distances are also
  // rounded up to 8 significant bits (by at most 1/128 of themselves) before they are counted,
  // so that each histogram holds at most about 7,500 distinct distances: memory is bounded
  // whatever the trace's length and key count, not only the stack.
  uint64_t max_keys = 0;
  // Salts the hash, so that different seeds sample different keys.
  uint64_t seed = 0;
  // Whether the curves apply the first-bucket adjustment (see ShardsSampler).
  bool adjust = true;
};

// Each sampled access enters the histograms with weight 1 / R (and its size / R in bytes),
// R being the rate at the time: the histograms estimate the whole trace's accesses and bytes.
// The paper instead counts samples and rescales the histogram by R_new / R_old when the rate
// falls; the two differ by a constant factor, which the miss ratio divides out.
//
// Distances are scaled as 1 + (d - 1) / R objects and s + (b - s) / R bytes: the accessed key
// itself is always in its own sample, so only the distinct keys between its two accesses are
// thinned. Scaling all of d would shift every distance by 1 / R - 1 objects (or that many
// object sizes), which at R = 0.01 is visible at small caches.
//
// The adjustment: when the sample happens to hold a hot key, or miss one, its weighted access
// count differs from the trace's, and almost all of the excess or shortfall is reuses at the
// shortest distances. So before the curve is read, the difference between the accesses (bytes)
// seen and the weighted accesses (bytes) sampled is added to the first reuse bucket, the
// smallest distance seen, and the total becomes exact. With no reuse sampled there is no first
// bucket and the estimate is left as it is.
class ShardsSampler {
 public:
  // P: hash values are taken modulo 2^24.
  static constexpr uint64_t kModulus = uint64_t{1} << 24;

  // Rejects a rate outside (0, 1] (or NaN), saying why.
  static Result<ShardsSampler> Make(const ShardsOptions& options);

  void Access(uint64_t key, uint64_t size_bytes);

  // hash(key) mod P: key is sampled iff HashOf(key) < threshold().
  uint64_t HashOf(uint64_t key) const;
  uint64_t threshold() const { return threshold_; }
  double rate() const { return static_cast<double>(threshold_) / static_cast<double>(kModulus); }
  uint64_t accesses() const { return accesses_; }
  uint64_t sampled_accesses() const { return sampled_; }
  uint64_t tracked_keys() const { return stack_.keys(); }

  // The estimated histograms of the whole trace, adjusted when options.adjust.
  DistanceHistogram<double> ObjectHistogram() const;
  DistanceHistogram<double> ByteHistogram() const;

  double MissRatioAt(uint64_t cache_objects) const;
  double ByteMissRatioAt(uint64_t cache_bytes) const;
  std::vector<MrcPoint> Curve(std::span<const uint64_t> sizes, bool bytes) const;
  // As ExactMrc::SizeForHitRatio, on the estimate.
  uint64_t SizeForHitRatio(double target, bool bytes) const;

 private:
  ShardsSampler(const ShardsOptions& options, uint64_t threshold);
  // Fixed-size SHARDS: T becomes the largest hash tracked, and the keys at or above it leave.
  void LowerThreshold();
  DistanceHistogram<double> Adjusted(const DistanceHistogram<double>& raw, double seen) const;

  ShardsOptions options_;
  uint64_t salt_;
  uint64_t threshold_;
  LruStack stack_;
  // (hash, key) of the tracked keys, largest hash on top; kept only with max_keys.
  std::priority_queue<std::pair<uint64_t, uint64_t>> by_hash_;
  DistanceHistogram<double> objects_;
  DistanceHistogram<double> bytes_;
  uint64_t accesses_ = 0;
  double bytes_accessed_ = 0;  // a double: the estimate needs no more, and it cannot overflow
  uint64_t sampled_ = 0;
};

}  // namespace estate

// StratifiedShards: SHARDS with the popular head of the key space followed in full. Plain
// SHARDS samples each key with probability R, so under Zipf popularity whether the few
// hottest keys fall in the sample swings the estimate by tens of percent from one hash seed
// to the next. When the caller knows which keys are the head (a synthetic workload knows its
// popularity ranks) those keys are all tracked at weight 1 and the rest are sampled by hash at
// rate R with weight 1 / R. Byte distances come from a stack whose entries weigh size / rate,
// so a distance sums the estimated bytes of the distinct keys in between, and the first-bucket
// adjustment (see ShardsSampler) makes the total bytes exact.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/cache/miss_ratio_curve.h"

namespace estate {

class StratifiedShards {
 public:
  // REQUIRES: 0 < rate <= 1.
  StratifiedShards(double rate, uint64_t seed);

  // One access; `head` keys are always followed.
  void Access(uint64_t key, uint64_t size_bytes, bool head);

  uint64_t accesses() const { return accesses_; }
  uint64_t sampled_accesses() const { return sampled_; }
  uint64_t tracked_keys() const { return stack_.keys(); }

  // The adjusted byte-weighted histogram of the whole trace.
  DistanceHistogram<double> ByteHistogram() const;
  std::vector<MrcPoint> Curve(std::span<const uint64_t> sizes, bool bytes) const;
  uint64_t SizeForHitRatio(double target, bool bytes) const;

 private:
  bool Sampled(uint64_t key) const;

  double rate_;
  uint64_t salt_;
  uint64_t threshold_;
  LruStack stack_;
  DistanceHistogram<double> bytes_;
  double bytes_seen_ = 0;
  uint64_t accesses_ = 0;
  uint64_t sampled_ = 0;
};

}  // namespace estate

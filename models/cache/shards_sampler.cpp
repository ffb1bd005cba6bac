#include "models/cache/shards_sampler.h"

#include <bit>
#include <cmath>
#include <string>

#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

// x / rate rounded to the nearest whole unit, saturating rather than wrapping.
uint64_t Thin(uint64_t x, double inverse_rate) {
  const double scaled = std::round(static_cast<double>(x) * inverse_rate);
  if (scaled >= 0x1.0p64) return UINT64_MAX;
  return static_cast<uint64_t>(scaled);
}

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

// The smallest value >= distance with at most kSignificantBits significant bits. Rounding up
// errs towards misses, so a cache sized from the curve is not too small.
constexpr int kSignificantBits = 8;
uint64_t RoundUpToSignificantBits(uint64_t distance) {
  const int dropped = std::bit_width(distance) - kSignificantBits;
  if (dropped <= 0) return distance;
  const uint64_t unit = uint64_t{1} << dropped;
  if (distance > UINT64_MAX - (unit - 1)) return UINT64_MAX;
  return (distance + unit - 1) & ~(unit - 1);
}

}  // namespace

Result<ShardsSampler> ShardsSampler::Make(const ShardsOptions& options) {
  if (!(options.rate > 0 && options.rate <= 1))
    return Status::Invalid("SHARDS sampling rate must be in (0, 1], not " +
                           std::to_string(options.rate));
  const double t = std::round(options.rate * static_cast<double>(kModulus));
  return ShardsSampler(options, t < 1 ? 1 : static_cast<uint64_t>(t));
}

ShardsSampler::ShardsSampler(const ShardsOptions& options, uint64_t threshold)
    : options_(options), salt_(SplitMix64(options.seed).Next()), threshold_(threshold) {}

uint64_t ShardsSampler::HashOf(uint64_t key) const {
  // SplitMix64's output function mixes every input bit into the low bits, which are the ones
  // kept; the salt moves consecutive keys to unrelated inputs.
  return SplitMix64(key ^ salt_).Next() & (kModulus - 1);
}

void ShardsSampler::Access(uint64_t key, uint64_t size_bytes) {
  ++accesses_;
  bytes_accessed_ += static_cast<double>(size_bytes);
  const uint64_t hash = HashOf(key);
  if (hash >= threshold_) return;
  ++sampled_;
  const double inverse_rate = static_cast<double>(kModulus) / static_cast<double>(threshold_);
  const double byte_weight = static_cast<double>(size_bytes) * inverse_rate;
  const StackDistance d = stack_.Access(key, size_bytes);
  if (!d.cold) {
    uint64_t objects = SaturatingAdd(1, Thin(d.objects - 1, inverse_rate));
    uint64_t bytes = SaturatingAdd(size_bytes, Thin(d.bytes - size_bytes, inverse_rate));
    if (options_.max_keys != 0) {
      objects = RoundUpToSignificantBits(objects);
      bytes = RoundUpToSignificantBits(bytes);
    }
    objects_.Add(objects, inverse_rate);
    bytes_.Add(bytes, byte_weight);
    return;
  }
  objects_.AddCold(inverse_rate);
  bytes_.AddCold(byte_weight);
  if (options_.max_keys == 0) return;
  by_hash_.emplace(hash, key);
  if (stack_.keys() > options_.max_keys) LowerThreshold();
}

void ShardsSampler::LowerThreshold() {
  // Every tracked hash is below the old threshold, so this one is too: the rate always falls,
  // and the keys it drops are never sampled again.
  threshold_ = by_hash_.top().first;
  while (!by_hash_.empty() && by_hash_.top().first >= threshold_) {
    stack_.Forget(by_hash_.top().second);
    by_hash_.pop();
  }
}

DistanceHistogram<double> ShardsSampler::Adjusted(const DistanceHistogram<double>& raw,
                                                  double seen) const {
  DistanceHistogram<double> estimate = raw;
  if (!options_.adjust) return estimate;
  const std::vector<std::pair<uint64_t, double>> reuses = raw.Reuses();
  if (!reuses.empty()) estimate.Add(reuses.front().first, seen - raw.total());
  return estimate;
}

DistanceHistogram<double> ShardsSampler::ObjectHistogram() const {
  return Adjusted(objects_, static_cast<double>(accesses_));
}

DistanceHistogram<double> ShardsSampler::ByteHistogram() const {
  return Adjusted(bytes_, bytes_accessed_);
}

double ShardsSampler::MissRatioAt(uint64_t cache_objects) const {
  return ObjectHistogram().MissRatioAt(cache_objects);
}

double ShardsSampler::ByteMissRatioAt(uint64_t cache_bytes) const {
  return ByteHistogram().MissRatioAt(cache_bytes);
}

std::vector<MrcPoint> ShardsSampler::Curve(std::span<const uint64_t> sizes, bool bytes) const {
  return (bytes ? ByteHistogram() : ObjectHistogram()).Curve(sizes);
}

uint64_t ShardsSampler::SizeForHitRatio(double target, bool bytes) const {
  return (bytes ? ByteHistogram() : ObjectHistogram()).SizeForHitRatio(target);
}

}  // namespace estate

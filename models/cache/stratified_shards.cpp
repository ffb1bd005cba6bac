#include "models/cache/stratified_shards.h"

#include <cmath>

namespace estate {
namespace {

constexpr uint64_t kModulus = uint64_t{1} << 24;

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

StratifiedShards::StratifiedShards(double rate, uint64_t seed)
    : rate_(rate),
      salt_(Mix(seed + 0x9e3779b97f4a7c15ull)),
      threshold_(
          static_cast<uint64_t>(std::max(1.0, std::round(rate * static_cast<double>(kModulus))))) {}

bool StratifiedShards::Sampled(uint64_t key) const {
  return Mix(key ^ salt_) % kModulus < threshold_;
}

void StratifiedShards::Access(uint64_t key, uint64_t size_bytes, bool head) {
  ++accesses_;
  bytes_seen_ += static_cast<double>(size_bytes);
  if (!head && !Sampled(key)) return;
  ++sampled_;
  const double weight = head ? 1.0 : 1.0 / rate_;
  const double weighted = static_cast<double>(size_bytes) * weight;
  // The stack sums weighted sizes, so a distance estimates the bytes of every key between.
  const StackDistance d = stack_.Access(key, static_cast<uint64_t>(std::llround(weighted)));
  if (d.cold) {
    bytes_.AddCold(weighted);
  } else {
    bytes_.Add(d.bytes, weighted);
  }
}

DistanceHistogram<double> StratifiedShards::ByteHistogram() const {
  DistanceHistogram<double> adjusted = bytes_;
  const auto reuses = bytes_.Reuses();
  if (!reuses.empty()) adjusted.Add(reuses.front().first, bytes_seen_ - bytes_.total());
  return adjusted;
}

std::vector<MrcPoint> StratifiedShards::Curve(std::span<const uint64_t> sizes, bool) const {
  return ByteHistogram().Curve(sizes);
}

uint64_t StratifiedShards::SizeForHitRatio(double target, bool) const {
  return ByteHistogram().SizeForHitRatio(target);
}

}  // namespace estate

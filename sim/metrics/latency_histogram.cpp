#include "sim/metrics/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace estate::sim {
namespace {

constexpr int kSubBits = 7;
constexpr uint64_t kSub = uint64_t{1} << kSubBits;  // buckets per power of two

}  // namespace

size_t LatencyHistogram::BucketOf(uint64_t v) {
  if (v < kSub) return static_cast<size_t>(v);
  const int e = 63 - std::countl_zero(v);         // >= kSubBits
  const uint64_t mantissa = v >> (e - kSubBits);  // in [kSub, 2 kSub)
  return static_cast<size_t>((e - kSubBits + 1) * kSub + (mantissa - kSub));
}

uint64_t LatencyHistogram::BucketLow(size_t b) {
  if (b < kSub) return b;
  const int e = static_cast<int>(b / kSub) + kSubBits - 1;
  const uint64_t mantissa = b % kSub + kSub;
  return mantissa << (e - kSubBits);
}

uint64_t LatencyHistogram::BucketWidth(size_t b) {
  if (b < kSub) return 1;
  const int e = static_cast<int>(b / kSub) + kSubBits - 1;
  return uint64_t{1} << (e - kSubBits);
}

void LatencyHistogram::Record(int64_t value, uint64_t count) {
  if (count == 0) return;
  const int64_t v = std::max<int64_t>(value, 0);
  const size_t b = BucketOf(static_cast<uint64_t>(v));
  if (counts_.size() <= b) counts_.resize(b + 1, 0);
  counts_[b] += count;
  if (count_ == 0 || v < min_) min_ = v;
  max_ = std::max(max_, v);
  count_ += count;
  sum_ += static_cast<double>(v) * static_cast<double>(count);
}

void LatencyHistogram::Merge(const LatencyHistogram& o) {
  if (o.count_ == 0) return;
  if (counts_.size() < o.counts_.size()) counts_.resize(o.counts_.size(), 0);
  for (size_t i = 0; i < o.counts_.size(); ++i)
    counts_[i] += o.counts_[i];
  min_ = count_ == 0 ? o.min_ : std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
  count_ += o.count_;
  sum_ += o.sum_;
}

int64_t LatencyHistogram::Percentile(double p) const {
  if (count_ == 0) return 0;
  if (p <= 0) return min_;
  if (p >= 100) return max_;
  const uint64_t rank = std::max<uint64_t>(
      1, static_cast<uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_))));
  uint64_t seen = 0;
  for (size_t b = 0; b < counts_.size(); ++b) {
    seen += counts_[b];
    if (seen >= rank) {
      const int64_t mid = static_cast<int64_t>(BucketLow(b) + BucketWidth(b) / 2);
      return std::clamp(mid, min_, max_);
    }
  }
  return max_;
}

double LatencyHistogram::FractionAtOrBelow(int64_t value) const {
  if (count_ == 0) return 0;
  if (value < 0) return 0;
  const size_t last = BucketOf(static_cast<uint64_t>(value));
  uint64_t seen = 0;
  for (size_t b = 0; b < counts_.size() && b <= last; ++b)
    seen += counts_[b];
  return static_cast<double>(seen) / static_cast<double>(count_);
}

std::vector<std::pair<uint64_t, uint64_t>> LatencyHistogram::Buckets() const {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for (size_t b = 0; b < counts_.size(); ++b) {
    if (counts_[b] != 0) out.emplace_back(BucketLow(b), counts_[b]);
  }
  return out;
}

}  // namespace estate::sim

// LatencyHistogram: counts of non-negative integer values (nanoseconds, bytes) in log-linear
// buckets, as HdrHistogram does: exact below 128, then 128 buckets per power of two, so any
// value is reported within 0.4% (half a bucket) whatever its magnitude, in at most ~7k
// counters. Percentiles are deterministic functions of the counts, so two runs that record
// the same values report byte-identical figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace estate::sim {

class LatencyHistogram {
 public:
  // Negative values count as 0.
  void Record(int64_t value, uint64_t count = 1);
  void Merge(const LatencyHistogram& other);

  uint64_t count() const { return count_; }
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return max_; }
  double mean() const { return count_ == 0 ? 0 : sum_ / static_cast<double>(count_); }
  // The value below or at which p percent of the recorded values fall (the midpoint of the
  // bucket holding the ceil(p/100 * count)-th smallest value), clamped to [min, max]. 0 for
  // an empty histogram; exactly min() at p = 0 and max() at p = 100. REQUIRES: 0 <= p <= 100.
  int64_t Percentile(double p) const;
  // Fraction of recorded values <= value (bucket resolution).
  double FractionAtOrBelow(int64_t value) const;

  // Bucket arithmetic, exposed for tests.
  static size_t BucketOf(uint64_t value);
  static uint64_t BucketLow(size_t bucket);
  static uint64_t BucketWidth(size_t bucket);

  // Non-empty buckets as (low, count), ascending.
  std::vector<std::pair<uint64_t, uint64_t>> Buckets() const;

 private:
  std::vector<uint64_t> counts_;
  uint64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  double sum_ = 0;
};

}  // namespace estate::sim

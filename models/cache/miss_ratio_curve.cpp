#include "models/cache/miss_ratio_curve.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace estate {
namespace {

// Timestamps the tree holds at least, so that a small stack is not rebuilt every few accesses.
constexpr uint64_t kMinCapacity = 64;
// Histogram entries appended before the first merge.
constexpr size_t kMinEntries = 1024;
// Below this many entries a comparison sort beats radix sorting's 8 passes of 256 counters.
constexpr size_t kRadixSortMin = 512;

template <typename W>
double Share(W part, W whole) {
  const double share = static_cast<double>(part) / static_cast<double>(whole);
  return std::clamp(share, 0.0, 1.0);
}

// Sorts src[0, n) by distance, stably, into dst[0, n), using src as scratch: an LSD radix sort
// on bytes that skips the bytes all distances share (the high ones, as a rule). Histograms
// append millions of entries between merges, and a comparison sort of them cost more than the
// rest of an access.
template <typename W>
void SortInto(std::pair<uint64_t, W>* src, size_t n, std::pair<uint64_t, W>* dst) {
  if (n < kRadixSortMin) {
    std::stable_sort(src, src + n, [](const auto& x, const auto& y) { return x.first < y.first; });
    std::copy(src, src + n, dst);
    return;
  }
  std::array<std::array<size_t, 256>, 8> counts{};
  for (size_t i = 0; i < n; ++i)
    for (int b = 0; b < 8; ++b)
      ++counts[b][(src[i].first >> (8 * b)) & 255];
  std::pair<uint64_t, W>* from = src;
  std::pair<uint64_t, W>* to = dst;
  for (int b = 0; b < 8; ++b) {
    std::array<size_t, 256>& count = counts[b];
    if (count[(src[0].first >> (8 * b)) & 255] == n) continue;
    size_t offset = 0;
    for (size_t& c : count)
      offset += std::exchange(c, offset);
    for (size_t i = 0; i < n; ++i)
      to[count[(from[i].first >> (8 * b)) & 255]++] = from[i];
    std::swap(from, to);
  }
  if (from != dst) std::copy(from, from + n, dst);
}

}  // namespace

StackDistance LruStack::Access(uint64_t key, uint64_t size_bytes) {
  // Before the lookup, so that every entry is marked when the stamps are renumbered.
  if (next_stamp_ >= stamps_.capacity()) Compact();
  const uint64_t now = next_stamp_++;
  RecencyTable::Entry* e = last_.Find(key);
  if (e == nullptr) {
    stamps_.Mark(now, size_bytes);
    last_.Insert({.key = key, .stamp = now});
    live_bytes_ += size_bytes;
    return StackDistance{};
  }
  const StampTree::Sum between = stamps_.After(e->stamp, now);
  live_bytes_ += size_bytes - stamps_.Move(e->stamp, now, size_bytes);
  e->stamp = now;
  return StackDistance{
      .cold = false, .objects = between.marks + 1, .bytes = between.bytes + size_bytes};
}

bool LruStack::Forget(uint64_t key) {
  const std::optional<RecencyTable::Entry> e = last_.Erase(key);
  if (!e) return false;
  live_bytes_ -= stamps_.Unmark(e->stamp);
  return true;
}

void LruStack::Compact() {
  const StampRenumbering renumber =
      stamps_.Compact(std::max<uint64_t>(kMinCapacity, 2 * last_.size()));
  last_.ForEach([&](RecencyTable::Entry& e) { e.stamp = renumber(e.stamp); });
  next_stamp_ = last_.size();
}

template <typename W>
void DistanceHistogram<W>::Add(uint64_t distance, W weight) {
  entries_.emplace_back(distance, weight);
  total_ += weight;
  if (entries_.size() >= std::max<size_t>(kMinEntries, 2 * merged_)) Merge();
}

template <typename W>
void DistanceHistogram<W>::AddCold(W weight) {
  cold_ += weight;
  total_ += weight;
}

template <typename W>
void DistanceHistogram<W>::Merge() {
  const size_t unsorted = entries_.size() - merged_;
  std::vector<std::pair<uint64_t, W>, HugePageAllocator<std::pair<uint64_t, W>>> run(unsorted);
  SortInto(entries_.data() + merged_, unsorted, run.data());
  // Merged from the back, so that the sorted prefix stays where it is and needs no copy.
  size_t i = merged_, j = unsorted, out = entries_.size();
  while (j > 0) {
    if (i > 0 && entries_[i - 1].first > run[j - 1].first)
      entries_[--out] = entries_[--i];
    else
      entries_[--out] = run[--j];
  }
  out = 0;
  for (size_t k = 0; k < entries_.size(); ++k) {
    if (out > 0 && entries_[out - 1].first == entries_[k].first)
      entries_[out - 1].second += entries_[k].second;
    else
      entries_[out++] = entries_[k];
  }
  entries_.resize(out);
  merged_ = out;
}

template <typename W>
template <typename Fn>
void DistanceHistogram<W>::ForEachReuse(Fn&& fn) const {
  const size_t unsorted = entries_.size() - merged_;
  using Run = std::vector<std::pair<uint64_t, W>, HugePageAllocator<std::pair<uint64_t, W>>>;
  Run tail(entries_.begin() + static_cast<ptrdiff_t>(merged_), entries_.end());
  Run run(unsorted);
  SortInto(tail.data(), unsorted, run.data());
  tail = {};
  // The sorted prefix holds each distance once; the run may hold it several times.
  size_t i = 0, j = 0;
  while (i < merged_ || j < unsorted) {
    const uint64_t distance = j == unsorted || (i < merged_ && entries_[i].first <= run[j].first)
                                  ? entries_[i].first
                                  : run[j].first;
    W weight{};
    if (i < merged_ && entries_[i].first == distance) weight += entries_[i++].second;
    for (; j < unsorted && run[j].first == distance; ++j)
      weight += run[j].second;
    if (!fn(distance, weight)) return;
  }
}

template <typename W>
std::vector<std::pair<uint64_t, W>> DistanceHistogram<W>::Reuses() const {
  std::vector<std::pair<uint64_t, W>> sorted;
  sorted.reserve(entries_.size());
  ForEachReuse([&](uint64_t distance, W weight) {
    sorted.emplace_back(distance, weight);
    return true;
  });
  return sorted;
}

template <typename W>
double DistanceHistogram<W>::MissRatioAt(uint64_t size) const {
  if (total_ == W{}) return 0;
  // Order does not matter for one size: a scan beats sorting.
  W hits{};
  for (const auto& [distance, weight] : entries_)
    if (distance <= size) hits += weight;
  return Share<W>(total_ - hits, total_);
}

template <typename W>
std::vector<MrcPoint> DistanceHistogram<W>::Curve(std::span<const uint64_t> sizes) const {
  std::vector<size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] < sizes[b]; });
  std::vector<MrcPoint> points(sizes.size());
  W hits{};
  size_t next = 0;  // in order: the sizes below every distance seen so far are done
  const auto finish_below = [&](uint64_t distance) {
    for (; next < order.size() && sizes[order[next]] < distance; ++next)
      points[order[next]] = {sizes[order[next]],
                             total_ == W{} ? 0.0 : Share<W>(total_ - hits, total_)};
  };
  ForEachReuse([&](uint64_t distance, W weight) {
    finish_below(distance);
    hits += weight;
    return next < order.size();
  });
  finish_below(UINT64_MAX);
  for (; next < order.size(); ++next)  // sizes of UINT64_MAX
    points[order[next]] = {sizes[order[next]],
                           total_ == W{} ? 0.0 : Share<W>(total_ - hits, total_)};
  return points;
}

template <typename W>
uint64_t DistanceHistogram<W>::SizeForHitRatio(double target) const {
  if (std::isnan(target)) return UINT64_MAX;
  if (target <= 0 || total_ == W{}) return 0;
  W hits{};
  uint64_t size = UINT64_MAX;
  ForEachReuse([&](uint64_t distance, W weight) {
    hits += weight;
    // The same division as the caller's hit ratio, so that the boundary agrees bit for bit.
    if (static_cast<double>(hits) / static_cast<double>(total_) < target) return true;
    size = distance;
    return false;
  });
  return size;
}

template class DistanceHistogram<uint64_t>;
template class DistanceHistogram<double>;

StackDistance ExactMrc::Access(uint64_t key, uint64_t size_bytes) {
  const StackDistance d = stack_.Access(key, size_bytes);
  if (d.cold) {
    objects_.AddCold(1);
    bytes_.AddCold(size_bytes);
  } else {
    objects_.Add(d.objects, 1);
    bytes_.Add(d.bytes, size_bytes);
  }
  return d;
}

double ExactMrc::MissRatioAt(uint64_t cache_objects) const {
  return objects_.MissRatioAt(cache_objects);
}

double ExactMrc::ByteMissRatioAt(uint64_t cache_bytes) const {
  return bytes_.MissRatioAt(cache_bytes);
}

std::vector<MrcPoint> ExactMrc::Curve(std::span<const uint64_t> sizes, bool bytes) const {
  return (bytes ? bytes_ : objects_).Curve(sizes);
}

uint64_t ExactMrc::SizeForHitRatio(double target, bool bytes) const {
  return (bytes ? bytes_ : objects_).SizeForHitRatio(target);
}

}  // namespace estate

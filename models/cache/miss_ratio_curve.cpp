#include "models/cache/miss_ratio_curve.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace estate {
namespace {

// Timestamps the trees hold at least, so that a small stack is not rebuilt every few accesses.
constexpr uint64_t kMinCapacity = 64;
// Histogram entries appended before the first merge.
constexpr size_t kMinEntries = 1024;

void TreeAdd(std::vector<uint64_t>& tree, uint64_t stamp, uint64_t delta) {
  for (uint64_t i = stamp + 1; i < tree.size(); i += i & (~i + 1))
    tree[i] += delta;
}

// The sum over timestamps below end.
uint64_t TreePrefix(const std::vector<uint64_t>& tree, uint64_t end) {
  uint64_t sum = 0;
  for (uint64_t i = end; i > 0; i -= i & (~i + 1))
    sum += tree[i];
  return sum;
}

template <typename W>
double Share(W part, W whole) {
  const double share = static_cast<double>(part) / static_cast<double>(whole);
  return std::clamp(share, 0.0, 1.0);
}

// Sorts entries [sorted, end) into the sorted prefix and sums the weights of equal distances.
template <typename W>
void SortAndMerge(std::vector<std::pair<uint64_t, W>>& entries, size_t sorted) {
  const auto by_distance = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(entries.begin() + sorted, entries.end(), by_distance);
  std::inplace_merge(entries.begin(), entries.begin() + sorted, entries.end(), by_distance);
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (out > 0 && entries[out - 1].first == entries[i].first)
      entries[out - 1].second += entries[i].second;
    else
      entries[out++] = entries[i];
  }
  entries.resize(out);
}

}  // namespace

StackDistance LruStack::Access(uint64_t key, uint64_t size_bytes) {
  // Before the lookup, so that every entry is marked when the stamps are renumbered.
  if (next_stamp_ >= capacity()) Compact();
  StackDistance d;
  auto [it, fresh] = last_.try_emplace(key);
  Entry& e = it->second;
  if (!fresh) {
    d.cold = false;
    // The key is already counted in keys(), and marked at e.stamp.
    d.objects = keys() - TreePrefix(marks_, e.stamp);
    d.bytes = live_bytes_ - TreePrefix(sizes_, e.stamp + 1) + size_bytes;
    Unmark(e.stamp, e.size);
  }
  e = Entry{next_stamp_++, size_bytes};
  Mark(e.stamp, e.size);
  return d;
}

bool LruStack::Forget(uint64_t key) {
  auto it = last_.find(key);
  if (it == last_.end()) return false;
  Unmark(it->second.stamp, it->second.size);
  last_.erase(it);
  return true;
}

void LruStack::Mark(uint64_t stamp, uint64_t size) {
  TreeAdd(marks_, stamp, 1);
  TreeAdd(sizes_, stamp, size);
  live_bytes_ += size;
}

void LruStack::Unmark(uint64_t stamp, uint64_t size) {
  TreeAdd(marks_, stamp, ~uint64_t{0});
  TreeAdd(sizes_, stamp, ~size + 1);
  live_bytes_ -= size;
}

void LruStack::Compact() {
  std::vector<Entry*> live;
  live.reserve(last_.size());
  for (auto& [key, e] : last_)
    live.push_back(&e);
  std::sort(live.begin(), live.end(),
            [](const Entry* a, const Entry* b) { return a->stamp < b->stamp; });

  const uint64_t capacity = std::max<uint64_t>(kMinCapacity, 2 * live.size());
  marks_.assign(capacity + 1, 0);
  sizes_.assign(capacity + 1, 0);
  for (uint64_t i = 0; i < live.size(); ++i) {
    live[i]->stamp = i;
    marks_[i + 1] = 1;
    sizes_[i + 1] = live[i]->size;
  }
  // Linear-time Fenwick construction: each node passes its partial sum to its parent.
  for (uint64_t i = 1; i <= capacity; ++i) {
    const uint64_t parent = i + (i & (~i + 1));
    if (parent <= capacity) {
      marks_[parent] += marks_[i];
      sizes_[parent] += sizes_[i];
    }
  }
  next_stamp_ = live.size();
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
  SortAndMerge(entries_, merged_);
  merged_ = entries_.size();
}

template <typename W>
std::vector<std::pair<uint64_t, W>> DistanceHistogram<W>::Reuses() const {
  std::vector<std::pair<uint64_t, W>> sorted = entries_;
  SortAndMerge(sorted, merged_);
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
  const std::vector<std::pair<uint64_t, W>> reuses = Reuses();
  std::vector<MrcPoint> points(sizes.size());
  W hits{};
  auto it = reuses.begin();
  for (size_t i : order) {
    for (; it != reuses.end() && it->first <= sizes[i]; ++it)
      hits += it->second;
    points[i] = {sizes[i], total_ == W{} ? 0.0 : Share<W>(total_ - hits, total_)};
  }
  return points;
}

template <typename W>
uint64_t DistanceHistogram<W>::SizeForHitRatio(double target) const {
  if (std::isnan(target)) return UINT64_MAX;
  if (target <= 0 || total_ == W{}) return 0;
  W hits{};
  for (const auto& [distance, weight] : Reuses()) {
    hits += weight;
    // The same division as the caller's hit ratio, so that the boundary agrees bit for bit.
    if (static_cast<double>(hits) / static_cast<double>(total_) >= target) return distance;
  }
  return UINT64_MAX;
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

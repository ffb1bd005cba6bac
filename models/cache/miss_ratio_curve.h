// Exact miss-ratio curves of LRU caches in one pass over a trace (Mattson, Gecsei, Slutz and
// Traiger, "Evaluation techniques for storage hierarchies", 1970). LRU has the inclusion
// property: a cache of c objects holds the c most recently used keys, so an access hits
// exactly when its key's depth in the recency stack (its stack distance) is at most c, and
// the histogram of those depths answers every cache size at once. The same holds for a cache
// of c bytes that admits each object and then evicts from the cold end until it fits: it holds
// the longest recent prefix of the stack that fits in c bytes.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "engine/memory/huge_page_allocator.h"
#include "models/cache/recency_table.h"
#include "models/cache/stamp_tree.h"

namespace estate {

// Where one access found its key in the LRU stack.
struct StackDistance {
  // A first access (or one to a key the stack forgot): a miss at every size. The distances
  // below are then 0.
  bool cold = true;
  // 1-based depth: a cache of c objects hits iff objects <= c.
  uint64_t objects = 0;
  // The key's new size plus the sizes of the distinct keys used since its previous access: a
  // cache of b bytes hits iff bytes <= b.
  uint64_t bytes = 0;
};

// The recency stack, answering each access's stack distance in O(log n) for n live keys.
//
// Every access takes the next timestamp. A StampTree marks each key's latest timestamp with
// the key's size; the depth of a key is one plus the marks between its previous timestamp and
// now, and its byte distance the sizes there plus its own. A trace has far more accesses than
// live keys, so when the timestamps are used up the live keys are renumbered 0..n-1, in
// order, and the tree is rebuilt with room for 2n (so it grows by doubling as the keys grow).
// Memory stays proportional to the live keys, not to the trace (40 to 70 bytes per key), and
// each O(n) rebuild is paid for by the n or more accesses before the next one.
class LruStack {
 public:
  // Moves key to the top of the stack at size size_bytes. A size change takes effect now: the
  // distances of later accesses count the latest size. (Where an object shrinks, a real cache
  // does not refill the room freed, so the byte curve is then optimistic.) Sizes are
  // summed in 64 bits, so the live keys must total less than 16 EiB.
  StackDistance Access(uint64_t key, uint64_t size_bytes);
  // Removes key as if it had never been accessed; false if it was not in the stack.
  bool Forget(uint64_t key);

  uint64_t keys() const { return last_.size(); }
  uint64_t bytes() const { return live_bytes_; }

 private:
  void Compact();

  RecencyTable last_;
  StampTree stamps_;
  uint64_t next_stamp_ = 0;
  uint64_t live_bytes_ = 0;
};

struct MrcPoint {
  uint64_t size = 0;  // objects or bytes
  double miss_ratio = 0;
};

// Stack distances, weighted by W (accesses or bytes; uint64_t for exact curves, double for
// sampled estimates), with cold misses kept apart. An empty histogram misses nothing: its
// miss ratio is 0 and any hit ratio is met by a cache of size 0.
template <typename W>
class DistanceHistogram {
 public:
  void Add(uint64_t distance, W weight);
  void AddCold(W weight);

  // (distance, weight) by ascending distance, each distance once.
  std::vector<std::pair<uint64_t, W>> Reuses() const;
  W cold() const { return cold_; }
  W total() const { return total_; }

  // The share of the weight that misses in a cache of `size`: cold misses and distances above
  // size. Clamped to [0, 1] (an adjusted estimate may carry a negative weight).
  double MissRatioAt(uint64_t size) const;
  // MissRatioAt at each size, in the order given, in one pass.
  std::vector<MrcPoint> Curve(std::span<const uint64_t> sizes) const;
  // The smallest size whose hit share (1 - miss share) is at least target: 0 for a target of
  // 0 or less, UINT64_MAX when cold misses (or a target above 1, or NaN) put it out of reach.
  uint64_t SizeForHitRatio(double target) const;

 private:
  // Byte distances are nearly all distinct, and a node-based map of a million of them costs
  // several times the stack itself. So entries are appended, and radix-sorted and merged
  // whenever they have doubled since the last merge: memory stays within twice the distinct
  // distances (two and a half while merging) and an Add costs O(1) amortized. Entries
  // [0, merged_) are sorted and distinct.
  void Merge();
  // Calls fn(distance, weight) for each distinct distance, ascending, while fn returns true.
  template <typename Fn>
  void ForEachReuse(Fn&& fn) const;

  std::vector<std::pair<uint64_t, W>, HugePageAllocator<std::pair<uint64_t, W>>> entries_;
  size_t merged_ = 0;
  W cold_{};
  W total_{};
};

extern template class DistanceHistogram<uint64_t>;
extern template class DistanceHistogram<double>;

// The exact object-count and byte-weighted miss-ratio curves of LRU over the accesses seen.
// Memory is proportional to the distinct keys plus the distinct distances.
class ExactMrc {
 public:
  // Records one access and says where it found the key.
  StackDistance Access(uint64_t key, uint64_t size_bytes);

  uint64_t accesses() const { return objects_.total(); }
  uint64_t bytes_accessed() const { return bytes_.total(); }
  uint64_t distinct_keys() const { return stack_.keys(); }
  // Object distances weighted by accesses, and byte distances weighted by the bytes accessed.
  const DistanceHistogram<uint64_t>& object_histogram() const { return objects_; }
  const DistanceHistogram<uint64_t>& byte_histogram() const { return bytes_; }

  // The fraction of accesses that miss in an LRU cache of cache_objects objects.
  double MissRatioAt(uint64_t cache_objects) const;
  // The fraction of the bytes accessed that miss in an LRU cache of cache_bytes bytes.
  double ByteMissRatioAt(uint64_t cache_bytes) const;
  // (size, miss ratio) at each size; sizes are bytes when `bytes`.
  std::vector<MrcPoint> Curve(std::span<const uint64_t> sizes, bool bytes) const;
  // The smallest cache (in objects, or bytes) whose hit ratio is at least target; UINT64_MAX
  // when unreachable.
  uint64_t SizeForHitRatio(double target, bool bytes) const;

 private:
  LruStack stack_;
  DistanceHistogram<uint64_t> objects_;
  DistanceHistogram<uint64_t> bytes_;
};

}  // namespace estate

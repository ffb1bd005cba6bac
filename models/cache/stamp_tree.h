// The timestamps of an LruStack: which are some key's latest access (marked), with that key's
// size, and the count and bytes of the marked stamps after any stamp, in O(log n).
//
// A tree of fanout 8 over the stamps, stored level by level: the leaves are a bitmap and a size
// per stamp; above them each group of 8 stamps has its bytes (its marks are a byte of the
// bitmap), and each node above that the count and bytes of its 8 children. Stamps are used in
// increasing order, so the marks after a stamp are a suffix: a sum walks up from the stamp
// adding the siblings after it, one contiguous, line-aligned group per level, and stops at the
// level where it reaches the newest stamp's node. A binary tree (Fenwick) reads about three
// times as many nodes, and at millions of keys each is a cache miss. Moving a mark from a stamp
// to the newest one then finds its groups in cache, and stops at the node both share. The
// leaves are explicit, so compaction is a sequential pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/memory/huge_page_allocator.h"

namespace estate {

// Maps the stamps marked before a StampTree::Compact to their numbers after it.
class StampRenumbering {
 public:
  // REQUIRES: old_stamp was marked. The number of marked stamps below it.
  uint64_t operator()(uint64_t old_stamp) const;

 private:
  friend class StampTree;
  std::vector<uint64_t> words_;   // the old bitmap
  std::vector<uint64_t> before_;  // marked stamps in the words before each word
};

class StampTree {
 public:
  struct Sum {
    uint64_t marks = 0;
    uint64_t bytes = 0;
  };

  // Stamps are 0..capacity()-1; a new tree has none.
  uint64_t capacity() const { return sizes_.size(); }

  // REQUIRES: stamp < capacity(), not marked.
  void Mark(uint64_t stamp, uint64_t size);
  // REQUIRES: stamp is marked. Returns the size it held.
  uint64_t Unmark(uint64_t stamp);
  // Unmarks from and marks to with size; returns from's old size. Cheaper than the two calls:
  // above the first node holding both, only the size difference is written.
  // REQUIRES: from is marked, to < capacity() is not.
  uint64_t Move(uint64_t from, uint64_t to, uint64_t size);
  // The marked stamps in (stamp, end). REQUIRES: end < capacity(), and no stamp at or after
  // end is marked (end is the next stamp to be used).
  Sum After(uint64_t stamp, uint64_t end) const;

  // Renumbers the marked stamps 0..m-1, keeping their order and sizes, and sets the capacity
  // to at least min_capacity (rounded up to a multiple of 64). REQUIRES: min_capacity >= m.
  StampRenumbering Compact(uint64_t min_capacity);

 private:
  // Adds delta (two's complement for removals) to stamp's nodes from level `from` up.
  void AddAbove(uint64_t stamp, Sum delta, size_t from);
  void RebuildLevels();
  Sum* Level(size_t k) { return nodes_.data() + level_begin_[k]; }
  const Sum* Level(size_t k) const { return nodes_.data() + level_begin_[k]; }

  std::vector<uint64_t> marked_;                              // bit s % 64 of word s / 64
  std::vector<uint64_t, HugePageAllocator<uint64_t>> sizes_;  // per stamp; 0 if unmarked
  // Per group of 8 stamps, their bytes. Without the marks, which the bitmap has, a group of 8
  // of these is one cache line.
  std::vector<uint64_t, HugePageAllocator<uint64_t>> group_bytes_;
  std::vector<Sum, HugePageAllocator<Sum>> nodes_;  // every level above the groups
  // Where each level starts in nodes_, a multiple of 8 so that sibling groups are aligned.
  // Level k's node i covers stamps [i * 64 * 8^k, (i + 1) * 64 * 8^k), so level 0 covers one
  // bitmap word; the last level is a root.
  std::vector<size_t> level_begin_;
};

}  // namespace estate

#include "models/cache/stamp_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <vector>

#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

// The reference: the marked stamps and their sizes, summed by brute force.
StampTree::Sum SumAfter(const std::map<uint64_t, uint64_t>& marked, uint64_t stamp, uint64_t end) {
  StampTree::Sum sum;
  for (auto it = marked.upper_bound(stamp); it != marked.end() && it->first < end; ++it) {
    ++sum.marks;
    sum.bytes += it->second;
  }
  return sum;
}

TEST(StampTreeTest, NewTreeHasNoStampsUntilCompacted) {
  StampTree tree;
  EXPECT_EQ(tree.capacity(), 0u);
  tree.Compact(1);
  EXPECT_EQ(tree.capacity(), 64u);  // whole bitmap words
  tree.Compact(65);
  EXPECT_EQ(tree.capacity(), 128u);
}

TEST(StampTreeTest, AfterCountsTheMarksStrictlyBetween) {
  StampTree tree;
  tree.Compact(64);
  tree.Mark(3, 30);
  tree.Mark(8, 80);  // the next group of 8
  tree.Mark(9, 90);
  tree.Mark(40, 400);  // another level-0 node
  EXPECT_EQ(tree.After(3, 41).marks, 3u);
  EXPECT_EQ(tree.After(3, 41).bytes, 570u);
  EXPECT_EQ(tree.After(8, 41).marks, 2u);
  EXPECT_EQ(tree.After(8, 41).bytes, 490u);
  EXPECT_EQ(tree.After(0, 41).bytes, 600u);
  EXPECT_EQ(tree.After(40, 41).marks, 0u);
  EXPECT_EQ(tree.After(41, 41).marks, 0u);  // an empty range
}

TEST(StampTreeTest, MoveAndUnmarkReturnTheOldSize) {
  StampTree tree;
  tree.Compact(64);
  tree.Mark(1, 10);
  tree.Mark(2, 20);
  EXPECT_EQ(tree.Move(1, 3, 15), 10u);
  EXPECT_EQ(tree.After(0, 4).marks, 2u);
  EXPECT_EQ(tree.After(0, 4).bytes, 35u);
  EXPECT_EQ(tree.Unmark(2), 20u);
  EXPECT_EQ(tree.After(0, 4).bytes, 15u);
}

// Random marks, moves to the newest stamp and removals, as an LruStack makes them, over enough
// stamps for five levels, checked against brute force after every step; compacting renumbers
// in order and keeps the sizes.
TEST(StampTreeTest, MatchesBruteForceThroughMovesAndCompactions) {
  StampTree tree;
  std::map<uint64_t, uint64_t> marked;  // stamp -> size
  SplitMix64 rng(7);
  uint64_t next = 0;
  for (int round = 0; round < 4; ++round) {
    if (next >= tree.capacity()) {
      const uint64_t before_capacity = tree.capacity();
      const StampRenumbering renumber = tree.Compact(2 * marked.size() + 5000);
      EXPECT_GE(tree.capacity(), 2 * marked.size() + 5000) << before_capacity;
      std::map<uint64_t, uint64_t> renumbered;
      uint64_t expected = 0;
      for (const auto& [stamp, size] : marked) {
        ASSERT_EQ(renumber(stamp), expected);
        renumbered[expected++] = size;
      }
      marked = renumbered;
      next = marked.size();
      for (uint64_t s = 0; s + 1 < next; s += 97)
        ASSERT_EQ(tree.After(s, next).bytes, SumAfter(marked, s, next).bytes);
    }
    while (next < tree.capacity()) {
      const uint64_t op = rng.Next() % 10;
      const uint64_t size = rng.Next() % 100'000;
      if (op < 3 || marked.empty()) {
        tree.Mark(next, size);
        marked[next++] = size;
        continue;
      }
      // A marked stamp, mostly a recent one, as skewed traces reuse.
      auto it = marked.end();
      std::advance(it,
                   -static_cast<int64_t>(
                       1 + rng.Next() % std::min<uint64_t>(marked.size(), op < 8 ? 50 : 100'000)));
      const uint64_t from = it->first;
      const StampTree::Sum expected = SumAfter(marked, from, next);
      const StampTree::Sum got = tree.After(from, next);
      ASSERT_EQ(got.marks, expected.marks) << "after " << from << " to " << next;
      ASSERT_EQ(got.bytes, expected.bytes) << "after " << from << " to " << next;
      if (op == 9) {
        ASSERT_EQ(tree.Unmark(from), it->second);
        marked.erase(it);
      } else {
        ASSERT_EQ(tree.Move(from, next, size), it->second);
        marked.erase(it);
        marked[next++] = size;
      }
    }
  }
  EXPECT_GT(next, 8u * 8 * 8 * 8);
}

}  // namespace
}  // namespace estate

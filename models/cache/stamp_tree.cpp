#include "models/cache/stamp_tree.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace estate {
namespace {

constexpr int kFanoutBits = 3;  // 8 children per node
constexpr uint64_t kFanout = uint64_t{1} << kFanoutBits;

using Sum = StampTree::Sum;

// The bits set in each byte. std::popcount is a library call on baseline x86-64 (no POPCNT),
// and counting the marks of a group of 8 leaves is on every access's path.
constexpr std::array<uint8_t, 256> kBitsSet = [] {
  std::array<uint8_t, 256> bits{};
  for (int i = 1; i < 256; ++i)
    bits[i] = static_cast<uint8_t>((i & 1) + bits[i / 2]);
  return bits;
}();

void Add(Sum& to, const Sum& delta) {
  to.marks += delta.marks;
  to.bytes += delta.bytes;
}

// The two's complement, which unsigned arithmetic makes an exact removal.
Sum Negated(const Sum& s) {
  return {~s.marks + 1, ~s.bytes + 1};
}

uint64_t LowBits(int n) {
  return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

uint64_t WordsFor(uint64_t stamps) {
  return (stamps + 63) / 64;
}

// The node holding `stamp` in levels_[levels_up - 1].
uint64_t Ancestor(uint64_t stamp, size_t levels_up) {
  return stamp >> (kFanoutBits * levels_up);
}

}  // namespace

uint64_t StampRenumbering::operator()(uint64_t old_stamp) const {
  const uint64_t word = old_stamp / 64;
  return before_[word] + std::popcount(words_[word] & LowBits(old_stamp % 64));
}

void StampTree::Mark(uint64_t stamp, uint64_t size) {
  marked_[stamp / 64] |= uint64_t{1} << (stamp % 64);
  sizes_[stamp] = size;
  AddAbove(stamp, {1, size}, 0);
}

uint64_t StampTree::Unmark(uint64_t stamp) {
  const uint64_t size = sizes_[stamp];
  marked_[stamp / 64] &= ~(uint64_t{1} << (stamp % 64));
  sizes_[stamp] = 0;
  AddAbove(stamp, Negated({1, size}), 0);
  return size;
}

uint64_t StampTree::Move(uint64_t from, uint64_t to, uint64_t size) {
  const uint64_t old_size = sizes_[from];
  marked_[from / 64] &= ~(uint64_t{1} << (from % 64));
  sizes_[from] = 0;
  marked_[to / 64] |= uint64_t{1} << (to % 64);
  sizes_[to] = size;
  const Sum removed = Negated({1, old_size});
  for (size_t k = 0; k < levels_.size(); ++k) {
    const uint64_t a = Ancestor(from, k + 1), b = Ancestor(to, k + 1);
    if (a == b) {
      if (size != old_size) AddAbove(to, {0, size - old_size}, k);
      break;
    }
    Add(levels_[k][a], removed);
    Add(levels_[k][b], {1, size});
  }
  return old_size;
}

void StampTree::AddAbove(uint64_t stamp, Sum delta, size_t from_level) {
  for (size_t k = from_level; k < levels_.size(); ++k)
    Add(levels_[k][Ancestor(stamp, k + 1)], delta);
}

StampTree::Sum StampTree::After(uint64_t stamp, uint64_t end) const {
  Sum total;
  if (stamp >= end) return total;
  // At each level, the siblings after stamp's node in its group, up to end's node: the nodes
  // after that are unmarked, and once both are one node, everything after it is.
  uint64_t last = std::min(end, stamp | (kFanout - 1));
  const uint64_t group = marked_[stamp / 64] >> (stamp % 64 & ~(kFanout - 1));
  total.marks += kBitsSet[group & LowBits(static_cast<int>(last % kFanout) + 1) &
                          ~LowBits(static_cast<int>(stamp % kFanout) + 1)];
  for (uint64_t s = stamp + 1; s <= last; ++s)
    total.bytes += sizes_[s];
  uint64_t x = stamp >> kFanoutBits, y = end >> kFanoutBits;
  for (size_t k = 0; x != y; ++k) {
    last = std::min(y, x | (kFanout - 1));
    for (uint64_t i = x + 1; i <= last; ++i)
      Add(total, levels_[k][i]);
    x >>= kFanoutBits;
    y >>= kFanoutBits;
  }
  return total;
}

StampRenumbering StampTree::Compact(uint64_t new_capacity) {
  StampRenumbering renumbering;
  renumbering.before_.resize(marked_.size());
  uint64_t marks = 0;
  for (size_t w = 0; w < marked_.size(); ++w) {
    renumbering.before_[w] = marks;
    // Moving each marked size down to its new stamp, in order, never overwrites one unread.
    for (uint64_t bits = marked_[w]; bits != 0; bits &= bits - 1)
      sizes_[marks++] = sizes_[w * 64 + std::countr_zero(bits)];
  }
  renumbering.words_ = std::move(marked_);

  sizes_.resize(new_capacity);
  std::fill(sizes_.begin() + static_cast<std::ptrdiff_t>(marks), sizes_.end(), 0);
  marked_.assign(WordsFor(new_capacity), 0);
  for (uint64_t w = 0; w < marks / 64; ++w)
    marked_[w] = ~uint64_t{0};
  if (marks % 64 != 0) marked_[marks / 64] = LowBits(static_cast<int>(marks % 64));
  RebuildLevels();
  return renumbering;
}

void StampTree::RebuildLevels() {
  // Level sizes: ceil(stamps / 8^(k+1)), up to a single root.
  size_t depth = 0;
  for (uint64_t n = capacity(); n > 1; n = (n + kFanout - 1) >> kFanoutBits)
    ++depth;
  if (capacity() == 1) depth = 1;
  levels_.resize(depth);
  uint64_t below = capacity();
  for (size_t k = 0; k < depth; ++k) {
    std::vector<Sum>& level = levels_[k];
    level.assign((below + kFanout - 1) >> kFanoutBits, Sum{});
    if (k == 0) {
      for (uint64_t s = 0; s < below; ++s) {
        Sum& node = level[s >> kFanoutBits];
        node.marks += (marked_[s / 64] >> (s % 64)) & 1;
        node.bytes += sizes_[s];
      }
    } else {
      for (uint64_t i = 0; i < below; ++i)
        Add(level[i >> kFanoutBits], levels_[k - 1][i]);
    }
    below = level.size();
  }
}

}  // namespace estate

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

// The bits set in x, without the library call std::popcount makes here (see kBitsSet).
uint64_t CountBits(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (x * 0x0101010101010101ull) >> 56;
}

// The bits of a group of 8 for the positions in (first, last], first <= last < 8.
unsigned PositionsAfter(uint64_t first, uint64_t last) {
  return ((2u << last) - 1) & ~((2u << first) - 1);
}

// The bits of a bitmap word for its groups of 8 in (first, last], first <= last < 8.
uint64_t GroupsAfter(uint64_t first, uint64_t last) {
  return LowBits(static_cast<int>(8 * (last + 1))) & ~LowBits(static_cast<int>(8 * (first + 1)));
}

}  // namespace

uint64_t StampRenumbering::operator()(uint64_t old_stamp) const {
  const uint64_t word = old_stamp / 64;
  return before_[word] + CountBits(words_[word] & LowBits(static_cast<int>(old_stamp % 64)));
}

void StampTree::Mark(uint64_t stamp, uint64_t size) {
  marked_[stamp / 64] |= uint64_t{1} << (stamp % 64);
  sizes_[stamp] = size;
  group_bytes_[stamp / kFanout] += size;
  AddAbove(stamp, {1, size}, 0);
}

uint64_t StampTree::Unmark(uint64_t stamp) {
  const uint64_t size = sizes_[stamp];
  marked_[stamp / 64] &= ~(uint64_t{1} << (stamp % 64));
  sizes_[stamp] = 0;
  group_bytes_[stamp / kFanout] -= size;
  AddAbove(stamp, Negated({1, size}), 0);
  return size;
}

uint64_t StampTree::Move(uint64_t from, uint64_t to, uint64_t size) {
  const uint64_t old_size = sizes_[from];
  marked_[from / 64] &= ~(uint64_t{1} << (from % 64));
  sizes_[from] = 0;
  marked_[to / 64] |= uint64_t{1} << (to % 64);
  sizes_[to] = size;
  uint64_t a = from / kFanout, b = to / kFanout;
  group_bytes_[a] -= old_size;
  group_bytes_[b] += size;
  const Sum removed = Negated({1, old_size});
  a >>= kFanoutBits;
  b >>= kFanoutBits;
  for (size_t k = 0; k < level_begin_.size(); ++k, a >>= kFanoutBits, b >>= kFanoutBits) {
    if (a == b) {
      if (size != old_size) AddAbove(to, {0, size - old_size}, k);
      break;
    }
    Sum* level = Level(k);
    Add(level[a], removed);
    Add(level[b], {1, size});
  }
  return old_size;
}

void StampTree::AddAbove(uint64_t stamp, Sum delta, size_t from) {
  uint64_t node = stamp >> (6 + kFanoutBits * from);
  for (size_t k = from; k < level_begin_.size(); ++k, node >>= kFanoutBits)
    Add(Level(k)[node], delta);
}

StampTree::Sum StampTree::After(uint64_t stamp, uint64_t end) const {
  Sum total;
  if (stamp >= end) return total;
  // At each level, the siblings after stamp's node in its group, up to end's node: the nodes
  // after that are unmarked, and once both are one node, everything after it is.
  const uint64_t word = marked_[stamp / 64];
  uint64_t last = std::min(end, stamp | (kFanout - 1));
  total.marks = kBitsSet[(word >> (stamp % 64 & ~(kFanout - 1))) &
                         PositionsAfter(stamp % kFanout, last % kFanout)];
  for (uint64_t s = stamp + 1; s <= last; ++s)
    total.bytes += sizes_[s];
  // The groups after stamp's, within its bitmap word.
  const uint64_t group = stamp / kFanout, end_group = end / kFanout;
  if (group == end_group) return total;
  last = std::min(end_group, group | (kFanout - 1));
  total.marks += CountBits(word & GroupsAfter(group % kFanout, last % kFanout));
  for (uint64_t g = group + 1; g <= last; ++g)
    total.bytes += group_bytes_[g];
  uint64_t x = group >> kFanoutBits, y = end_group >> kFanoutBits;
  for (size_t k = 0; x != y; ++k, x >>= kFanoutBits, y >>= kFanoutBits) {
    const Sum* level = Level(k);
    last = std::min(y, x | (kFanout - 1));
    for (uint64_t i = x + 1; i <= last; ++i)
      Add(total, level[i]);
  }
  return total;
}

StampRenumbering StampTree::Compact(uint64_t min_capacity) {
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

  // A multiple of 64, so that the bitmap's words and the groups of 8 are all whole.
  const uint64_t capacity = std::max<uint64_t>(64, (min_capacity + 63) / 64 * 64);
  sizes_.resize(capacity);
  std::fill(sizes_.begin() + static_cast<std::ptrdiff_t>(marks), sizes_.end(), 0);
  marked_.assign(capacity / 64, 0);
  for (uint64_t w = 0; w < marks / 64; ++w)
    marked_[w] = ~uint64_t{0};
  if (marks % 64 != 0) marked_[marks / 64] = LowBits(static_cast<int>(marks % 64));
  RebuildLevels();
  return renumbering;
}

void StampTree::RebuildLevels() {
  group_bytes_.assign(capacity() / kFanout, 0);
  for (uint64_t s = 0; s < capacity(); ++s)
    group_bytes_[s / kFanout] += sizes_[s];
  std::vector<uint64_t> counts;  // nodes per level, down to a single root
  level_begin_.clear();
  size_t begin = 0;
  for (uint64_t n = capacity() / 64;; n = (n + kFanout - 1) / kFanout) {
    counts.push_back(n);
    level_begin_.push_back(begin);
    begin += (n + kFanout - 1) / kFanout * kFanout;
    if (n == 1) break;
  }
  nodes_.assign(begin, Sum{});
  // Level 0: a node per bitmap word, over 8 groups.
  Sum* level = Level(0);
  for (uint64_t w = 0; w < marked_.size(); ++w) {
    level[w].marks = CountBits(marked_[w]);
    for (uint64_t g = w * kFanout; g < (w + 1) * kFanout; ++g)
      level[w].bytes += group_bytes_[g];
  }
  for (size_t k = 1; k < counts.size(); ++k) {
    const Sum* below = Level(k - 1);
    Sum* above = Level(k);
    for (uint64_t i = 0; i < counts[k - 1]; ++i)
      Add(above[i >> kFanoutBits], below[i]);
  }
}

}  // namespace estate

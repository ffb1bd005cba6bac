#include "models/cache/recency_table.h"

#include <bit>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace estate {
namespace {

constexpr uint64_t kMinSlots = 16;

// MurmurHash3's 64-bit finalizer. Not SplitMix64, which ShardsSampler samples keys by: the keys
// it tracks all share small low hash bits, and this table must not see them as alike.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  return x ^ (x >> 33);
}

}  // namespace

uint64_t RecencyTable::HomeOf(uint64_t key) const {
  return Mix(key) >> shift_;
}

RecencyTable::Entry* RecencyTable::Find(uint64_t key) {
  if (slots_.empty()) return nullptr;
  const uint64_t mask = slots_.size() - 1;
  for (uint64_t i = HomeOf(key);; i = (i + 1) & mask) {
    Entry& e = slots_[i];
    if (e.stamp == kVacant) return nullptr;
    if (e.key == key) return &e;
  }
}

void RecencyTable::Insert(const Entry& entry) {
  if (4 * (size_ + 1) > 3 * slots_.size()) Grow();
  const uint64_t mask = slots_.size() - 1;
  uint64_t i = HomeOf(entry.key);
  while (slots_[i].stamp != kVacant)
    i = (i + 1) & mask;
  slots_[i] = entry;
  ++size_;
}

std::optional<RecencyTable::Entry> RecencyTable::Erase(uint64_t key) {
  Entry* found = Find(key);
  if (found == nullptr) return std::nullopt;
  const Entry erased = *found;
  const uint64_t mask = slots_.size() - 1;
  // Backward shift: pull later entries of the run into the hole when their home is not
  // between the hole and themselves, so that every entry stays reachable from its home.
  uint64_t hole = static_cast<uint64_t>(found - slots_.data());
  for (uint64_t i = (hole + 1) & mask; slots_[i].stamp != kVacant; i = (i + 1) & mask) {
    const uint64_t home = HomeOf(slots_[i].key);
    if (((i - home) & mask) >= ((i - hole) & mask)) {
      slots_[hole] = slots_[i];
      hole = i;
    }
  }
  slots_[hole] = Entry{};
  --size_;
  return erased;
}

void RecencyTable::Grow() {
  std::vector<Entry, HugePageAllocator<Entry>> old = std::move(slots_);
  const uint64_t slots = old.empty() ? kMinSlots : 2 * old.size();
  slots_.assign(slots, Entry{});
  shift_ = 64 - std::countr_zero(slots);
  size_ = 0;
  for (const Entry& e : old)
    if (e.stamp != kVacant) Insert(e);
}

}  // namespace estate

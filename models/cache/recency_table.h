// The latest access timestamp of every key in an LruStack. The stack looks a key up on
// every access, and with millions of keys each lookup is a cache miss: a node-based map pays
// two (bucket, then node) and an allocation per key, this open-addressing table one. Linear
// probing, deletion by backward shift (no tombstones), at most 3/4 full.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/memory/huge_page_allocator.h"

namespace estate {

class RecencyTable {
 public:
  // A vacant slot holds this stamp, so a stamp must never equal it.
  static constexpr uint64_t kVacant = UINT64_MAX;

  struct Entry {
    uint64_t key = 0;
    uint64_t stamp = kVacant;
  };

  // key's entry, or nullptr. The pointer is valid until the next Insert or Erase.
  Entry* Find(uint64_t key);
  // REQUIRES: key is absent and entry.stamp != kVacant.
  void Insert(const Entry& entry);
  // Removes key and returns what it held; nullopt if it was absent.
  std::optional<Entry> Erase(uint64_t key);

  uint64_t size() const { return size_; }
  // Calls fn(Entry&) on every entry, in no particular order. fn may change stamp (never to
  // kVacant), not key.
  template <typename Fn>
  void ForEach(Fn&& fn) {
    for (Entry& e : slots_)
      if (e.stamp != kVacant) fn(e);
  }

 private:
  uint64_t HomeOf(uint64_t key) const;
  void Grow();

  std::vector<Entry, HugePageAllocator<Entry>> slots_;  // a power of two in size, or empty
  uint64_t size_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size()): the hash's top bits pick the home slot
};

}  // namespace estate

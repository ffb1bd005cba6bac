// S3FifoCache: S3-FIFO eviction (Yang et al., "FIFO queues are all you need for cache
// eviction", SOSP'23), weighted by bytes. The variant implemented:
//   - a small FIFO S (target 10% of the capacity in bytes) and a main FIFO M;
//   - each entry has a 2-bit access counter, incremented on a hit and capped at 3;
//   - a new entry goes to M if its key is in the ghost queue G (and leaves G), else to S;
//   - to make room: if S holds at least its target bytes (or M is empty), take S's oldest
//     entry: if it was hit at least once it moves to M's head with its counter reset,
//     otherwise it is evicted and its key goes to G; else take M's oldest entry: if its
//     counter is above zero it is decremented and the entry goes back to M's head,
//     otherwise it is evicted;
//   - G remembers keys only (no bytes), at most as many as the cache holds entries, oldest
//     forgotten first.
// Entries that become clean after being dirty join M (they were just written, so hot).
#pragma once

#include <list>
#include <string>
#include <unordered_map>

#include "engine/cache/site_cache.h"

namespace estate {

class S3FifoCache : public SiteCache {
 public:
  explicit S3FifoCache(SiteCacheOptions options) : SiteCache(std::move(options)) {}

  uint64_t small_bytes() const { return small_bytes_; }
  uint64_t main_bytes() const { return main_bytes_; }
  size_t ghost_size() const { return ghost_.size(); }

 protected:
  void OnAdmit(const std::string& key, Entry& e, bool was_dirty) override;
  void OnHit(const std::string& key, Entry& e) override;
  void OnRemove(const std::string& key, Entry& e) override;
  std::string PickVictim() override;

 private:
  enum Queue : uint8_t { kSmall = 1, kMain = 2 };
  using Fifo = std::list<std::string>;  // front: newest

  void PushMain(const std::string& key, Entry& e);
  void RememberGhost(const std::string& key);

  Fifo small_, main_, ghost_;
  std::unordered_map<std::string, Fifo::iterator> where_;
  std::unordered_map<std::string, Fifo::iterator> ghost_where_;
  uint64_t small_bytes_ = 0;
  uint64_t main_bytes_ = 0;
};

}  // namespace estate

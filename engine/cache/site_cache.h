// SiteCache: an on-prem site's cache of object bytes, bounded in bytes, with LRU or S3-FIFO
// eviction (chosen per site), pinning by key prefix, a time-to-live, and one hard rule: an
// entry marked dirty holds data not yet written back to GCS, possibly its only copy, so it is
// never evicted or expired until MarkClean. Pinned and dirty entries sit outside the
// eviction order; they still count against the capacity, and an insert that cannot make room
// without touching them is refused (and counted) rather than break the rule.
//
// Keys are opaque strings, typically "bucket/name#generation". Decisions never depend on hash
// order, so a run is reproducible.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/mount/policy.h"
#include "engine/time.h"

namespace estate {

struct SiteCacheOptions {
  uint64_t capacity_bytes = 0;
  std::vector<std::string> pinned_prefixes;  // keys under these are never evicted
  DurationNs ttl = 0;                        // 0: entries never expire
  double small_queue_fraction = 0.10;        // S3-FIFO: share of capacity for the small queue
};

struct SiteCacheStats {
  uint64_t hits = 0;
  uint64_t misses = 0;
  uint64_t hit_bytes = 0;
  uint64_t insertions = 0;
  uint64_t evictions = 0;
  uint64_t evicted_bytes = 0;
  uint64_t expirations = 0;
  uint64_t rejections = 0;  // inserts refused: too large, or no evictable room

  // Sums counters, e.g. over the lives of a site that restarted.
  SiteCacheStats& operator+=(const SiteCacheStats& o) {
    hits += o.hits;
    misses += o.misses;
    hit_bytes += o.hit_bytes;
    insertions += o.insertions;
    evictions += o.evictions;
    evicted_bytes += o.evicted_bytes;
    expirations += o.expirations;
    rejections += o.rejections;
    return *this;
  }

  double hit_ratio() const {
    return hits + misses == 0 ? 0.0
                              : static_cast<double>(hits) / static_cast<double>(hits + misses);
  }
};

class SiteCache {
 public:
  using EvictionListener = std::function<void(const std::string& key, uint64_t size)>;

  explicit SiteCache(SiteCacheOptions options) : options_(std::move(options)) {}
  virtual ~SiteCache() = default;

  // A hit refreshes the entry for the eviction policy. An expired (and clean) entry is
  // dropped and the lookup is a miss.
  bool Lookup(const std::string& key, TimeNs now);
  // Admits key with `size` bytes, evicting as needed; an existing entry is replaced. Returns
  // false (and counts a rejection) when the entry cannot fit without evicting pinned or dirty
  // entries, or is larger than the whole cache.
  bool Insert(const std::string& key, uint64_t size, TimeNs now, bool dirty);
  // The entry's data has been written back; it may now be evicted.
  void MarkClean(const std::string& key);
  // Removes an entry (object deleted or overwritten). Returns whether it was present.
  bool Erase(const std::string& key);

  bool Contains(const std::string& key) const { return entries_.count(key) > 0; }
  bool IsDirty(const std::string& key) const;
  uint64_t used_bytes() const { return used_; }
  uint64_t dirty_bytes() const { return dirty_bytes_; }
  size_t size() const { return entries_.size(); }
  const SiteCacheStats& stats() const { return stats_; }
  const SiteCacheOptions& options() const { return options_; }
  void SetEvictionListener(EvictionListener l) { listener_ = std::move(l); }

 protected:
  struct Entry {
    uint64_t size = 0;
    TimeNs inserted = 0;
    bool dirty = false;
    bool pinned = false;
    uint8_t freq = 0;   // S3-FIFO: saturating access counter, 0..3
    uint8_t queue = 0;  // policy-specific: which queue holds it
  };

  // Policy hooks. An entry is "evictable" when neither dirty nor pinned; only evictable
  // entries are ever handed to the policy. OnAdmit's was_dirty: the entry is not new but has
  // just been written back.
  virtual void OnAdmit(const std::string& key, Entry& e, bool was_dirty) = 0;
  virtual void OnHit(const std::string& key, Entry& e) = 0;
  virtual void OnRemove(const std::string& key, Entry& e) = 0;
  // Chooses and returns one evictable key to evict, or "" when there is none.
  virtual std::string PickVictim() = 0;

  Entry* Find(const std::string& key);
  const SiteCacheOptions options_;

 private:
  bool Pinned(const std::string& key) const;
  void Remove(const std::string& key, bool evicted);

  std::unordered_map<std::string, Entry> entries_;
  uint64_t used_ = 0;
  uint64_t dirty_bytes_ = 0;
  SiteCacheStats stats_;
  EvictionListener listener_;
};

// Builds the cache for a site's eviction policy.
std::unique_ptr<SiteCache> MakeSiteCache(EvictionPolicy policy, SiteCacheOptions options);

}  // namespace estate

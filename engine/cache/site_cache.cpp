#include "engine/cache/site_cache.h"

#include "engine/cache/lru_cache.h"
#include "engine/cache/s3_fifo_cache.h"

namespace estate {

SiteCache::Entry* SiteCache::Find(const std::string& key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

bool SiteCache::Pinned(const std::string& key) const {
  for (const std::string& p : options_.pinned_prefixes) {
    if (key.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

bool SiteCache::IsDirty(const std::string& key) const {
  auto it = entries_.find(key);
  return it != entries_.end() && it->second.dirty;
}

void SiteCache::Remove(const std::string& key, bool evicted) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  Entry& e = it->second;
  if (!e.dirty && !e.pinned) OnRemove(key, e);
  used_ -= e.size;
  if (e.dirty) dirty_bytes_ -= e.size;
  const uint64_t size = e.size;
  entries_.erase(it);
  if (evicted) {
    ++stats_.evictions;
    stats_.evicted_bytes += size;
    if (listener_) listener_(key, size);
  }
}

bool SiteCache::Lookup(const std::string& key, TimeNs now) {
  Entry* e = Find(key);
  if (e != nullptr && options_.ttl > 0 && !e->dirty && now - e->inserted >= options_.ttl) {
    Remove(key, /*evicted=*/false);
    ++stats_.expirations;
    e = nullptr;
  }
  if (e == nullptr) {
    ++stats_.misses;
    return false;
  }
  ++stats_.hits;
  stats_.hit_bytes += e->size;
  if (!e->dirty && !e->pinned) OnHit(key, *e);
  return true;
}

bool SiteCache::Insert(const std::string& key, uint64_t size, TimeNs now, bool dirty) {
  if (size > options_.capacity_bytes) {
    ++stats_.rejections;
    return false;
  }
  Remove(key, /*evicted=*/false);
  while (used_ + size > options_.capacity_bytes) {
    std::string victim = PickVictim();
    if (victim.empty()) {
      ++stats_.rejections;
      return false;
    }
    Remove(victim, /*evicted=*/true);
  }
  Entry& e = entries_[key];
  e = Entry{};
  e.size = size;
  e.inserted = now;
  e.dirty = dirty;
  e.pinned = Pinned(key);
  used_ += size;
  if (dirty) dirty_bytes_ += size;
  ++stats_.insertions;
  if (!e.dirty && !e.pinned) OnAdmit(key, e, /*was_dirty=*/false);
  return true;
}

void SiteCache::MarkClean(const std::string& key) {
  Entry* e = Find(key);
  if (e == nullptr || !e->dirty) return;
  e->dirty = false;
  dirty_bytes_ -= e->size;
  if (!e->pinned) OnAdmit(key, *e, /*was_dirty=*/true);
}

bool SiteCache::Erase(const std::string& key) {
  if (!Contains(key)) return false;
  Remove(key, /*evicted=*/false);
  return true;
}

std::unique_ptr<SiteCache> MakeSiteCache(EvictionPolicy policy, SiteCacheOptions options) {
  if (policy == EvictionPolicy::kS3Fifo) return std::make_unique<S3FifoCache>(std::move(options));
  return std::make_unique<LruCache>(std::move(options));
}

}  // namespace estate

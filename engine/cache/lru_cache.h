// LruCache: evicts the least recently used evictable entry. The recency order is a list with
// an index into it, so every operation is O(1).
#pragma once

#include <list>
#include <string>
#include <unordered_map>

#include "engine/cache/site_cache.h"

namespace estate {

class LruCache : public SiteCache {
 public:
  explicit LruCache(SiteCacheOptions options) : SiteCache(std::move(options)) {}

 protected:
  void OnAdmit(const std::string& key, Entry& e, bool was_dirty) override;
  void OnHit(const std::string& key, Entry& e) override;
  void OnRemove(const std::string& key, Entry& e) override;
  std::string PickVictim() override;

 private:
  std::list<std::string> order_;  // front: most recent
  std::unordered_map<std::string, std::list<std::string>::iterator> where_;
};

}  // namespace estate

#include "engine/cache/lru_cache.h"

namespace estate {

void LruCache::OnAdmit(const std::string& key, Entry&, bool) {
  order_.push_front(key);
  where_[key] = order_.begin();
}

void LruCache::OnHit(const std::string& key, Entry&) {
  auto it = where_.find(key);
  if (it != where_.end()) order_.splice(order_.begin(), order_, it->second);
}

void LruCache::OnRemove(const std::string& key, Entry&) {
  auto it = where_.find(key);
  if (it == where_.end()) return;
  order_.erase(it->second);
  where_.erase(it);
}

std::string LruCache::PickVictim() {
  return order_.empty() ? std::string() : order_.back();
}

}  // namespace estate

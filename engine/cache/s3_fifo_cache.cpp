#include "engine/cache/s3_fifo_cache.h"

#include <algorithm>

namespace estate {

void S3FifoCache::PushMain(const std::string& key, Entry& e) {
  main_.push_front(key);
  where_[key] = main_.begin();
  e.queue = kMain;
  main_bytes_ += e.size;
}

void S3FifoCache::OnAdmit(const std::string& key, Entry& e, bool was_dirty) {
  e.freq = 0;
  auto g = ghost_where_.find(key);
  const bool ghost_hit = g != ghost_where_.end();
  if (ghost_hit) {
    ghost_.erase(g->second);
    ghost_where_.erase(g);
  }
  // A ghost hit was evicted too early; an entry just written back was written here recently.
  // Both are hot, so both join M directly.
  if (ghost_hit || was_dirty) return PushMain(key, e);
  small_.push_front(key);
  where_[key] = small_.begin();
  e.queue = kSmall;
  small_bytes_ += e.size;
}

void S3FifoCache::OnHit(const std::string&, Entry& e) {
  if (e.freq < 3) ++e.freq;
}

void S3FifoCache::OnRemove(const std::string& key, Entry& e) {
  auto it = where_.find(key);
  if (it == where_.end()) return;
  if (e.queue == kSmall) {
    small_.erase(it->second);
    small_bytes_ -= e.size;
  } else {
    main_.erase(it->second);
    main_bytes_ -= e.size;
  }
  where_.erase(it);
  e.queue = 0;
}

void S3FifoCache::RememberGhost(const std::string& key) {
  ghost_.push_front(key);
  ghost_where_[key] = ghost_.begin();
  const size_t limit = std::max<size_t>(1, size());
  while (ghost_.size() > limit) {
    ghost_where_.erase(ghost_.back());
    ghost_.pop_back();
  }
}

std::string S3FifoCache::PickVictim() {
  const uint64_t small_target = static_cast<uint64_t>(static_cast<double>(options_.capacity_bytes) *
                                                      options_.small_queue_fraction);
  while (!small_.empty() || !main_.empty()) {
    if (!small_.empty() && (small_bytes_ >= small_target || main_.empty())) {
      const std::string key = small_.back();
      Entry& e = *Find(key);
      if (e.freq >= 1) {
        small_.pop_back();
        small_bytes_ -= e.size;
        e.freq = 0;
        PushMain(key, e);
        continue;
      }
      RememberGhost(key);
      return key;
    }
    const std::string key = main_.back();
    Entry& e = *Find(key);
    if (e.freq > 0) {
      --e.freq;
      main_.pop_back();
      main_.push_front(key);
      where_[key] = main_.begin();
      continue;
    }
    return key;
  }
  return std::string();
}

}  // namespace estate

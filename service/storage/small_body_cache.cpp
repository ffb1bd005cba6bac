#include "service/storage/small_body_cache.h"

namespace estate::service {

SmallBodyCache::SmallBodyCache(uint64_t capacity_bytes, uint64_t max_body_bytes)
    : capacity_bytes_(capacity_bytes), max_body_bytes_(max_body_bytes) {}

std::shared_ptr<const std::string> SmallBodyCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = where_.find(key);
  if (it == where_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->bytes;
}

void SmallBodyCache::Insert(const std::string& key, std::shared_ptr<const std::string> bytes) {
  if (bytes == nullptr || !Admits(bytes->size()) || bytes->size() > capacity_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (where_.count(key) != 0) return;  // two readers raced; the bytes are the same
  bytes_ += bytes->size();
  order_.push_front(Entry{key, std::move(bytes)});
  where_.emplace(key, order_.begin());
  while (bytes_ > capacity_bytes_) {
    const Entry& victim = order_.back();
    bytes_ -= victim.bytes->size();
    where_.erase(victim.key);
    order_.pop_back();
  }
}

uint64_t SmallBodyCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

}  // namespace estate::service

// SmallBodyCache: the bytes of recently read small objects, by content address, least
// recently used first out. A hot small object is then served without opening its file; on the
// VMs this runs on every system call is expensive, and open, read and close were three of the
// dozen a 4 KiB GET made. Bytes under a content address never change, so an entry is never
// stale; a deleted object's entry ages out, and only live metadata leads to an address.
//
// Thread-safe: HTTP threads share one cache.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace estate::service {

class SmallBodyCache {
 public:
  // Holds at most capacity_bytes of bodies, none larger than max_body_bytes.
  SmallBodyCache(uint64_t capacity_bytes, uint64_t max_body_bytes);

  bool Admits(uint64_t size) const { return size <= max_body_bytes_; }
  // The bytes under key, or null.
  std::shared_ptr<const std::string> Find(const std::string& key);
  // Keeps bytes under key unless !Admits(bytes->size()), evicting the least recently used.
  void Insert(const std::string& key, std::shared_ptr<const std::string> bytes);

  uint64_t bytes() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> bytes;
  };

  const uint64_t capacity_bytes_;
  const uint64_t max_body_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> order_;  // front: most recently used
  std::unordered_map<std::string, std::list<Entry>::iterator> where_;
  uint64_t bytes_ = 0;
};

}  // namespace estate::service

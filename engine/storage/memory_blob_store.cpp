#include "engine/storage/memory_blob_store.h"

namespace estate {

void MemoryBlobStore::RememberDurable(const std::string& key) {
  if (undo_.count(key)) return;
  auto it = data_.find(key);
  undo_.emplace(key, it == data_.end() ? std::nullopt : std::optional<std::string>(it->second));
}

void MemoryBlobStore::Set(const std::string& key, std::optional<std::string> value) {
  auto it = data_.find(key);
  if (it != data_.end()) {
    bytes_ -= it->first.size() + it->second.size();
    if (!value) {
      data_.erase(it);
      return;
    }
    it->second = std::move(*value);
    bytes_ += it->first.size() + it->second.size();
    return;
  }
  if (!value) return;
  bytes_ += key.size() + value->size();
  data_.emplace(key, std::move(*value));
}

Status MemoryBlobStore::Put(std::string_view key, std::string_view value, bool sync) {
  std::string k(key);
  if (!sync) RememberDurable(k);
  Set(k, std::string(value));
  // A synced write also makes every earlier write durable, as a synced log append does.
  if (sync) undo_.clear();
  return Status::Ok();
}

Result<std::string> MemoryBlobStore::Get(std::string_view key) const {
  auto it = data_.find(key);
  if (it == data_.end()) return Status::NotFound("no blob " + std::string(key));
  return it->second;
}

Status MemoryBlobStore::Delete(std::string_view key, bool sync) {
  std::string k(key);
  if (!sync) RememberDurable(k);
  Set(k, std::nullopt);
  if (sync) undo_.clear();
  return Status::Ok();
}

std::vector<std::string> MemoryBlobStore::Keys(std::string_view prefix) const {
  std::vector<std::string> out;
  for (auto it = data_.lower_bound(prefix); it != data_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first);
  }
  return out;
}

Status MemoryBlobStore::Sync() {
  undo_.clear();
  return Status::Ok();
}

void MemoryBlobStore::DropUnsynced() {
  for (auto& [key, durable] : undo_)
    Set(key, std::move(durable));
  undo_.clear();
}

}  // namespace estate

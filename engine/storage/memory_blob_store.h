// MemoryBlobStore: an ordered in-memory BlobStore that remembers what is not yet durable, so
// a simulated crash can lose exactly that. Used by the deterministic test runtime and by the
// SimGrid runtime, where a node's "disk" lives in the simulator's memory.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/runtime.h"

namespace estate {

class MemoryBlobStore : public BlobStore {
 public:
  Status Put(std::string_view key, std::string_view value, bool sync) override;
  Result<std::string> Get(std::string_view key) const override;
  Status Delete(std::string_view key, bool sync) override;
  std::vector<std::string> Keys(std::string_view prefix) const override;
  Status Sync() override;

  // Reverts every write and delete made since the last sync, as a crash would.
  void DropUnsynced();
  size_t unsynced_keys() const { return undo_.size(); }
  size_t size() const { return data_.size(); }
  // Bytes held in keys and values.
  size_t bytes() const { return bytes_; }

 private:
  // Records the durable state of key before its first unsynced change.
  void RememberDurable(const std::string& key);
  void Set(const std::string& key, std::optional<std::string> value);

  std::map<std::string, std::string, std::less<>> data_;
  // Durable value of each key changed since the last sync; nullopt: the key did not exist.
  std::map<std::string, std::optional<std::string>, std::less<>> undo_;
  size_t bytes_ = 0;
};

}  // namespace estate

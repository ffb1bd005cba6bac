// RocksDbBlobStore: the engine's BlobStore on RocksDB, for the service. Put and Delete with
// sync=true use WriteOptions.sync, so they are on disk when they return; sync=false writes go
// to RocksDB's write-ahead log without an fsync (they survive a process crash, not a power
// cut) until Sync() fsyncs the log.
//
// Threading: RocksDB is thread-safe; so is this class.
#pragma once

#include <memory>
#include <string>

#include "engine/runtime.h"

namespace rocksdb {
class DB;
}

namespace estate::service {

class RocksDbBlobStore : public BlobStore {
 public:
  // Opens (creating if needed) the database in directory `dir`. Errors: 500 naming the
  // directory and RocksDB's reason (e.g. another process holds its lock).
  static Result<std::unique_ptr<RocksDbBlobStore>> Open(const std::string& dir);
  ~RocksDbBlobStore() override;

  Status Put(std::string_view key, std::string_view value, bool sync) override;
  Result<std::string> Get(std::string_view key) const override;
  Status Delete(std::string_view key, bool sync) override;
  std::vector<std::string> Keys(std::string_view prefix) const override;
  Status Sync() override;

 private:
  RocksDbBlobStore(std::string dir, std::unique_ptr<rocksdb::DB> db);

  std::string dir_;
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace estate::service

#include "service/runtime/rocksdb_blob_store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>

namespace estate::service {
namespace {

rocksdb::Slice SliceOf(std::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

Status Failed(const std::string& dir, const char* what, const rocksdb::Status& s) {
  return Status::Internal(dir + ": RocksDB " + what + " failed: " + s.ToString());
}

}  // namespace

RocksDbBlobStore::RocksDbBlobStore(std::string dir, std::unique_ptr<rocksdb::DB> db)
    : dir_(std::move(dir)), db_(std::move(db)) {}

RocksDbBlobStore::~RocksDbBlobStore() = default;

Result<std::unique_ptr<RocksDbBlobStore>> RocksDbBlobStore::Open(const std::string& dir) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, dir, &raw);
  if (!s.ok()) return Failed(dir, "open", s);
  return std::unique_ptr<RocksDbBlobStore>(
      new RocksDbBlobStore(dir, std::unique_ptr<rocksdb::DB>(raw)));
}

Status RocksDbBlobStore::Put(std::string_view key, std::string_view value, bool sync) {
  rocksdb::WriteOptions w;
  w.sync = sync;
  rocksdb::Status s = db_->Put(w, SliceOf(key), SliceOf(value));
  return s.ok() ? Status::Ok() : Failed(dir_, "put", s);
}

Result<std::string> RocksDbBlobStore::Get(std::string_view key) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), SliceOf(key), &value);
  if (s.IsNotFound()) return Status::NotFound("key \"" + std::string(key) + "\" not found");
  if (!s.ok()) return Failed(dir_, "get", s);
  return value;
}

Status RocksDbBlobStore::Delete(std::string_view key, bool sync) {
  rocksdb::WriteOptions w;
  w.sync = sync;
  rocksdb::Status s = db_->Delete(w, SliceOf(key));
  return s.ok() ? Status::Ok() : Failed(dir_, "delete", s);
}

std::vector<std::string> RocksDbBlobStore::Keys(std::string_view prefix) const {
  std::vector<std::string> keys;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(SliceOf(prefix)); it->Valid() && it->key().starts_with(SliceOf(prefix));
       it->Next()) {
    keys.push_back(it->key().ToString());
  }
  return keys;
}

Status RocksDbBlobStore::Sync() {
  rocksdb::Status s = db_->SyncWAL();
  return s.ok() ? Status::Ok() : Failed(dir_, "WAL sync", s);
}

}  // namespace estate::service

// ObjectStore: object bytes as files under a site's data directory, named by content address
// (content_address.h): <dir>/objects/<first two hex digits of the md5>/<key>.
//
// Durability: bytes are written to a staging file, fsynced, linked to their final name and
// the directory is fsynced, all before Commit() returns; so once a caller acknowledges a
// write after Commit(), a crash cannot lose the bytes. A file is never modified in place:
// readers see a complete file or none. Staging files left by a crash are removed on Open().
//
// Two different contents with the same address (an MD5 and CRC32C collision, which only a
// deliberate attack produces) are refused with 409 rather than served for one another: when
// the final name exists, the new bytes are compared with it.
//
// Files are never deleted yet: deleted generations keep their bytes (see docs/SERVICE.md).
//
// Threading: thread-safe; each Writer is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ns/crc32c.h"
#include "service/runtime/peer_body_store.h"
#include "service/storage/content_address.h"
#include "service/storage/md5_hasher.h"

namespace estate::service {

class ObjectStore;

// Stages one object's bytes while computing their CRC32C and MD5.
class ObjectWriter {
 public:
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;
  // Removes the staging file (committed bytes stay under their address).
  ~ObjectWriter();

  Status Append(std::string_view bytes);
  uint64_t size() const { return size_; }
  uint32_t crc32c() const { return crc_.value(); }
  // Makes the bytes durable under their content address and returns it. With `expected`,
  // fails with 400 (storing nothing) when the bytes have another address. 409 on a content
  // collision. REQUIRES: called at most once.
  Result<ContentAddress> Commit(const std::optional<ContentAddress>& expected = std::nullopt);

 private:
  friend class ObjectStore;
  ObjectWriter(ObjectStore& store, int fd, std::string path)
      : store_(store), fd_(fd), path_(std::move(path)) {}

  ObjectStore& store_;
  int fd_;
  std::string path_;
  Crc32cHasher crc_;
  Md5Hasher md5_;
  uint64_t size_ = 0;
};

class ObjectStore : public PeerBodyStore {
 public:
  // Opens the store in `dir` (created if needed). Errors: 500 naming the path.
  static Result<std::unique_ptr<ObjectStore>> Open(const std::string& dir);

  Result<std::unique_ptr<ObjectWriter>> NewWriter();
  // Links a complete file into the store under its content address, durably, as Commit()
  // does. The file must be on the same file system (e.g. a finished resumable upload under the
  // data directory) and is left in place: the caller removes it once it no longer needs it.
  Result<ContentAddress> Adopt(const std::string& path);

  bool Contains(const ContentAddress& address) const;
  // Opens the bytes for reading. Errors: 404 when this site does not hold them.
  Result<BodyFile> OpenRead(const ContentAddress& address) const;
  // All the bytes, for small objects. Errors: 404 as OpenRead; 500 for a short file.
  Result<std::string> ReadAll(const ContentAddress& address) const;

  // PeerBodyStore: what replication sends and receives.
  Result<BodyFile> OpenBody(const std::string& key) override;
  Result<std::unique_ptr<BodySink>> BeginBody(const std::string& key, uint64_t size) override;

  const std::string& dir() const { return dir_; }

 private:
  friend class ObjectWriter;
  explicit ObjectStore(std::string dir) : dir_(std::move(dir)) {}

  std::string PathOf(const ContentAddress& address) const;
  // Links the fsynced file `staged` to the address's name (or checks it equals the file
  // already there) and fsyncs the directory. `staged` stays.
  Status Install(const std::string& staged, const ContentAddress& address);

  std::string dir_;
};

}  // namespace estate::service

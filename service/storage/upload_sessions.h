// UploadSessions: the resumable uploads in progress at a site, kept on disk so that a client
// can resume after it restarts, and after the service restarts, from the last byte the
// service acknowledged. Each session is <dir>/<id>.json (what the first request said) and
// <id>.part (the bytes so far); a finished one keeps <id>.done (the object's JSON) so that a
// retried final request gets the same answer.
//
// Session ids are 128 random bits in hex, the only thing a request can name: an id that is
// not 32 lower-case hex digits is unknown without touching the file system.
//
// Threading: thread-safe. Requests to one session are serialised by its Lease.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/ns/object.h"
#include "engine/result.h"
#include "service/storage/object_store.h"

namespace estate::service {

struct UploadSessionInfo {
  std::string bucket;
  std::string name;
  std::string resource_json;  // the object resource the first request carried ("" for none)
  Preconditions preconditions;
  std::string content_type;       // X-Upload-Content-Type, or ""
  std::optional<uint64_t> total;  // X-Upload-Content-Length, when the client gave it
};

class UploadSessions;

// Exclusive access to one session for the duration of a request.
class UploadLease {
 public:
  UploadLease(const UploadLease&) = delete;
  UploadLease& operator=(const UploadLease&) = delete;
  ~UploadLease();

  const UploadSessionInfo& info() const { return info_; }
  // Bytes received and made durable so far.
  uint64_t received() const { return received_; }
  // The object JSON of a finished session, or "".
  const std::string& finished() const { return finished_; }

  // Appends bytes at the end of what was received.
  Status Append(std::string_view bytes);
  // fsyncs the appended bytes: after this, received() survives a crash.
  Status Sync();
  // Puts the received bytes into the object store (see ObjectStore::Adopt). The session keeps
  // them, so a final request that fails for a retryable reason can be sent again.
  Result<ContentAddress> Complete();
  // Records the object the upload created and drops the session's copy of the bytes; later
  // requests see finished().
  Status MarkFinished(const std::string& object_json);

 private:
  friend class UploadSessions;
  UploadLease(UploadSessions& sessions, std::string id, std::unique_lock<std::mutex> lock)
      : sessions_(sessions), id_(std::move(id)), lock_(std::move(lock)) {}

  UploadSessions& sessions_;
  std::string id_;
  std::unique_lock<std::mutex> lock_;
  UploadSessionInfo info_;
  uint64_t received_ = 0;
  std::string finished_;
  int fd_ = -1;  // the part file, opened for appending on first use
};

class UploadSessions {
 public:
  // Opens (creating) the session directory. Errors: 500 naming it.
  static Result<std::unique_ptr<UploadSessions>> Open(const std::string& dir, ObjectStore& objects);

  // Starts a session and returns its id. The session is durable when this returns.
  Result<std::string> Create(const UploadSessionInfo& info);
  // Takes the session for one request, waiting for any other request on it. 404 when unknown.
  Result<std::unique_ptr<UploadLease>> Acquire(const std::string& id);
  // Forgets a session and its bytes (a cancelled upload). 404 when unknown.
  Status Cancel(const std::string& id);

  static bool ValidId(std::string_view id);

 private:
  friend class UploadLease;
  UploadSessions(std::string dir, ObjectStore& objects) : dir_(std::move(dir)), objects_(objects) {}
  std::string PathOf(const std::string& id, const char* ext) const { return dir_ + "/" + id + ext; }
  std::mutex& MutexOf(const std::string& id);

  std::string dir_;
  ObjectStore& objects_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<std::mutex>> locks_;
};

}  // namespace estate::service

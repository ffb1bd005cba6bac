// GcsApi: the GCS JSON API v1 operations of one site, on top of its engine (ServiceSite),
// its object bytes (ObjectStore) and its resumable uploads (UploadSessions). GcsServer
// authenticates and routes each request; GcsApi reads its body, runs it and writes the
// response in GCS's shapes (gcs_json.h), with GCS's status codes:
//
//   412 a precondition failed (a write, or a get's ifGenerationMatch / ifMetagenerationMatch)
//   304 a get's ifGenerationNotMatch / ifMetagenerationNotMatch failed
//   404 no such bucket or object; 409 bucket exists or not empty; 400 bad request
//   413 a body over its limit; 408 a body not received within the request time limit
//   416 a range beyond the object; 503 the engine could not answer (retry)
//
// Acknowledgements are durable: an upload's bytes are fsynced into the object store before
// the engine records the object, and the metadata's RocksDB log is fsynced before the
// response is sent.
//
// The operations are split by kind: gcs_api_buckets.cpp, gcs_api_objects.cpp (get, list,
// patch, delete), gcs_api_uploads.cpp (media, multipart, resumable), gcs_api_copies.cpp
// (copy, rewrite, compose).
//
// Threading: Serve() is called concurrently from HTTP worker threads.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/http/api_error.h"
#include "service/http/gcs_json.h"
#include "service/http/gcs_route.h"
#include "service/ops/metrics.h"
#include "service/site/service_site.h"
#include "service/storage/small_body_cache.h"
#include "service/storage/upload_sessions.h"

namespace estate::service {

struct ApiLimits {
  uint64_t max_object_bytes = 5ull << 30;      // one upload (any kind) or compose result
  uint64_t max_json_bytes = 1ull << 20;        // JSON request bodies
  uint64_t max_multipart_bytes = 64ull << 20;  // a whole multipart upload, held in memory
  // Bounds each engine call and the reception of each request body.
  DurationNs request_timeout = 60 * kSecond;
  // Downloads of objects up to small_body_max_bytes keep their bytes in a cache this large.
  uint64_t small_body_cache_bytes = 64ull << 20;
  uint64_t small_body_max_bytes = 64ull << 10;
};

class GcsApi {
 public:
  GcsApi(ServiceSite& site, UploadSessions& uploads, Metrics& metrics, ApiLimits limits)
      : site_(site), uploads_(uploads), metrics_(metrics), limits_(limits) {}

  // Serves one routed request. `body` is null for requests without one (GET). base_url
  // ("http://host:port") prefixes the links the responses carry.
  void Serve(const GcsRoute& route, const httplib::Request& req, const httplib::ContentReader* body,
             const std::string& base_url, httplib::Response& res);

 private:
  // One request in progress.
  struct Exchange {
    const GcsRoute& route;
    const httplib::Request& req;
    const httplib::ContentReader* body;
    const std::string& base_url;
    httplib::Response& res;
    std::chrono::steady_clock::time_point deadline;
    bool body_read = false;      // the body reader was run
    bool body_consumed = false;  // ... and read the body to its end
  };

  // Buckets.
  void InsertBucket(Exchange& x);
  void GetBucket(Exchange& x);
  void ListBuckets(Exchange& x);
  void DeleteBucket(Exchange& x);
  // Objects.
  void GetObject(Exchange& x);
  void ListObjects(Exchange& x);
  void PatchObject(Exchange& x);
  void DeleteObject(Exchange& x);
  // Uploads.
  void InsertObject(Exchange& x);
  void InsertMedia(Exchange& x, const Preconditions& pre);
  void InsertMultipart(Exchange& x, const Preconditions& pre);
  void StartResumable(Exchange& x, const Preconditions& pre);
  void UploadChunk(Exchange& x);
  void CancelUpload(Exchange& x);
  // Copies.
  void CopyObject(Exchange& x, bool rewrite);
  void ComposeObject(Exchange& x);

  // Shared steps (gcs_api.cpp).
  void Fail(Exchange& x, const ApiError& e);
  void Reply(Exchange& x, int code, const nlohmann::json& body);
  // Streams the body to `sink` in pieces, at most `limit` bytes. On failure (413, 408, 400 for
  // a body cut short, or the sink's error) fills *error and returns false.
  bool StreamBody(Exchange& x, uint64_t limit, const std::function<Status(std::string_view)>& sink,
                  std::optional<ApiError>* error);
  // The whole body, or nullopt with *error filled.
  std::optional<std::string> ReadBody(Exchange& x, uint64_t limit, std::optional<ApiError>* error);
  DurationNs Remaining(const Exchange& x) const;
  // Waits until this site's namespace shows bucket `name` created (exists) or deleted (!exists),
  // at most until the request's deadline. Returns the bucket when it exists. Errors: 503 at the
  // deadline.
  Result<BucketMeta> AwaitLocalBucket(Exchange& x, const std::string& name, bool exists);

  // An object's bytes ready to send: a small object's in memory, a larger one's file open.
  struct ObjectBody {
    std::shared_ptr<const std::string> bytes;
    std::optional<BodyFile> file;
  };
  // The engine's answer for an object, and its bytes made present at this site (fetched from
  // another site when needed). With `body`, the bytes are also made ready to send there (one
  // open, or none for a cached small object, instead of a stat and then an open). Errors: the
  // engine's; 503 when the bytes cannot be had.
  Result<ObjectMeta> GetWithBytes(Exchange& x, const std::string& bucket, const std::string& name,
                                  std::optional<int64_t> generation, const Preconditions& pre,
                                  ObjectBody* body = nullptr);
  // Fills *body from the small-body cache or the object store. Errors: as ObjectStore's.
  Status LoadBody(const ContentAddress& address, ObjectBody* body);
  // Records bucket/name as a new generation whose bytes are at `address` (already durable),
  // then makes the metadata durable. Errors: the engine's.
  Result<ObjectMeta> CommitObject(Exchange& x, const std::string& bucket, const std::string& name,
                                  const ContentAddress& address, const ObjectResource& resource,
                                  const std::string& content_type, const Preconditions& pre);

  ServiceSite& site_;
  UploadSessions& uploads_;
  Metrics& metrics_;
  ApiLimits limits_;
  SmallBodyCache small_bodies_{limits_.small_body_cache_bytes, limits_.small_body_max_bytes};
};

// Reads and drops what is left of a request body, at most `cap` bytes, so that a client still
// sending it reads the error answer instead of a broken connection. True when the body ended.
bool DiscardBody(const httplib::ContentReader& body, uint64_t cap);
// How much of a refused body is read and dropped before the connection is closed instead.
constexpr uint64_t kDiscardCap = 16ull << 20;

// Checks bytes a client uploaded against the hashes it declared. Errors: 400 naming both.
Status CheckDeclaredHashes(const ContentAddress& got, std::optional<uint32_t> crc32c,
                           const std::optional<std::string>& md5);

}  // namespace estate::service

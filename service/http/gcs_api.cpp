// GcsApi: dispatch and the steps every operation shares.
#include "service/http/gcs_api.h"

#include <cstdlib>
#include <thread>

#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"

namespace estate::service {

void GcsApi::Serve(const GcsRoute& route, const httplib::Request& req,
                   const httplib::ContentReader* body, const std::string& base_url,
                   httplib::Response& res) {
  Exchange x{
      route, req,
      body,  base_url,
      res,   std::chrono::steady_clock::now() + std::chrono::nanoseconds(limits_.request_timeout)};
  switch (route.op) {
    case GcsOp::kBucketList:
      ListBuckets(x);
      break;
    case GcsOp::kBucketInsert:
      InsertBucket(x);
      break;
    case GcsOp::kBucketGet:
      GetBucket(x);
      break;
    case GcsOp::kBucketDelete:
      DeleteBucket(x);
      break;
    case GcsOp::kObjectList:
      ListObjects(x);
      break;
    case GcsOp::kObjectInsert:
      InsertObject(x);
      break;
    case GcsOp::kUploadChunk:
      UploadChunk(x);
      break;
    case GcsOp::kUploadCancel:
      CancelUpload(x);
      break;
    case GcsOp::kObjectGet:
      GetObject(x);
      break;
    case GcsOp::kObjectPatch:
      PatchObject(x);
      break;
    case GcsOp::kObjectDelete:
      DeleteObject(x);
      break;
    case GcsOp::kObjectCopy:
      CopyObject(x, /*rewrite=*/false);
      break;
    case GcsOp::kObjectRewrite:
      CopyObject(x, /*rewrite=*/true);
      break;
    case GcsOp::kObjectCompose:
      ComposeObject(x);
      break;
    case GcsOp::kMetrics:
    case GcsOp::kHealth:
      Fail(x, Status::NotFound("not an API operation"));
      break;
  }
  if (x.body != nullptr && !x.body_read) x.body_consumed = DiscardBody(*x.body, kDiscardCap);
  // A body left unread would be taken for the next request on this connection.
  if (x.body != nullptr && !x.body_consumed) res.set_header("Connection", "close");
}

bool DiscardBody(const httplib::ContentReader& body, uint64_t cap) {
  uint64_t dropped = 0;
  return body([&](const char*, size_t len) {
    dropped += len;
    return dropped <= cap;
  });
}

void GcsApi::Reply(Exchange& x, int code, const nlohmann::json& body) {
  x.res.status = code;
  // Names are UTF-8 (the engine checks), but never let a stray byte turn into a throw here.
  x.res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=UTF-8");
}

void GcsApi::Fail(Exchange& x, const ApiError& e) {
  Reply(x, e.code, GcsErrorJson(e.code, e.reason, e.message));
}

DurationNs GcsApi::Remaining(const Exchange& x) const {
  const auto left = x.deadline - std::chrono::steady_clock::now();
  return std::max<DurationNs>(kMillisecond,
                              std::chrono::duration_cast<std::chrono::nanoseconds>(left).count());
}

bool GcsApi::StreamBody(Exchange& x, uint64_t limit,
                        const std::function<Status(std::string_view)>& sink,
                        std::optional<ApiError>* error) {
  if (x.body == nullptr) {
    x.body_consumed = true;
    return true;
  }
  if (x.req.has_header("Content-Length")) {
    const std::string declared = x.req.get_header_value("Content-Length");
    char* end = nullptr;
    const unsigned long long n = std::strtoull(declared.c_str(), &end, 10);
    if (declared.empty() || *end != '\0') {
      error->emplace(Status::Invalid("malformed Content-Length"));
      return false;
    }
    // Refused before a byte is stored; Serve() drops the body if it is not too large.
    if (n > limit) {
      error->emplace(ApiError::PayloadTooLarge(limit));
      return false;
    }
  }
  // After a failure the rest of the body is read and dropped (up to kDiscardCap), so that
  // the client, still sending, reads the answer rather than a reset connection.
  uint64_t received = 0;
  uint64_t dropped = 0;
  x.body_read = true;
  const bool complete = (*x.body)([&](const char* data, size_t len) {
    if (error->has_value()) {
      dropped += len;
      return dropped <= kDiscardCap;
    }
    received += len;
    if (received > limit) {
      error->emplace(ApiError::PayloadTooLarge(limit));
      return true;
    }
    if (std::chrono::steady_clock::now() > x.deadline) {
      error->emplace(ApiError::BodyTimeout());
      return false;
    }
    Status s = sink(std::string_view(data, len));
    if (!s.ok()) error->emplace(s);
    return true;
  });
  x.body_consumed = complete;
  if (error->has_value()) return false;
  if (!complete) {
    error->emplace(Status::Invalid("the request body ended early"));
    return false;
  }
  return true;
}

std::optional<std::string> GcsApi::ReadBody(Exchange& x, uint64_t limit,
                                            std::optional<ApiError>* error) {
  std::string body;
  const bool ok = StreamBody(
      x, limit,
      [&](std::string_view piece) {
        body.append(piece);
        return Status::Ok();
      },
      error);
  if (!ok) return std::nullopt;
  return body;
}

Status GcsApi::LoadBody(const ContentAddress& address, ObjectBody* body) {
  if (!small_bodies_.Admits(address.size)) {
    Result<BodyFile> file = site_.objects().OpenRead(address);
    if (!file.ok()) return file.status();
    body->file.emplace(std::move(*file));
    return Status::Ok();
  }
  const std::string key = address.Key();
  body->bytes = small_bodies_.Find(key);
  if (body->bytes != nullptr) return Status::Ok();
  Result<std::string> bytes = site_.objects().ReadAll(address);
  if (!bytes.ok()) return bytes.status();
  body->bytes = std::make_shared<const std::string>(std::move(*bytes));
  small_bodies_.Insert(key, body->bytes);
  return Status::Ok();
}

Result<ObjectMeta> GcsApi::GetWithBytes(Exchange& x, const std::string& bucket,
                                        const std::string& name, std::optional<int64_t> generation,
                                        const Preconditions& pre, ObjectBody* body) {
  // Engine work runs later on the loop thread, possibly after this request gave up waiting:
  // everything it uses is captured by value.
  Result<ObjectMeta> meta = site_.Call<ObjectMeta>(
      Remaining(x), [bucket, name, generation, pre](EngineNode& e, ClientContext& ctx, auto done) {
        e.Get(ctx, bucket, name, generation, pre, done);
      });
  if (!meta.ok()) return meta;
  std::optional<ContentAddress> address = ContentAddress::Of(*meta);
  if (!address) return Status::Internal("object " + bucket + "/" + name + " has no MD5 on record");
  if (body != nullptr ? LoadBody(*address, body).ok() : site_.objects().Contains(*address)) {
    return meta;
  }
  // Not here yet: have the engine fetch the live generation's bytes from a site that has them.
  Result<DataRead> read = site_.Call<DataRead>(
      Remaining(x), [bucket, name](EngineNode& e, ClientContext& ctx, auto done) {
        e.ReadData(ctx, bucket, name, done);
      });
  if (!read.ok()) return read.status();
  // The engine may count the bytes as here while they are still on their way: a write made at
  // another site and ordered by this one (strong mode's leader, a mount's primary) is recorded
  // as resident where it was ordered. Its replication or write-back brings the bytes.
  while (!site_.objects().Contains(*address)) {
    if (std::chrono::steady_clock::now() > x.deadline) {
      return Status::Unavailable("the bytes of " + bucket + "/" + name + " generation " +
                                 std::to_string(meta->generation) +
                                 " are not available at this site");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (body != nullptr) {
    if (Status s = LoadBody(*address, body); !s.ok()) return Status::Unavailable(s.message());
  }
  return meta;
}

Result<ObjectMeta> GcsApi::CommitObject(Exchange& x, const std::string& bucket,
                                        const std::string& name, const ContentAddress& address,
                                        const ObjectResource& resource,
                                        const std::string& content_type, const Preconditions& pre) {
  ObjectWrite w;
  w.size = address.size;
  w.crc32c = address.crc32c;
  w.md5 = address.md5;
  w.content_type = content_type.empty() ? "application/octet-stream" : content_type;
  for (const auto& [k, v] : resource.metadata) {
    if (v) w.metadata[k] = *v;
  }
  w.storage_class = resource.storage_class;
  Result<ObjectMeta> meta = site_.Call<ObjectMeta>(
      Remaining(x), [bucket, name, w, pre](EngineNode& e, ClientContext& ctx, auto done) {
        e.Insert(ctx, bucket, name, w, pre, done);
      });
  if (!meta.ok()) return meta;
  Status synced = site_.SyncMetadata();
  if (!synced.ok()) return synced;
  return meta;
}

Status CheckDeclaredHashes(const ContentAddress& got, std::optional<uint32_t> crc32c,
                           const std::optional<std::string>& md5) {
  if (crc32c && *crc32c != got.crc32c) {
    return Status::Invalid("Provided CRC32C \"" + Crc32cToBase64(*crc32c) +
                           "\" doesn't match calculated CRC32C \"" + Crc32cToBase64(got.crc32c) +
                           "\".");
  }
  if (md5 && *md5 != got.md5) {
    return Status::Invalid("Provided MD5 hash \"" + Base64Encode(*md5) +
                           "\" doesn't match calculated MD5 hash \"" + Base64Encode(got.md5) +
                           "\".");
  }
  return Status::Ok();
}

}  // namespace estate::service

// GcsApi: objects.insert in its three forms. A media upload streams its body into the object
// store; a multipart upload holds its (bounded) body in memory to split it; a resumable upload
// keeps a durable session (UploadSessions) that takes the bytes in chunked PUTs and can be
// queried and resumed.
#include "engine/ns/name_validation.h"
#include "service/http/gcs_api.h"
#include "service/http/gcs_params.h"
#include "service/http/goog_hash.h"
#include "service/http/http_ranges.h"
#include "service/http/multipart_related.h"

namespace estate::service {
namespace {

Status MissingName() {
  return Status::Invalid("Required parameter: name (in the query or the object resource)");
}

// "Range: bytes=0-N" for N+1 bytes received, absent for none, as GCS answers a 308.
void SetReceivedRange(httplib::Response& res, uint64_t received) {
  if (received > 0) res.set_header("Range", "bytes=0-" + std::to_string(received - 1));
}

}  // namespace

void GcsApi::InsertObject(Exchange& x) {
  Result<Preconditions> pre = PreconditionsParam(x.route);
  if (!pre.ok()) return Fail(x, pre.status());
  const std::string* type = x.route.Param("uploadType");
  const std::string content_type = x.req.get_header_value("Content-Type");
  if (type && *type == "resumable") return StartResumable(x, *pre);
  if ((type && *type == "multipart") || (!type && MultipartBoundary(content_type))) {
    return InsertMultipart(x, *pre);
  }
  if (type && *type != "media") {
    return Fail(x, Status::Invalid("uploadType: expected media, multipart or resumable, found \"" +
                                   type->substr(0, 40) + "\""));
  }
  InsertMedia(x, *pre);
}

void GcsApi::InsertMedia(Exchange& x, const Preconditions& pre) {
  const std::string* name = x.route.Param("name");
  if (name == nullptr || name->empty()) return Fail(x, MissingName());
  Status valid = ValidateObjectName(*name);
  if (!valid.ok()) return Fail(x, valid);
  Result<std::unique_ptr<ObjectWriter>> writer = site_.objects().NewWriter();
  if (!writer.ok()) return Fail(x, writer.status());
  std::optional<ApiError> error;
  if (!StreamBody(
          x, limits_.max_object_bytes,
          [&](std::string_view piece) { return (*writer)->Append(piece); }, &error)) {
    return Fail(x, *error);
  }
  Result<ContentAddress> address = (*writer)->Commit();
  if (!address.ok()) return Fail(x, address.status());
  const DeclaredHashes declared = ParseGoogHash(x.req.get_header_value("x-goog-hash"));
  Status matches = CheckDeclaredHashes(*address, declared.crc32c, declared.md5);
  if (!matches.ok()) return Fail(x, matches);
  std::string content_type = x.req.get_header_value("Content-Type");
  Result<ObjectMeta> meta =
      CommitObject(x, x.route.bucket, *name, *address, ObjectResource{}, content_type, pre);
  if (!meta.ok()) return Fail(x, meta.status());
  metrics_.RecordUploadBytes(address->size);
  Reply(x, 200, ObjectJson(*meta, x.base_url));
}

void GcsApi::InsertMultipart(Exchange& x, const Preconditions& pre) {
  std::optional<std::string> boundary = MultipartBoundary(x.req.get_header_value("Content-Type"));
  if (!boundary) {
    return Fail(x, Status::Invalid("a multipart upload needs Content-Type: multipart/related; "
                                   "boundary=..."));
  }
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_multipart_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<std::vector<MultipartPart>> parts = ParseMultipartRelated(*body, *boundary);
  if (!parts.ok()) return Fail(x, parts.status());
  if (parts->size() != 2) {
    return Fail(x, Status::Invalid("a multipart upload has exactly two parts (metadata, media); "
                                   "found " +
                                   std::to_string(parts->size())));
  }
  Result<ObjectResource> resource = ParseObjectResource((*parts)[0].body);
  if (!resource.ok()) return Fail(x, resource.status());
  const std::string* query_name = x.route.Param("name");
  const std::string name =
      query_name && !query_name->empty() ? *query_name : resource->name.value_or("");
  if (name.empty()) return Fail(x, MissingName());
  Status valid = ValidateObjectName(name);
  if (!valid.ok()) return Fail(x, valid);
  Result<std::unique_ptr<ObjectWriter>> writer = site_.objects().NewWriter();
  if (!writer.ok()) return Fail(x, writer.status());
  Status written = (*writer)->Append((*parts)[1].body);
  if (!written.ok()) return Fail(x, written);
  Result<ContentAddress> address = (*writer)->Commit();
  if (!address.ok()) return Fail(x, address.status());
  Status matches = CheckDeclaredHashes(*address, resource->crc32c, resource->md5);
  if (!matches.ok()) return Fail(x, matches);
  const auto media_type = (*parts)[1].headers.find("content-type");
  const std::string content_type = resource->content_type.value_or(
      media_type == (*parts)[1].headers.end() ? "" : media_type->second);
  Result<ObjectMeta> meta =
      CommitObject(x, x.route.bucket, name, *address, *resource, content_type, pre);
  if (!meta.ok()) return Fail(x, meta.status());
  metrics_.RecordUploadBytes(address->size);
  Reply(x, 200, ObjectJson(*meta, x.base_url));
}

void GcsApi::StartResumable(Exchange& x, const Preconditions& pre) {
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_json_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<ObjectResource> resource = ParseObjectResource(*body);
  if (!resource.ok()) return Fail(x, resource.status());
  const std::string* query_name = x.route.Param("name");
  const std::string name =
      query_name && !query_name->empty() ? *query_name : resource->name.value_or("");
  if (name.empty()) return Fail(x, MissingName());
  Status valid = ValidateObjectName(name);
  if (!valid.ok()) return Fail(x, valid);
  const std::string bucket = x.route.bucket;
  Result<Result<BucketMeta>> known = site_.Inspect<Result<BucketMeta>>(
      Remaining(x), [bucket](const EngineNode& e) { return e.ns().GetBucket(bucket); });
  if (!known.ok()) return Fail(x, known.status());
  if (!known->ok()) return Fail(x, known->status());

  UploadSessionInfo info;
  info.bucket = bucket;
  info.name = name;
  info.resource_json = *body;
  info.preconditions = pre;
  info.content_type = x.req.get_header_value("X-Upload-Content-Type");
  const std::string length = x.req.get_header_value("X-Upload-Content-Length");
  if (!length.empty() && length.find_first_not_of("0123456789") == std::string::npos &&
      length.size() < 19) {
    info.total = std::stoull(length);
    if (*info.total > limits_.max_object_bytes) {
      return Fail(x, ApiError::PayloadTooLarge(limits_.max_object_bytes));
    }
  }
  Result<std::string> id = uploads_.Create(info);
  if (!id.ok()) return Fail(x, id.status());
  x.res.set_header("Location", x.base_url + "/upload/storage/v1/b/" + PercentEncode(bucket) +
                                   "/o?uploadType=resumable&upload_id=" + *id);
  x.res.set_header("X-GUploader-UploadID", *id);
  x.res.status = 200;
}

void GcsApi::UploadChunk(Exchange& x) {
  Result<std::unique_ptr<UploadLease>> lease = uploads_.Acquire(*x.route.Param("upload_id"));
  if (!lease.ok()) return Fail(x, lease.status());
  UploadLease& up = **lease;
  if (!up.finished().empty()) {
    // A retried final request, or a status query after the end: the same object again.
    x.res.status = 200;
    x.res.set_content(up.finished(), "application/json; charset=UTF-8");
    std::optional<ApiError> ignored;
    StreamBody(
        x, limits_.max_object_bytes, [](std::string_view) { return Status::Ok(); }, &ignored);
    return;
  }

  // No Content-Range: the whole object in this one request.
  ContentRange range;
  range.first = 0;
  range.open_end = true;
  if (x.req.has_header("Content-Range")) {
    Result<ContentRange> parsed = ParseContentRange(x.req.get_header_value("Content-Range"));
    if (!parsed.ok()) return Fail(x, parsed.status());
    range = *parsed;
  }
  std::optional<uint64_t> total = range.total ? range.total : up.info().total;
  if (range.first && *range.first > up.received()) {
    return Fail(x, Status::Invalid("chunk starts at byte " + std::to_string(*range.first) +
                                   " but only " + std::to_string(up.received()) +
                                   " bytes were received; query the upload's status and resume"));
  }
  if (range.first) {
    // Bytes the client sends again (it did not see our acknowledgement) are skipped.
    uint64_t skip = up.received() - *range.first;
    // The body holds the object's bytes from FIRST on, so it may be the limit minus FIRST long.
    const uint64_t limit =
        limits_.max_object_bytes - std::min(limits_.max_object_bytes, *range.first);
    std::optional<ApiError> error;
    const bool ok = StreamBody(
        x, limit,
        [&](std::string_view piece) {
          const uint64_t drop = std::min<uint64_t>(skip, piece.size());
          skip -= drop;
          piece.remove_prefix(drop);
          return piece.empty() ? Status::Ok() : up.Append(piece);
        },
        &error);
    // What arrived stays received even when the request broke off: the client resumes there.
    Status synced = up.Sync();
    if (!ok) return Fail(x, *error);
    if (!synced.ok()) return Fail(x, synced);
    if (range.last && up.received() < *range.last + 1) {
      return Fail(x, Status::Invalid("the chunk's body is shorter than its Content-Range"));
    }
  } else {
    std::optional<ApiError> ignored;
    StreamBody(
        x, 0, [](std::string_view) { return Status::Ok(); }, &ignored);
  }

  const bool final = total ? up.received() >= *total : range.open_end;
  if (total && up.received() > *total) {
    return Fail(
        x, Status::Invalid("received " + std::to_string(up.received()) +
                           " bytes, more than the declared total of " + std::to_string(*total)));
  }
  if (!final) {
    // Resume Incomplete: how much the service holds durably.
    x.res.status = 308;
    SetReceivedRange(x.res, up.received());
    return;
  }
  Result<ObjectResource> resource = ParseObjectResource(up.info().resource_json);
  if (!resource.ok()) return Fail(x, resource.status());
  Result<ContentAddress> address = up.Complete();
  if (!address.ok()) return Fail(x, address.status());
  Status matches = CheckDeclaredHashes(*address, resource->crc32c, resource->md5);
  if (!matches.ok()) {
    lease->reset();  // Cancel takes the session's lock
    uploads_.Cancel(*x.route.Param("upload_id"));
    return Fail(x, matches);
  }
  const std::string content_type = resource->content_type.value_or(up.info().content_type);
  Result<ObjectMeta> meta = CommitObject(x, up.info().bucket, up.info().name, *address, *resource,
                                         content_type, up.info().preconditions);
  if (!meta.ok()) {
    // A refusal or timeout (503) leaves the session as it was: the client sends the final
    // request again. Anything else (a failed precondition, a bucket gone) ends the upload.
    if (!meta.status().IsUnavailable()) {
      lease->reset();  // Cancel takes the session's lock
      uploads_.Cancel(*x.route.Param("upload_id"));
    }
    return Fail(x, meta.status());
  }
  metrics_.RecordUploadBytes(address->size);
  const nlohmann::json object = ObjectJson(*meta, x.base_url);
  up.MarkFinished(object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  Reply(x, 200, object);
}

void GcsApi::CancelUpload(Exchange& x) {
  std::optional<ApiError> ignored;
  StreamBody(
      x, limits_.max_json_bytes, [](std::string_view) { return Status::Ok(); }, &ignored);
  Status s = uploads_.Cancel(*x.route.Param("upload_id"));
  if (!s.ok()) return Fail(x, s);
  // GCS answers a cancelled upload with 499 Client Closed Request.
  x.res.status = 499;
}

}  // namespace estate::service

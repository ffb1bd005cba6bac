// GcsRoute: which GCS JSON API operation a request is, from its method and raw target
// ("/storage/v1/b/B/o/dir%2Fa.txt?alt=media"). Path segments are percent-decoded one by one,
// so an object name's encoded slashes never split it. Both URL bases the official clients use
// are accepted: "/storage/v1/..." and, with STORAGE_EMULATOR_HOST, the bare "/b/..." form;
// uploads come under "/upload/storage/v1/...", downloads may come under
// "/download/storage/v1/...".
//
// A pure function of its input, so it can be fuzzed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace estate::service {

enum class GcsOp {
  kBucketList,
  kBucketInsert,
  kBucketGet,
  kBucketDelete,
  kObjectList,
  kObjectInsert,  // POST /upload/.../b/B/o?uploadType=media|multipart|resumable
  kUploadChunk,   // PUT /upload/.../b/B/o?upload_id=ID (resumable data or status query)
  kUploadCancel,  // DELETE /upload/.../b/B/o?upload_id=ID
  kObjectGet,     // metadata, or bytes with alt=media or under /download
  kObjectPatch,
  kObjectDelete,
  kObjectCopy,     // POST .../o/SRC/copyTo/b/DB/o/DEST
  kObjectRewrite,  // POST .../o/SRC/rewriteTo/b/DB/o/DEST
  kObjectCompose,  // POST .../o/DEST/compose
  kMetrics,        // GET /metrics
  kHealth,         // GET /healthz
};

// The operation's name in logs and metrics, e.g. "objects.insert".
const char* GcsOpName(GcsOp op);

struct GcsRoute {
  GcsOp op = GcsOp::kBucketList;
  std::string bucket;
  std::string object;
  std::string dest_bucket;  // copy and rewrite
  std::string dest_object;
  bool media = false;  // kObjectGet: the bytes rather than the metadata
  // Query parameters, percent-decoded ('+' is a space); the last value wins.
  std::map<std::string, std::string> query;

  const std::string* Param(const std::string& key) const {
    auto it = query.find(key);
    return it == query.end() ? nullptr : &it->second;
  }
};

// Errors: 404 for a path that is no operation (message names method and path), 400 for a
// malformed percent escape.
Result<GcsRoute> RouteGcsRequest(std::string_view method, std::string_view target);

// Percent-decodes one path segment or query component; '+' becomes a space only when
// plus_is_space. nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);
// Percent-encodes everything but unreserved characters (RFC 3986), for URLs the service
// builds (selfLink, mediaLink, upload Location).
std::string PercentEncode(std::string_view text);

}  // namespace estate::service

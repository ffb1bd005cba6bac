// The JSON of the GCS JSON API v1: object and bucket resources as the service returns them,
// and the request bodies it reads (object resources, bucket inserts, compose requests).
// Parsers never throw: a malformed body is a 400 whose message names the field by JSON
// pointer and says what was expected. Pure functions, fuzzed.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ns/object.h"
#include "engine/result.h"

namespace estate::service {

// "2026-11-05T10:00:00.123Z".
std::string Rfc3339(TimeNs t);

// base_url is "http://host:port", the prefix of selfLink and mediaLink. Every field the
// official clients read is present: size and generations as strings, crc32c and md5Hash in
// base64.
nlohmann::json ObjectJson(const ObjectMeta& meta, const std::string& base_url);
// The object's etag: changes with its generation and its metageneration.
std::string ObjectEtag(const ObjectMeta& meta);
nlohmann::json BucketJson(const BucketMeta& meta, const std::string& base_url);

// The object fields a request may set: the metadata part of a multipart upload, a resumable
// upload's first request, a copy's or rewrite's overrides, a patch, a compose destination.
struct ObjectResource {
  std::optional<std::string> name;
  std::optional<std::string> content_type;
  bool has_metadata = false;  // "metadata" present
  // Custom metadata; a null value removes the key (patch). "metadata": null clears it all.
  std::map<std::string, std::optional<std::string>> metadata;
  bool metadata_null = false;
  std::optional<StorageClass> storage_class;
  std::optional<uint32_t> crc32c;  // declared by the client: the service checks it
  std::optional<std::string> md5;  // 16 raw bytes
};

// `text` may be empty (no fields). Errors: 400 "<pointer>: expected ..., found ...".
Result<ObjectResource> ParseObjectResource(std::string_view text);

struct BucketResource {
  std::string name;
  bool versioning = false;
  std::optional<StorageClass> storage_class;
};
Result<BucketResource> ParseBucketResource(std::string_view text);

struct ComposeSource {
  std::string name;
  std::optional<int64_t> generation;
  std::optional<int64_t> if_generation_match;
};
struct ComposeRequest {
  std::vector<ComposeSource> sources;  // 1..32
  ObjectResource destination;
};
Result<ComposeRequest> ParseComposeRequest(std::string_view text);

// GCS's error shape: {"error":{"code":C,"message":M,"errors":[{"message":M,"domain":"global",
// "reason":R}]}}.
nlohmann::json GcsErrorJson(int code, std::string_view reason, std::string_view message);
nlohmann::json GcsErrorJson(const Status& status);

}  // namespace estate::service

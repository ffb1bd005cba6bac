// The x-goog-hash header: "crc32c=BASE64,md5=BASE64". Responses carry it with an object's
// bytes; uploads may carry it so the service checks what it received. Pure functions, fuzzed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ns/object.h"

namespace estate::service {

struct DeclaredHashes {
  std::optional<uint32_t> crc32c;
  std::optional<std::string> md5;  // 16 raw bytes
};

// Reads every "crc32c=" and "md5=" item of a header value (items are comma-separated; unknown
// or malformed items are ignored, as GCS does). Later items win.
DeclaredHashes ParseGoogHash(std::string_view header);
// "crc32c=...,md5=..." for an object (md5 only when known).
std::string FormatGoogHash(const ObjectMeta& meta);

}  // namespace estate::service

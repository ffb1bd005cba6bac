// ContentAddress: how the service names object bytes on disk and on the wire. An object
// generation's bytes are identified by what its metadata already records (md5, crc32c and
// size), so metadata and bytes can never disagree about which file belongs to which
// generation, bytes may arrive from a peer before or after the metadata that names them, and
// copies, rewrites and identical uploads share one file.
//
// The key, "<md5 hex>-<crc32c hex>-<size>", uses only [0-9a-f-] and digits: no object name,
// whatever bytes it holds, ever becomes part of a path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ns/object.h"

namespace estate::service {

struct ContentAddress {
  std::string md5;  // 16 raw bytes
  uint32_t crc32c = 0;
  uint64_t size = 0;

  std::string Key() const;
  // The inverse of Key(); nullopt for anything else (so a hostile key cannot name a path).
  static std::optional<ContentAddress> FromKey(std::string_view key);
  // The address of an object generation's bytes; nullopt when its md5 is unknown.
  static std::optional<ContentAddress> Of(const ObjectMeta& meta);

  friend bool operator==(const ContentAddress&, const ContentAddress&) = default;
};

}  // namespace estate::service

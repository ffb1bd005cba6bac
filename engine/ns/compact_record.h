// CompactRecord: the fixed-size form in which the object index keeps one live object. 52 bytes,
// 4-byte aligned so that it packs with the 4-byte key reference into a 56-byte leaf slot.
// Strings (content type) are interned; md5 and custom metadata, usually absent, live out of
// line in an extras table and cost nothing when empty.
#pragma once

#include <cstdint>

namespace estate {

#pragma pack(push, 4)
struct CompactRecord {
  int64_t generation = 0;
  int64_t create_time = 0;
  int64_t update_time = 0;
  uint64_t size = 0;
  uint32_t crc32c = 0;
  uint32_t metageneration = 1;
  uint32_t residency = 0;     // SiteSet bits
  uint32_t extras = 0;        // 1-based index into the extras table; 0: none
  uint16_t content_type = 0;  // interned id; kContentTypeInExtras: the string is in the extras
  uint8_t storage_class = 0;
  uint8_t flags = 0;  // reserved
};
#pragma pack(pop)

static_assert(sizeof(CompactRecord) == 52);
static_assert(alignof(CompactRecord) == 4);

constexpr uint16_t kContentTypeInExtras = 0xffff;

}  // namespace estate

// Page tokens for object listings. A token records a position in the listing's order, never
// an offset, so that inserts and deletes between pages neither skip nor repeat objects that
// exist throughout: "after object N (generations up to G)" or "after every name under the
// prefix P" (a delimiter group already returned). It also carries a fingerprint of the
// listing's parameters, so that a token replayed against a different listing is rejected.
//
// Encoding: URL-safe base64 of [version][kind][fingerprint u32][generation i64][name length
// u32][name][crc32c u32 of everything before], all little-endian.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/ns/object.h"
#include "engine/result.h"

namespace estate {

struct PageToken {
  enum class Kind : uint8_t {
    kAfterObject = 1,  // resume after (key, generation)
    kAfterPrefix = 2,  // resume after every name that starts with key
  };
  Kind kind = Kind::kAfterObject;
  std::string key;
  int64_t generation = 0;  // kAfterObject: the last generation of key already returned
  uint32_t fingerprint = 0;
};

// Identifies a listing by everything but its page size and token.
uint32_t ListingFingerprint(const ListOptions& options);

std::string EncodePageToken(const PageToken& token);

// Parses a token. Returns Invalid (400) naming the problem, e.g.
//   invalid page token "zz": not URL-safe base64
Result<PageToken> DecodePageToken(std::string_view text);

}  // namespace estate

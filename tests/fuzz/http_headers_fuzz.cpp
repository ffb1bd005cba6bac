// libFuzzer target: the request headers `estate serve` parses itself, straight from the
// client: Range (downloads), Content-Range (resumable upload chunks), x-goog-hash (declared
// checksums) and the multipart/related boundary and body (multipart uploads). Each must reject
// garbage with a message and never crash or read out of bounds, and what it accepts must be
// consistent: a range lies inside the object, a chunk's LAST is not before its FIRST nor past
// its TOTAL, a part's body lies inside the request body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "service/http/goog_hash.h"
#include "service/http/http_ranges.h"
#include "service/http/multipart_related.h"

namespace {

using estate::service::ByteRange;
using estate::service::ContentRange;

void FuzzRange(std::string_view header, uint64_t size) {
  const estate::Result<std::optional<ByteRange>> r =
      estate::service::ParseRangeHeader(header, size);
  if (!r.ok()) {
    if (r.status().message().empty()) std::abort();
    return;
  }
  if (!r->has_value()) return;  // the whole object
  const ByteRange range = **r;
  if (range.length == 0 || range.offset >= size || range.length > size - range.offset) {
    std::abort();
  }
}

void FuzzContentRange(std::string_view header) {
  const estate::Result<ContentRange> r = estate::service::ParseContentRange(header);
  if (!r.ok()) {
    if (r.status().message().empty()) std::abort();
    return;
  }
  if (r->last && (!r->first || *r->last < *r->first)) std::abort();
  if (r->last && r->total && *r->last >= *r->total) std::abort();
  if (r->open_end && (!r->first || r->last)) std::abort();
}

void FuzzGoogHash(std::string_view header) {
  const estate::service::DeclaredHashes h = estate::service::ParseGoogHash(header);
  if (h.md5 && h.md5->size() != 16) std::abort();
  // What the service sends back parses to what it described.
  if (h.crc32c && h.md5) {
    estate::ObjectMeta meta;
    meta.crc32c = *h.crc32c;
    meta.md5 = *h.md5;
    const estate::service::DeclaredHashes again =
        estate::service::ParseGoogHash(estate::service::FormatGoogHash(meta));
    if (again.crc32c != h.crc32c || again.md5 != h.md5) std::abort();
  }
}

// The first line is the Content-Type, the rest the body.
void FuzzMultipart(std::string_view input) {
  const size_t newline = input.find('\n');
  const std::string_view content_type = input.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const std::optional<std::string> boundary = estate::service::MultipartBoundary(content_type);
  if (!boundary) return;
  if (boundary->empty()) std::abort();
  const auto parts = estate::service::ParseMultipartRelated(body, *boundary);
  if (!parts.ok()) {
    if (parts.status().message().empty()) std::abort();
    return;
  }
  for (const estate::service::MultipartPart& part : *parts) {
    if (part.body.empty()) continue;
    if (part.body.data() < body.data() ||
        part.body.data() + part.body.size() > body.data() + body.size()) {
      std::abort();
    }
    for (const auto& [name, value] : part.headers) {
      for (char c : name) {
        if (c >= 'A' && c <= 'Z') std::abort();  // names are lower-cased
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the parser, so one corpus covers them all.
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      // Range needs the object's size: the next 8 bytes, when there are that many.
      uint64_t object_size = 0;
      std::string_view header = input;
      if (header.size() >= sizeof object_size) {
        std::memcpy(&object_size, header.data(), sizeof object_size);
        header.remove_prefix(sizeof object_size);
      }
      FuzzRange(header, object_size % (1ull << 40));
      break;
    }
    case 1:
      FuzzContentRange(input);
      break;
    case 2:
      FuzzGoogHash(input);
      break;
    case 3:
      FuzzMultipart(input);
      break;
  }
  return 0;
}

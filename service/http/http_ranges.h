// The two byte-range headers of the API. Downloads take a "Range" request header; resumable
// uploads describe each chunk with a "Content-Range" request header. Pure functions, fuzzed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/result.h"

namespace estate::service {

struct ByteRange {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// "Range: bytes=FIRST-LAST", "bytes=FIRST-" or "bytes=-SUFFIX" against an object of `size`
// bytes (one range; a last position beyond the end is clipped). Returns nullopt when the
// header asks for nothing this parser serves partially (absent, another unit, several
// ranges, bad syntax), which per RFC 9110 means the whole object. Errors: 416
// (kRangeNotSatisfiable is not a Status code, so Invalid with message "unsatisfiable") when
// the range starts at or beyond the end, or is an empty suffix.
Result<std::optional<ByteRange>> ParseRangeHeader(std::string_view header, uint64_t size);

// A resumable upload chunk's "Content-Range":
//   "bytes FIRST-LAST/TOTAL"  a chunk, and the object's total size
//   "bytes FIRST-LAST/*"      a chunk, total not known yet
//   "bytes FIRST-*/*"         everything from FIRST to the end of this body, which ends the
//                             upload (the Node client's single streaming PUT)
//   "bytes FIRST-*/TOTAL"     the same, with the total known
//   "bytes */TOTAL"           no data: the total is TOTAL (finishes an upload that has it all)
//   "bytes */*"               no data: a status query
struct ContentRange {
  std::optional<uint64_t> first;  // absent for "*"
  std::optional<uint64_t> last;   // absent for "*" or an open end
  bool open_end = false;          // "FIRST-*"
  std::optional<uint64_t> total;  // absent for "*"
};

// Errors: 400 naming what is wrong (LAST < FIRST, LAST >= TOTAL, bad syntax).
Result<ContentRange> ParseContentRange(std::string_view header);

}  // namespace estate::service

#include "service/http/http_ranges.h"

#include <string>

#include "service/http/http_whitespace.h"

namespace estate::service {
namespace {

// Parses a run of decimal digits that fits in 63 bits (sizes beyond are never real).
std::optional<uint64_t> Number(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

Status BadContentRange(std::string_view header, const char* why) {
  return Status::Invalid("Content-Range \"" + std::string(header.substr(0, 80)) + "\": " + why);
}

}  // namespace

Result<std::optional<ByteRange>> ParseRangeHeader(std::string_view header, uint64_t size) {
  std::string_view h = TrimOws(header);
  constexpr std::string_view kUnit = "bytes=";
  if (h.substr(0, kUnit.size()) != kUnit) return std::optional<ByteRange>();
  h = TrimOws(h.substr(kUnit.size()));
  if (h.find(',') != std::string_view::npos) return std::optional<ByteRange>();
  const size_t dash = h.find('-');
  if (dash == std::string_view::npos) return std::optional<ByteRange>();
  const std::string_view a = TrimOws(h.substr(0, dash));
  const std::string_view b = TrimOws(h.substr(dash + 1));
  if (a.empty()) {
    std::optional<uint64_t> suffix = Number(b);
    if (!suffix) return std::optional<ByteRange>();
    if (*suffix == 0 || size == 0) return Status::Invalid("unsatisfiable");
    const uint64_t len = std::min(*suffix, size);
    return std::optional<ByteRange>(ByteRange{size - len, len});
  }
  std::optional<uint64_t> first = Number(a);
  if (!first) return std::optional<ByteRange>();
  uint64_t last = size == 0 ? 0 : size - 1;
  if (!b.empty()) {
    std::optional<uint64_t> given = Number(b);
    if (!given || *given < *first) return std::optional<ByteRange>();
    last = std::min(last, *given);
  }
  if (*first >= size) return Status::Invalid("unsatisfiable");
  return std::optional<ByteRange>(ByteRange{*first, last - *first + 1});
}

Result<ContentRange> ParseContentRange(std::string_view header) {
  std::string_view h = TrimOws(header);
  constexpr std::string_view kUnit = "bytes ";
  if (h.substr(0, kUnit.size()) != kUnit) return BadContentRange(header, "expected \"bytes \"");
  h = TrimOws(h.substr(kUnit.size()));
  const size_t slash = h.find('/');
  if (slash == std::string_view::npos) return BadContentRange(header, "expected \"/TOTAL\"");
  const std::string_view span = h.substr(0, slash);
  const std::string_view total = h.substr(slash + 1);
  ContentRange r;
  if (total != "*") {
    r.total = Number(total);
    if (!r.total) return BadContentRange(header, "TOTAL is not a number");
  }
  if (span == "*") return r;
  const size_t dash = span.find('-');
  if (dash == std::string_view::npos) return BadContentRange(header, "expected FIRST-LAST");
  r.first = Number(span.substr(0, dash));
  if (!r.first) return BadContentRange(header, "FIRST is not a number");
  const std::string_view last = span.substr(dash + 1);
  if (last == "*") {
    r.open_end = true;
    return r;
  }
  r.last = Number(last);
  if (!r.last) return BadContentRange(header, "LAST is not a number");
  if (*r.last < *r.first) return BadContentRange(header, "LAST is before FIRST");
  if (r.total && *r.last >= *r.total) return BadContentRange(header, "LAST is beyond TOTAL");
  return r;
}

}  // namespace estate::service

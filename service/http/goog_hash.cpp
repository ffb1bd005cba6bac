#include "service/http/goog_hash.h"

#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"
#include "service/http/http_whitespace.h"

namespace estate::service {
namespace {}  // namespace

DeclaredHashes ParseGoogHash(std::string_view header) {
  DeclaredHashes d;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    const std::string_view item = TrimOws(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = item.substr(0, eq);
    const std::string_view value = item.substr(eq + 1);
    if (key == "crc32c") {
      if (auto crc = Crc32cFromBase64(value)) d.crc32c = crc;
    } else if (key == "md5") {
      auto md5 = Base64Decode(value);
      if (md5 && md5->size() == 16) d.md5 = md5;
    }
  }
  return d;
}

std::string FormatGoogHash(const ObjectMeta& meta) {
  std::string h = "crc32c=" + Crc32cToBase64(meta.crc32c);
  if (!meta.md5.empty()) h += ",md5=" + Base64Encode(meta.md5);
  return h;
}

}  // namespace estate::service

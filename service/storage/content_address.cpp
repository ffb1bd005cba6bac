#include "service/storage/content_address.h"

#include <cstdio>

namespace estate::service {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string ContentAddress::Key() const {
  static const char kHex[] = "0123456789abcdef";
  std::string key;
  for (unsigned char c : md5) {
    key += kHex[c >> 4];
    key += kHex[c & 15];
  }
  char tail[40];
  std::snprintf(tail, sizeof tail, "-%08x-%llu", crc32c, static_cast<unsigned long long>(size));
  return key + tail;
}

std::optional<ContentAddress> ContentAddress::FromKey(std::string_view key) {
  // 32 hex digits, '-', 8 hex digits, '-', 1..20 decimal digits.
  if (key.size() < 32 + 1 + 8 + 1 + 1 || key.size() > 32 + 1 + 8 + 1 + 20) return std::nullopt;
  if (key[32] != '-' || key[41] != '-') return std::nullopt;
  ContentAddress a;
  for (size_t i = 0; i < 32; i += 2) {
    const int hi = HexValue(key[i]), lo = HexValue(key[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    a.md5.push_back(static_cast<char>(hi * 16 + lo));
  }
  for (size_t i = 33; i < 41; ++i) {
    const int v = HexValue(key[i]);
    if (v < 0) return std::nullopt;
    a.crc32c = a.crc32c * 16 + static_cast<uint32_t>(v);
  }
  const std::string_view digits = key.substr(42);
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;  // one spelling per size
  unsigned __int128 size = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    size = size * 10 + static_cast<unsigned>(c - '0');
    if (size > UINT64_MAX) return std::nullopt;
  }
  a.size = static_cast<uint64_t>(size);
  return a;
}

std::optional<ContentAddress> ContentAddress::Of(const ObjectMeta& meta) {
  if (meta.md5.size() != 16) return std::nullopt;
  return ContentAddress{meta.md5, meta.crc32c, meta.size};
}

}  // namespace estate::service

// CRC32C (Castagnoli polynomial), the checksum GCS keeps for every object, in a portable
// slicing-by-8 software form. GCS shows it as base64 of the big-endian 4-byte value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estate {

// Returns the CRC32C of (bytes already covered by `crc`) followed by `data`. Start from 0:
// Crc32cExtend(Crc32cExtend(0, a), b) == Crc32c(a + b).
uint32_t Crc32cExtend(uint32_t crc, std::string_view data);

inline uint32_t Crc32c(std::string_view data) {
  return Crc32cExtend(0, data);
}

// Incremental form for data that arrives in pieces.
class Crc32cHasher {
 public:
  void Update(std::string_view data) { crc_ = Crc32cExtend(crc_, data); }
  uint32_t value() const { return crc_; }

 private:
  uint32_t crc_ = 0;
};

// The GCS JSON API form: base64 of the big-endian CRC, e.g. 0xc99465aa -> "yZRlqg==".
std::string Crc32cToBase64(uint32_t crc);
// Inverse of Crc32cToBase64. Returns nullopt unless `text` is base64 of exactly 4 bytes.
std::optional<uint32_t> Crc32cFromBase64(std::string_view text);

}  // namespace estate

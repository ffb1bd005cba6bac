// Serialisation of page tokens; the trailing CRC32C rejects corrupted or hand-edited tokens.
#include "engine/ns/page_token.h"

#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"
#include "engine/ns/name_validation.h"

namespace estate {
namespace {

constexpr uint8_t kVersion = 1;
constexpr size_t kFixedBytes = 1 + 1 + 4 + 8 + 4;

void PutLe(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
}

uint64_t GetLe(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v |= uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
  return v;
}

void PutField(std::string& out, std::string_view field) {
  PutLe(out, field.size(), 4);
  out += field;
}

Status Bad(std::string_view text, const char* why) {
  return Status::Invalid("invalid page token " + QuoteForMessage(text) + ": " + why);
}

}  // namespace

uint32_t ListingFingerprint(const ListOptions& options) {
  std::string canon;
  PutField(canon, options.prefix);
  PutField(canon, options.delimiter);
  PutField(canon, options.start_offset);
  PutField(canon, options.end_offset);
  canon += options.versions ? '1' : '0';
  return Crc32c(canon);
}

std::string EncodePageToken(const PageToken& token) {
  std::string raw;
  raw += static_cast<char>(kVersion);
  raw += static_cast<char>(token.kind);
  PutLe(raw, token.fingerprint, 4);
  PutLe(raw, static_cast<uint64_t>(token.generation), 8);
  PutField(raw, token.key);
  PutLe(raw, Crc32c(raw), 4);
  return Base64UrlEncode(raw);
}

Result<PageToken> DecodePageToken(std::string_view text) {
  const std::optional<std::string> raw = Base64UrlDecode(text);
  if (!raw) return Bad(text, "not URL-safe base64");
  if (raw->size() < kFixedBytes + 4) return Bad(text, "too short");
  const std::string_view body(raw->data(), raw->size() - 4);
  if (Crc32c(body) != GetLe(*raw, body.size(), 4)) return Bad(text, "checksum mismatch");
  if (static_cast<uint8_t>(body[0]) != kVersion) return Bad(text, "unknown version");
  PageToken token;
  const auto kind = static_cast<uint8_t>(body[1]);
  if (kind != static_cast<uint8_t>(PageToken::Kind::kAfterObject) &&
      kind != static_cast<uint8_t>(PageToken::Kind::kAfterPrefix)) {
    return Bad(text, "unknown position kind");
  }
  token.kind = static_cast<PageToken::Kind>(kind);
  token.fingerprint = static_cast<uint32_t>(GetLe(body, 2, 4));
  token.generation = static_cast<int64_t>(GetLe(body, 6, 8));
  const uint64_t key_len = GetLe(body, 14, 4);
  if (key_len != body.size() - kFixedBytes) return Bad(text, "length mismatch");
  token.key = std::string(body.substr(kFixedBytes));
  return token;
}

}  // namespace estate

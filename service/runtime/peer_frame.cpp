#include "service/runtime/peer_frame.h"

namespace estate::service {
namespace {

void PutBig(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t GetBig(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v = (v << 8) | static_cast<uint8_t>(in[at + i]);
  return v;
}

}  // namespace

std::string EncodeFrameHeader(const FrameHeader& h) {
  std::string out;
  out.reserve(kFrameHeaderSize);
  PutBig(out, kFrameMagic, 4);
  PutBig(out, h.type, 4);
  PutBig(out, h.stream, 2);
  PutBig(out, h.body_key_len, 2);
  PutBig(out, h.payload_len, 4);
  PutBig(out, h.body_len, 8);
  return out;
}

Result<FrameHeader> DecodeFrameHeader(std::string_view bytes) {
  if (bytes.size() != kFrameHeaderSize) return Status::Invalid("frame header of the wrong size");
  if (GetBig(bytes, 0, 4) != kFrameMagic) return Status::Invalid("frame without the ESTF magic");
  FrameHeader h;
  h.type = static_cast<uint32_t>(GetBig(bytes, 4, 4));
  h.stream = static_cast<uint16_t>(GetBig(bytes, 8, 2));
  h.body_key_len = static_cast<uint16_t>(GetBig(bytes, 10, 2));
  h.payload_len = static_cast<uint32_t>(GetBig(bytes, 12, 4));
  h.body_len = GetBig(bytes, 16, 8);
  if (h.payload_len > kMaxFramePayload) {
    return Status::Invalid("frame payload of " + std::to_string(h.payload_len) +
                           " bytes exceeds the limit of " + std::to_string(kMaxFramePayload));
  }
  if (h.body_key_len > kMaxBodyKey) return Status::Invalid("frame body key too long");
  if (h.body_len > 0 && h.body_key_len == 0) return Status::Invalid("frame body without a key");
  return h;
}

}  // namespace estate::service

// The framing of engine messages on a peer link. Each frame is a fixed 24-byte header, then
// the message payload, then optionally a body key and the body: the object bytes a data
// transfer carries (the simulator only counts them in Message::wire_bytes; the service sends
// them). The header is checked before anything is allocated, so a corrupt or hostile length
// cannot make a site reserve gigabytes.
//
//   magic u32 "ESTF" | type u32 | stream u16 | body_key_len u16 | payload_len u32 | body_len u64
//
// All integers are big-endian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace estate::service {

constexpr size_t kFrameHeaderSize = 24;
constexpr uint32_t kFrameMagic = 0x45535446;  // "ESTF"
// Engine messages are small (Raft appends and stream batches are bounded in entries); a
// larger payload means a corrupt or hostile stream.
constexpr uint32_t kMaxFramePayload = 64u << 20;
constexpr uint16_t kMaxBodyKey = 256;

struct FrameHeader {
  uint32_t type = 0;
  uint16_t stream = 0;
  uint16_t body_key_len = 0;
  uint32_t payload_len = 0;
  uint64_t body_len = 0;
};

std::string EncodeFrameHeader(const FrameHeader& h);
// Errors: 400 for a wrong magic number, a payload over kMaxFramePayload, a body key over
// kMaxBodyKey, or a body without a key. REQUIRES: bytes.size() == kFrameHeaderSize.
Result<FrameHeader> DecodeFrameHeader(std::string_view bytes);

}  // namespace estate::service

#include "service/runtime/peer_frame.h"

#include <gtest/gtest.h>

namespace estate::service {
namespace {

TEST(PeerFrame, HeaderRoundTripsBigEndian) {
  FrameHeader h;
  h.type = 230;
  h.stream = 7;
  h.body_key_len = 40;
  h.payload_len = 0x01020304;
  h.body_len = 5ull << 40;
  const std::string bytes = EncodeFrameHeader(h);
  ASSERT_EQ(bytes.size(), kFrameHeaderSize);
  EXPECT_EQ(bytes.substr(0, 4), "ESTF");
  EXPECT_EQ(static_cast<uint8_t>(bytes[12]), 0x01);  // payload length, most significant first
  Result<FrameHeader> back = DecodeFrameHeader(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->type, 230u);
  EXPECT_EQ(back->stream, 7);
  EXPECT_EQ(back->body_key_len, 40);
  EXPECT_EQ(back->payload_len, 0x01020304u);
  EXPECT_EQ(back->body_len, 5ull << 40);
}

TEST(PeerFrame, RejectsBadMagicOversizedPayloadAndKeylessBody) {
  FrameHeader h;
  std::string bytes = EncodeFrameHeader(h);
  bytes[0] = 'X';
  EXPECT_EQ(DecodeFrameHeader(bytes).status().message(), "frame without the ESTF magic");
  h.payload_len = kMaxFramePayload + 1;
  EXPECT_TRUE(DecodeFrameHeader(EncodeFrameHeader(h)).status().IsInvalid());
  h.payload_len = 0;
  h.body_len = 10;
  EXPECT_EQ(DecodeFrameHeader(EncodeFrameHeader(h)).status().message(), "frame body without a key");
  h.body_key_len = kMaxBodyKey + 1;
  EXPECT_EQ(DecodeFrameHeader(EncodeFrameHeader(h)).status().message(), "frame body key too long");
}

}  // namespace
}  // namespace estate::service

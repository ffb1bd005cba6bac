// CRC32C known vectors (RFC 3720 B.4 and common check values), the incremental API, and the
// base64 form GCS shows.
#include <gtest/gtest.h>

#include <string>

#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"

namespace estate {
namespace {

TEST(Crc32cTest, Rfc3720Vectors) {
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8a9136aau);
  EXPECT_EQ(Crc32c(std::string(32, '\xff')), 0x62a8ab43u);
  std::string ascending, descending;
  for (int i = 0; i < 32; ++i) {
    ascending += static_cast<char>(i);
    descending += static_cast<char>(31 - i);
  }
  EXPECT_EQ(Crc32c(ascending), 0x46dd794eu);
  EXPECT_EQ(Crc32c(descending), 0x113fdb5cu);
  const unsigned char iscsi_read[48] = {0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00,
                                        0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00,
                                        0x00, 0x18, 0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                        0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  EXPECT_EQ(Crc32c(std::string_view(reinterpret_cast<const char*>(iscsi_read), 48)), 0xd9963a56u);
}

TEST(Crc32cTest, CheckValues) {
  EXPECT_EQ(Crc32c(""), 0u);
  EXPECT_EQ(Crc32c("123456789"), 0xe3069283u);
  EXPECT_EQ(Crc32c("hello world"), 0xc99465aau);
}

TEST(Crc32cTest, IncrementalMatchesOneShotAtEverySplit) {
  std::string data;
  for (int i = 0; i < 100; ++i)
    data += static_cast<char>(i * 37 + 11);
  const uint32_t whole = Crc32c(data);
  for (size_t split = 0; split <= data.size(); ++split) {
    Crc32cHasher h;
    h.Update(std::string_view(data).substr(0, split));
    h.Update(std::string_view(data).substr(split));
    EXPECT_EQ(h.value(), whole) << "split at " << split;
  }
}

TEST(Crc32cTest, Base64AsGcsShowsIt) {
  EXPECT_EQ(Crc32cToBase64(Crc32c("")), "AAAAAA==");
  EXPECT_EQ(Crc32cToBase64(Crc32c("hello world")), "yZRlqg==");
  EXPECT_EQ(Crc32cFromBase64("yZRlqg=="), 0xc99465aau);
  EXPECT_EQ(Crc32cFromBase64("AAAAAA=="), 0u);
  EXPECT_EQ(Crc32cFromBase64("yZRl"), std::nullopt);      // 3 bytes
  EXPECT_EQ(Crc32cFromBase64("yZRlqg="), std::nullopt);   // bad padding
  EXPECT_EQ(Crc32cFromBase64("yZR!qg=="), std::nullopt);  // bad character
}

TEST(Base64Test, RoundTripsAllLengthsInBothAlphabets) {
  std::string data;
  for (int n = 0; n < 40; ++n) {
    EXPECT_EQ(Base64Decode(Base64Encode(data)), data);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(data)), data);
    data += static_cast<char>(0xfb - n * 7);
  }
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlDecode("Zm9="), std::nullopt);  // padding is not URL-safe form
  EXPECT_EQ(Base64Decode("Zm9="), std::nullopt);     // non-canonical trailing bits
}

}  // namespace
}  // namespace estate

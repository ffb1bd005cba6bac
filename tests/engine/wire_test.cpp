#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {
namespace {

TEST(WireTest, RoundTripsEveryKind) {
  WireWriter w;
  w.PutU8(7);
  w.PutBool(true);
  w.PutVarint(0);
  w.PutVarint(300);
  w.PutVarint(std::numeric_limits<uint64_t>::max());
  w.PutSignedVarint(-1);
  w.PutSignedVarint(std::numeric_limits<int64_t>::min());
  w.PutFixed32(0xdeadbeef);
  w.PutString("bucket/obj");
  WireReader r(w.data());
  uint8_t u8 = 0;
  bool b = false;
  uint64_t v0 = 1, v1 = 0, v2 = 0;
  int64_t s0 = 0, s1 = 0;
  uint32_t f = 0;
  std::string s;
  ASSERT_TRUE(r.GetU8(&u8) && r.GetBool(&b) && r.GetVarint(&v0) && r.GetVarint(&v1) &&
              r.GetVarint(&v2) && r.GetSignedVarint(&s0) && r.GetSignedVarint(&s1) &&
              r.GetFixed32(&f) && r.GetString(&s));
  EXPECT_TRUE(r.done());
  EXPECT_EQ(u8, 7);
  EXPECT_TRUE(b);
  EXPECT_EQ(v0, 0u);
  EXPECT_EQ(v1, 300u);
  EXPECT_EQ(v2, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(s0, -1);
  EXPECT_EQ(s1, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(f, 0xdeadbeefu);
  EXPECT_EQ(s, "bucket/obj");
}

TEST(WireTest, VarintEncodingIsLeb128) {
  WireWriter w;
  w.PutVarint(300);
  EXPECT_EQ(w.data(), std::string("\xac\x02", 2));
}

TEST(WireTest, TruncatedInputFailsAndStaysFailed) {
  WireWriter w;
  w.PutString("hello");
  std::string cut = w.data().substr(0, 3);
  WireReader r(cut);
  std::string s;
  EXPECT_FALSE(r.GetString(&s));
  uint8_t b = 0;
  EXPECT_FALSE(r.GetU8(&b));
  EXPECT_FALSE(r.ok());
}

TEST(WireTest, OverlongVarintIsRejected) {
  std::string eleven(11, '\xff');
  WireReader r(eleven);
  uint64_t v = 0;
  EXPECT_FALSE(r.GetVarint(&v));
}

TEST(WireTest, RandomBytesNeverReadPastTheBuffer) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(rng() % 24, '\0');
    for (char& c : junk)
      c = static_cast<char>(rng());
    WireReader r(junk);
    std::string s;
    uint64_t v = 0;
    while (r.GetVarint(&v) && r.GetString(&s)) {
    }
    EXPECT_FALSE(r.ok());
  }
}

}  // namespace
}  // namespace estate

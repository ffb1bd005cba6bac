#include "engine/repl/mutation.h"

#include <gtest/gtest.h>

#include <random>

namespace estate {
namespace {

Mutation FullMutation() {
  Mutation m;
  m.kind = MutationKind::kInsertObject;
  m.bucket = "retail-lake";
  m.name = "sales/2026/11/part-0001.parquet";
  m.target_generation = 42;
  m.preconditions.if_generation_match = 0;
  m.preconditions.if_metageneration_not_match = 7;
  m.write.size = 64ull << 20;
  m.write.crc32c = 0xc99465aa;
  m.write.md5 = std::string(16, '\x01');
  m.write.content_type = "application/parquet";
  m.write.metadata = {{"owner", "analytics"}, {"tier", "hot"}};
  m.write.storage_class = StorageClass::kNearline;
  m.patch.content_type = "text/plain";
  m.patch.metadata = {{"drop", std::nullopt}, {"keep", "1"}};
  m.version = {{179'500'000'000'005}, 2};
  m.observed_generation = 1234;
  m.metageneration = 3;
  m.create_time = 100 * kSecond;
  m.time = 123 * kSecond;
  m.client_id = 9;
  m.request_id = 77;
  return m;
}

TEST(MutationTest, RoundTripsEveryField) {
  Mutation m = FullMutation();
  Result<Mutation> back = DecodeMutation(EncodeMutation(m));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, m);
}

TEST(MutationTest, EveryTruncationIsRejected) {
  std::string bytes = EncodeMutation(FullMutation());
  for (size_t len = 0; len < bytes.size(); ++len) {
    Result<Mutation> r = DecodeMutation(std::string_view(bytes).substr(0, len));
    ASSERT_FALSE(r.ok()) << "length " << len;
    EXPECT_TRUE(r.status().IsInvalid());
  }
}

TEST(MutationTest, TrailingBytesAreRejected) {
  Result<Mutation> r = DecodeMutation(EncodeMutation(FullMutation()) + "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "malformed mutation: truncated or trailing bytes");
}

TEST(MutationTest, UnknownKindIsRejected) {
  Result<Mutation> r = DecodeMutation(std::string("\x09", 1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "malformed mutation: unknown kind");
}

TEST(MutationTest, RandomCorruptionNeverCrashes) {
  std::mt19937_64 rng(7);
  std::string good = EncodeMutation(FullMutation());
  for (int i = 0; i < 5000; ++i) {
    std::string bad = good;
    bad[rng() % bad.size()] = static_cast<char>(rng());
    Result<Mutation> r = DecodeMutation(bad);
    if (r.ok()) {
      EXPECT_TRUE(DecodeMutation(EncodeMutation(*r)).ok());
    }
  }
}

}  // namespace
}  // namespace estate

// SmallBodyCache: exact least-recently-used eviction by bytes, the size limit per body, and
// that a hit refreshes recency.
#include "service/storage/small_body_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace estate::service {
namespace {

std::shared_ptr<const std::string> Bytes(size_t n, char c) {
  return std::make_shared<const std::string>(n, c);
}

TEST(SmallBodyCacheTest, EvictsLeastRecentlyUsedByBytes) {
  SmallBodyCache cache(/*capacity_bytes=*/300, /*max_body_bytes=*/100);
  cache.Insert("a", Bytes(100, 'a'));
  cache.Insert("b", Bytes(100, 'b'));
  cache.Insert("c", Bytes(100, 'c'));
  EXPECT_EQ(cache.bytes(), 300u);
  ASSERT_NE(cache.Find("a"), nullptr);  // a is now the most recent; b the least
  cache.Insert("d", Bytes(50, 'd'));
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_EQ(*cache.Find("a"), std::string(100, 'a'));
  EXPECT_EQ(*cache.Find("c"), std::string(100, 'c'));
  EXPECT_EQ(*cache.Find("d"), std::string(50, 'd'));
  EXPECT_EQ(cache.bytes(), 250u);
}

TEST(SmallBodyCacheTest, RefusesBodiesOverTheLimitAndKeepsTheFirstCopy) {
  SmallBodyCache cache(1000, 100);
  EXPECT_TRUE(cache.Admits(100));
  EXPECT_FALSE(cache.Admits(101));
  cache.Insert("big", Bytes(101, 'x'));
  EXPECT_EQ(cache.Find("big"), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
  cache.Insert("k", Bytes(10, '1'));
  cache.Insert("k", Bytes(10, '2'));  // a second reader's copy of the same bytes
  EXPECT_EQ(*cache.Find("k"), std::string(10, '1'));
  EXPECT_EQ(cache.bytes(), 10u);
}

TEST(SmallBodyCacheTest, AnEvictedBodyStaysValidForItsReader) {
  SmallBodyCache cache(100, 100);
  cache.Insert("a", Bytes(100, 'a'));
  std::shared_ptr<const std::string> held = cache.Find("a");
  cache.Insert("b", Bytes(100, 'b'));
  EXPECT_EQ(cache.Find("a"), nullptr);
  EXPECT_EQ(*held, std::string(100, 'a'));
}

}  // namespace
}  // namespace estate::service

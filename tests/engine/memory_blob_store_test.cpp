#include "engine/storage/memory_blob_store.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

TEST(MemoryBlobStoreTest, PutGetDeleteAndOrderedKeys) {
  MemoryBlobStore s;
  ASSERT_TRUE(s.Put("b/2", "two", true).ok());
  ASSERT_TRUE(s.Put("b/1", "one", true).ok());
  ASSERT_TRUE(s.Put("c/1", "x", true).ok());
  EXPECT_EQ(*s.Get("b/1"), "one");
  EXPECT_EQ(s.Keys("b/"), (std::vector<std::string>{"b/1", "b/2"}));
  ASSERT_TRUE(s.Delete("b/1", true).ok());
  EXPECT_TRUE(s.Get("b/1").status().IsNotFound());
  EXPECT_EQ(s.Get("zz").status().message(), "no blob zz");
  EXPECT_TRUE(s.Delete("absent", true).ok());
  EXPECT_EQ(s.bytes(), 3u + 3u + 3u + 1u);
}

TEST(MemoryBlobStoreTest, CrashLosesExactlyTheUnsyncedWrites) {
  MemoryBlobStore s;
  s.Put("k1", "durable", true);
  s.Put("k1", "overwritten-unsynced", false);
  s.Put("k2", "new-unsynced", false);
  s.Put("k3", "durable-3", true);  // a synced write makes everything before it durable
  s.Put("k3", "unsynced-3", false);
  s.Delete("k1", false);
  EXPECT_EQ(s.unsynced_keys(), 2u);
  s.DropUnsynced();
  // k1's overwrite and delete came after k3's synced write was not: they were made durable
  // by it? No: they came after it, so they are lost and k1 is back to its overwritten value,
  // which the synced k3 write had made durable.
  EXPECT_EQ(*s.Get("k1"), "overwritten-unsynced");
  EXPECT_EQ(*s.Get("k2"), "new-unsynced");
  EXPECT_EQ(*s.Get("k3"), "durable-3");
}

TEST(MemoryBlobStoreTest, SyncMakesEverythingDurable) {
  MemoryBlobStore s;
  s.Put("a", "1", false);
  s.Delete("missing", false);
  ASSERT_TRUE(s.Sync().ok());
  s.Put("b", "2", false);
  s.DropUnsynced();
  EXPECT_EQ(*s.Get("a"), "1");
  EXPECT_TRUE(s.Get("b").status().IsNotFound());
  EXPECT_EQ(s.size(), 1u);
}

}  // namespace
}  // namespace estate

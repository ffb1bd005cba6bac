#include "service/runtime/rocksdb_blob_store.h"

#include <gtest/gtest.h>

#include "tests/service/scratch_dir.h"

namespace estate::service {
namespace {

TEST(RocksDbBlobStore, PutGetDeleteAndPrefixKeysInByteOrder) {
  testing::ScratchDir dir;
  auto store = RocksDbBlobStore::Open(dir.sub("db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  BlobStore& s = **store;
  ASSERT_TRUE(s.Put("journal/2", "b", false).ok());
  ASSERT_TRUE(s.Put("journal/1", "a", true).ok());
  ASSERT_TRUE(s.Put("raft/meta", std::string("x\0y", 3), false).ok());
  EXPECT_EQ(*s.Get("journal/1"), "a");
  EXPECT_EQ(*s.Get("raft/meta"), std::string("x\0y", 3));
  EXPECT_TRUE(s.Get("journal/3").status().IsNotFound());
  EXPECT_EQ(s.Keys("journal/"), (std::vector<std::string>{"journal/1", "journal/2"}));
  EXPECT_EQ(s.Keys(""), (std::vector<std::string>{"journal/1", "journal/2", "raft/meta"}));
  ASSERT_TRUE(s.Delete("journal/1", true).ok());
  ASSERT_TRUE(s.Delete("absent", false).ok());
  EXPECT_EQ(s.Keys("journal/"), (std::vector<std::string>{"journal/2"}));
  EXPECT_TRUE(s.Sync().ok());
}

TEST(RocksDbBlobStore, SurvivesReopen) {
  testing::ScratchDir dir;
  {
    auto store = RocksDbBlobStore::Open(dir.sub("db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put("stream/out/1", "synced", true).ok());
    ASSERT_TRUE((*store)->Put("stream/out/2", "logged", false).ok());
    ASSERT_TRUE((*store)->Put("gone", "soon", true).ok());
    ASSERT_TRUE((*store)->Delete("gone", false).ok());
    ASSERT_TRUE((*store)->Sync().ok());
  }
  auto again = RocksDbBlobStore::Open(dir.sub("db"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*(*again)->Get("stream/out/1"), "synced");
  EXPECT_EQ(*(*again)->Get("stream/out/2"), "logged");
  EXPECT_TRUE((*again)->Get("gone").status().IsNotFound());
}

TEST(RocksDbBlobStore, ASecondOpenOfTheSameDirectoryFailsNamingIt) {
  testing::ScratchDir dir;
  auto first = RocksDbBlobStore::Open(dir.sub("db"));
  ASSERT_TRUE(first.ok());
  auto second = RocksDbBlobStore::Open(dir.sub("db"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kInternal);
  EXPECT_NE(second.status().message().find(dir.sub("db")), std::string::npos)
      << second.status().message();
}

}  // namespace
}  // namespace estate::service

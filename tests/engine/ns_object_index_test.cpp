// ObjectIndex and its B+tree against a std::map reference under long random sequences of
// inserts, overwrites, erases and seeks (splits, merges, page compaction and root collapse
// all happen), plus the round trip of every ObjectMeta field.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

#include "engine/ns/object_index.h"

namespace estate {
namespace {

ObjectMeta MetaFor(int64_t generation, uint64_t size) {
  ObjectMeta m;
  m.generation = generation;
  m.size = size;
  m.crc32c = static_cast<uint32_t>(generation * 2654435761u);
  m.content_type = "application/octet-stream";
  m.create_time = generation * 10;
  m.update_time = generation * 10 + 1;
  return m;
}

// Names with long shared prefixes and occasional very long ones, the hard case for splits.
std::string RandomSplitName(std::mt19937_64& rng) {
  static const char* kDirs[] = {"a/", "a/b/", "logs/2024/", "logs/2024/05/", "z", ""};
  std::string name = kDirs[rng() % 6];
  const int len = static_cast<int>(rng() % 12) + 1;
  for (int i = 0; i < len; ++i)
    name += static_cast<char>('a' + rng() % 6);
  if (rng() % 200 == 0) name += std::string(900 + rng() % 120, 'q');
  return name;
}

void ExpectSameContents(const ObjectIndex& index, const std::map<std::string, int64_t>& ref) {
  ASSERT_EQ(index.size(), ref.size());
  auto it = index.Begin();
  for (const auto& [name, gen] : ref) {
    ASSERT_TRUE(it.Valid());
    ASSERT_EQ(it.name(), name);
    ASSERT_EQ(it.generation(), gen);
    it.Next();
  }
  EXPECT_FALSE(it.Valid());
}

TEST(ObjectIndexTest, RandomOperationsMatchStdMap) {
  std::mt19937_64 rng(42);
  ObjectIndex index;
  std::map<std::string, int64_t> ref;
  uint64_t ref_bytes = 0;
  std::map<std::string, uint64_t> sizes;
  for (int step = 0; step < 200000; ++step) {
    const std::string name = RandomSplitName(rng);
    const int op = static_cast<int>(rng() % 10);
    if (op < 6) {
      const int64_t gen = step + 1;
      const uint64_t size = rng() % 1000;
      const bool was_new = !ref.contains(name);
      EXPECT_EQ(index.Put(name, MetaFor(gen, size)), was_new);
      ref_bytes += size - (was_new ? 0 : sizes[name]);
      ref[name] = gen;
      sizes[name] = size;
    } else if (op < 9) {
      const bool present = ref.erase(name) > 0;
      EXPECT_EQ(index.Erase(name), present);
      if (present) {
        ref_bytes -= sizes[name];
        sizes.erase(name);
      }
    } else {
      auto expected = ref.lower_bound(name);
      auto it = index.Seek(name);
      if (expected == ref.end()) {
        EXPECT_FALSE(it.Valid());
      } else {
        ASSERT_TRUE(it.Valid());
        EXPECT_EQ(it.name(), expected->first);
        EXPECT_EQ(it.generation(), expected->second);
      }
    }
    auto found = index.GenerationOf(name);
    auto want = ref.find(name);
    ASSERT_EQ(found.has_value(), want != ref.end());
    if (found) {
      ASSERT_EQ(*found, want->second);
    }
    ASSERT_EQ(index.total_bytes(), ref_bytes);
    if (step % 20000 == 0) ExpectSameContents(index, ref);
  }
  ExpectSameContents(index, ref);
}

TEST(ObjectIndexTest, GrowsThenShrinksToNothingAndFreesPages) {
  ObjectIndex index;
  std::mt19937_64 rng(7);
  std::vector<std::string> names;
  for (int i = 0; i < 50000; ++i)
    names.push_back("dir/" + std::to_string(rng()));
  for (const auto& n : names)
    index.Put(n, MetaFor(1, 1));
  const uint64_t full_pages = index.page_bytes();
  EXPECT_GT(full_pages, 50000u * 60);
  std::shuffle(names.begin(), names.end(), rng);
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_TRUE(index.Erase(names[i]));
    if (i == names.size() * 9 / 10) {
      // A tenth of the objects left: merging must have given back most pages.
      EXPECT_LT(index.page_bytes(), full_pages / 4);
    }
  }
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.page_bytes(), NameTree::kPageBytes);  // only the empty root leaf
  EXPECT_FALSE(index.Begin().Valid());
  index.Put("again", MetaFor(3, 3));
  EXPECT_EQ(index.GenerationOf("again"), 3);
}

TEST(ObjectIndexTest, AscendingLoadFillsPages) {
  ObjectIndex index;
  char buf[32];
  for (int i = 0; i < 100000; ++i) {
    std::snprintf(buf, sizeof buf, "k%08d", i);
    index.Put(buf, MetaFor(i + 1, 0));
  }
  // 56-60 bytes per entry plus a 9-byte key: well over 90% page fill when appending.
  const double bytes_per_entry = static_cast<double>(index.page_bytes()) / 100000.0;
  EXPECT_LT(bytes_per_entry, 80.0);
}

TEST(ObjectIndexTest, RoundTripsEveryField) {
  ObjectIndex index;
  ObjectMeta m;
  m.generation = 1234567890123456;
  m.metageneration = 7;
  m.size = (uint64_t{5} << 40) + 3;
  m.crc32c = 0xdeadbeef;
  m.md5 = std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10", 16);
  m.content_type = "image/png";
  m.metadata = {{"k1", "v1"}, {"k2", ""}};
  m.storage_class = StorageClass::kColdline;
  m.create_time = -5;
  m.update_time = 99;
  m.residency = SiteSet(0b1011);
  index.Put("obj", m);
  ObjectMeta plain = MetaFor(2, 10);
  plain.content_type = "text/plain";
  index.Put("plain", plain);

  std::optional<ObjectMeta> got = index.Get("obj");
  ASSERT_TRUE(got.has_value());
  m.name = "obj";
  EXPECT_EQ(got->name, "obj");
  EXPECT_EQ(got->generation, m.generation);
  EXPECT_EQ(got->metageneration, 7);
  EXPECT_EQ(got->size, m.size);
  EXPECT_EQ(got->crc32c, m.crc32c);
  EXPECT_EQ(got->md5, m.md5);
  EXPECT_EQ(got->content_type, "image/png");
  EXPECT_EQ(got->metadata, m.metadata);
  EXPECT_EQ(got->storage_class, StorageClass::kColdline);
  EXPECT_EQ(got->create_time, -5);
  EXPECT_EQ(got->update_time, 99);
  EXPECT_EQ(got->residency, SiteSet(0b1011));
  EXPECT_FALSE(got->delete_time.has_value());
  EXPECT_EQ(index.Get("plain")->content_type, "text/plain");
  EXPECT_TRUE(index.Get("plain")->metadata.empty());

  // Overwriting releases the extras; a later object reuses the slot without leaking fields.
  index.Put("obj", plain);
  EXPECT_TRUE(index.Get("obj")->md5.empty());
  EXPECT_TRUE(index.SetResidency("obj", SiteSet(0b110)));
  EXPECT_EQ(index.Get("obj")->residency, SiteSet(0b110));
  EXPECT_FALSE(index.SetResidency("absent", SiteSet(1)));
  EXPECT_EQ(index.Get("absent"), std::nullopt);
}

TEST(ObjectIndexTest, ManyDistinctContentTypesOverflowTheInternTable) {
  ObjectIndex index;
  for (int i = 0; i < 70000; ++i) {
    ObjectMeta m = MetaFor(i + 1, 0);
    m.content_type = "type/" + std::to_string(i);
    index.Put("o" + std::to_string(i), m);
  }
  for (int i = 0; i < 70000; i += 997) {
    EXPECT_EQ(index.Get("o" + std::to_string(i))->content_type, "type/" + std::to_string(i));
  }
  EXPECT_EQ(index.Get("o69999")->content_type, "type/69999");
}

}  // namespace
}  // namespace estate

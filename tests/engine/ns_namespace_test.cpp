// Namespace bucket and object operations: creation, lookup, generations, versioning,
// patches, deletes, residency, counters, and the errors each one returns.
#include <gtest/gtest.h>

#include "engine/ns/namespace.h"

namespace estate {
namespace {

constexpr TimeNs kT0 = 1000 * kSecond;

ListOptions PageOf(int max_results) {
  ListOptions o;
  o.max_results = max_results;
  return o;
}

class NamespaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ns.CreateBucket({.name = "plain"}, kT0).ok());
    ASSERT_TRUE(ns.CreateBucket({.name = "versioned", .versioning = true}, kT0).ok());
  }
  Result<ObjectMeta> Put(std::string_view bucket, std::string_view name, uint64_t size, TimeNs now,
                         int64_t proposed = 0, const Preconditions& pre = {}) {
    ObjectWrite w;
    w.size = size;
    w.crc32c = static_cast<uint32_t>(size * 31);
    return ns.InsertObject(bucket, name, w, pre, now, proposed, SiteSet::Of(kGcpSite));
  }
  Namespace ns;
};

TEST_F(NamespaceTest, BucketLifecycle) {
  Result<BucketMeta> made = ns.CreateBucket(
      {.name = "cold", .default_storage_class = StorageClass::kColdline, .create_time = 5}, 77);
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->name, "cold");
  EXPECT_EQ(made->metageneration, 1);
  EXPECT_EQ(made->create_time, 77);  // spec times are ignored
  EXPECT_EQ(made->update_time, 77);
  EXPECT_EQ(made->default_storage_class, StorageClass::kColdline);

  EXPECT_EQ(ns.CreateBucket({.name = "cold"}, 78).status().ToString(),
            "409 conflict: bucket \"cold\" already exists");
  EXPECT_EQ(ns.CreateBucket({.name = "Cold"}, 78).status().code(), StatusCode::kInvalid);
  EXPECT_EQ(ns.GetBucket("nope").status().ToString(), "404 notFound: bucket \"nope\" not found");
  EXPECT_EQ(ns.GetBucket("cold")->default_storage_class, StorageClass::kColdline);

  std::vector<BucketMeta> all = ns.ListBuckets();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "cold");
  EXPECT_EQ(all[1].name, "plain");
  EXPECT_EQ(all[2].name, "versioned");

  Result<BucketMeta> v = ns.SetBucketVersioning("cold", true, 90);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->versioning);
  EXPECT_EQ(v->metageneration, 2);
  EXPECT_EQ(v->update_time, 90);

  EXPECT_TRUE(ns.DeleteBucket("cold").ok());
  EXPECT_EQ(ns.DeleteBucket("cold").ToString(), "404 notFound: bucket \"cold\" not found");
  EXPECT_EQ(ns.DeleteBucket("a").ToString(),
            "400 invalid: invalid bucket name \"a\": must be at least 3 characters long, got 1");
}

TEST_F(NamespaceTest, DeleteBucketRefusesWhileAnyGenerationRemains) {
  ASSERT_TRUE(Put("versioned", "o", 1, kT0).ok());
  ASSERT_TRUE(ns.DeleteObject("versioned", "o", {}, kT0 + 1).ok());
  EXPECT_EQ(ns.DeleteBucket("versioned").ToString(),
            "409 conflict: bucket \"versioned\" is not empty: 0 live and 1 noncurrent objects");
  ASSERT_TRUE(Put("plain", "x", 1, kT0).ok());
  EXPECT_EQ(ns.DeleteBucket("plain").ToString(),
            "409 conflict: bucket \"plain\" is not empty: 1 live and 0 noncurrent objects");
  ASSERT_TRUE(ns.DeleteObject("plain", "x", {}, kT0).ok());
  EXPECT_TRUE(ns.DeleteBucket("plain").ok());
}

TEST_F(NamespaceTest, InsertFillsEveryField) {
  ObjectWrite w;
  w.size = 11;
  w.crc32c = 0xc99465aa;
  w.md5 = std::string(16, '\x5a');
  w.content_type = "text/plain";
  w.metadata = {{"owner", "ana"}};
  Result<ObjectMeta> m =
      ns.InsertObject("plain", "docs/a.txt", w, {}, kT0 + 5, 1234, SiteSet::Of(3));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->bucket, "plain");
  EXPECT_EQ(m->name, "docs/a.txt");
  EXPECT_EQ(m->generation, 1234);
  EXPECT_EQ(m->metageneration, 1);
  EXPECT_EQ(m->size, 11u);
  EXPECT_EQ(m->crc32c, 0xc99465aau);
  EXPECT_EQ(m->md5, w.md5);
  EXPECT_EQ(m->content_type, "text/plain");
  EXPECT_EQ(m->metadata, w.metadata);
  EXPECT_EQ(m->storage_class, StorageClass::kStandard);
  EXPECT_EQ(m->create_time, kT0 + 5);
  EXPECT_EQ(m->update_time, kT0 + 5);
  EXPECT_TRUE(m->live());
  EXPECT_EQ(m->residency, SiteSet::Of(3));

  Result<ObjectMeta> got = ns.GetObject("plain", "docs/a.txt");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->bucket, "plain");
  EXPECT_EQ(got->md5, w.md5);
  EXPECT_EQ(got->metadata, w.metadata);
  EXPECT_EQ(got->residency, SiteSet::Of(3));
}

TEST_F(NamespaceTest, StorageClassDefaultsToTheBuckets) {
  ASSERT_TRUE(
      ns.CreateBucket({.name = "archive", .default_storage_class = StorageClass::kArchive}, kT0)
          .ok());
  EXPECT_EQ(Put("archive", "a", 1, kT0)->storage_class, StorageClass::kArchive);
  ObjectWrite w;
  w.storage_class = StorageClass::kNearline;
  EXPECT_EQ(ns.InsertObject("archive", "b", w, {}, kT0, 0, {})->storage_class,
            StorageClass::kNearline);
}

TEST_F(NamespaceTest, GenerationsAlwaysIncreaseOnOverwrite) {
  EXPECT_EQ(Put("plain", "o", 1, kT0, 100)->generation, 100);
  EXPECT_EQ(Put("plain", "o", 1, kT0, 50)->generation, 101);   // proposal too low
  EXPECT_EQ(Put("plain", "o", 1, kT0, 500)->generation, 500);  // proposal wins
  EXPECT_EQ(Put("plain", "o", 1, kT0, 0)->generation, 501);
  EXPECT_EQ(Put("plain", "other", 1, kT0, 7)->generation, 7);  // per name, not per bucket
  // A deleted name remembers its highest generation.
  ASSERT_TRUE(ns.DeleteObject("plain", "o", {}, kT0).ok());
  EXPECT_EQ(Put("plain", "o", 1, kT0, 3)->generation, 502);
  // Also after a specific generation is removed from a versioned bucket.
  EXPECT_EQ(Put("versioned", "v", 1, kT0, 10)->generation, 10);
  EXPECT_EQ(Put("versioned", "v", 1, kT0, 10)->generation, 11);
  ASSERT_TRUE(ns.DeleteObject("versioned", "v", {}, kT0, 11).ok());
  ASSERT_TRUE(ns.DeleteObject("versioned", "v", {}, kT0, 10).ok());
  EXPECT_EQ(Put("versioned", "v", 1, kT0, 1)->generation, 12);
  EXPECT_EQ(ns.InsertObject("plain", "o", {}, {}, kT0, -1, {}).status().ToString(),
            "400 invalid: proposed generation must not be negative, got -1");
}

TEST_F(NamespaceTest, OverwriteInPlainBucketDropsThePreviousGeneration) {
  const int64_t g1 = Put("plain", "o", 10, kT0, 1)->generation;
  const int64_t g2 = Put("plain", "o", 20, kT0 + 1, 2)->generation;
  EXPECT_EQ(ns.GetObject("plain", "o")->generation, g2);
  EXPECT_EQ(ns.GetObject("plain", "o", g1).status().ToString(),
            "404 notFound: object \"plain/o\" generation 1 not found");
  EXPECT_EQ(ns.NoncurrentObjectCount(), 0u);
  EXPECT_EQ(ns.LiveObjectCount(), 1u);
  EXPECT_EQ(ns.LiveBytes(), 20u);
}

TEST_F(NamespaceTest, OverwriteInVersionedBucketArchivesThePreviousGeneration) {
  const int64_t g1 = Put("versioned", "o", 10, kT0, 1)->generation;
  const int64_t g2 = Put("versioned", "o", 20, kT0 + 9, 2)->generation;
  Result<ObjectMeta> old = ns.GetObject("versioned", "o", g1);
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->live());
  EXPECT_EQ(old->delete_time, kT0 + 9);
  EXPECT_EQ(old->size, 10u);
  EXPECT_EQ(old->bucket, "versioned");
  EXPECT_EQ(ns.GetObject("versioned", "o")->generation, g2);
  EXPECT_TRUE(ns.GetObject("versioned", "o", g2)->live());
  EXPECT_EQ(ns.NoncurrentObjectCount(), 1u);
  EXPECT_EQ(ns.LiveBytes(), 20u);  // noncurrent bytes are not live bytes
}

TEST_F(NamespaceTest, DeleteLiveAndSpecificGenerations) {
  const int64_t g1 = Put("versioned", "o", 1, kT0, 1)->generation;
  const int64_t g2 = Put("versioned", "o", 2, kT0, 2)->generation;
  ASSERT_TRUE(ns.DeleteObject("versioned", "o", {}, kT0 + 3).ok());
  EXPECT_EQ(ns.GetObject("versioned", "o").status().ToString(),
            "404 notFound: object \"versioned/o\" not found");
  EXPECT_EQ(ns.GetObject("versioned", "o", g2)->delete_time, kT0 + 3);
  EXPECT_EQ(ns.NoncurrentObjectCount(), 2u);
  ASSERT_TRUE(ns.DeleteObject("versioned", "o", {}, kT0, g1).ok());  // permanent
  EXPECT_EQ(ns.GetObject("versioned", "o", g1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ns.DeleteObject("versioned", "o", {}, kT0, g1).ToString(),
            "404 notFound: object \"versioned/o\" generation 1 not found");
  EXPECT_EQ(ns.DeleteObject("versioned", "o", {}, kT0).ToString(),
            "404 notFound: object \"versioned/o\" not found");
  // A specific live generation is removed permanently even in a versioned bucket.
  const int64_t g3 = Put("versioned", "p", 1, kT0, 0)->generation;
  ASSERT_TRUE(ns.DeleteObject("versioned", "p", {}, kT0, g3).ok());
  EXPECT_EQ(ns.GetObject("versioned", "p", g3).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ns.NoncurrentObjectCount(), 1u);
  // Plain bucket: the object is gone.
  ASSERT_TRUE(Put("plain", "q", 1, kT0).ok());
  ASSERT_TRUE(ns.DeleteObject("plain", "q", {}, kT0).ok());
  EXPECT_EQ(ns.GetObject("plain", "q").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ns.LiveObjectCount(), 0u);
}

TEST_F(NamespaceTest, PatchLiveAndNoncurrentGenerations) {
  ObjectWrite w;
  w.metadata = {{"a", "1"}, {"b", "2"}};
  ASSERT_TRUE(ns.InsertObject("versioned", "o", w, {}, kT0, 1, {}).ok());
  ObjectPatch patch;
  patch.content_type = "image/jpeg";
  patch.metadata = {{"a", std::nullopt}, {"c", "3"}};
  patch.storage_class = StorageClass::kNearline;
  Result<ObjectMeta> p = ns.PatchObject("versioned", "o", patch, {}, kT0 + 50);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->metageneration, 2);
  EXPECT_EQ(p->update_time, kT0 + 50);
  EXPECT_EQ(p->create_time, kT0);
  EXPECT_EQ(p->content_type, "image/jpeg");
  EXPECT_EQ(p->storage_class, StorageClass::kNearline);
  const std::map<std::string, std::string> want = {{"b", "2"}, {"c", "3"}};
  EXPECT_EQ(p->metadata, want);
  EXPECT_EQ(ns.GetObject("versioned", "o")->metadata, want);

  ASSERT_TRUE(Put("versioned", "o", 1, kT0 + 60, 2).ok());  // generation 1 is now noncurrent
  ObjectPatch retype;
  retype.content_type = "x/y";
  Result<ObjectMeta> np = ns.PatchObject("versioned", "o", retype, {}, kT0 + 70, int64_t{1});
  ASSERT_TRUE(np.ok());
  EXPECT_EQ(np->metageneration, 3);
  EXPECT_FALSE(np->live());
  EXPECT_EQ(ns.GetObject("versioned", "o", 1)->content_type, "x/y");
  EXPECT_EQ(ns.GetObject("versioned", "o")->metageneration, 1);
  EXPECT_EQ(ns.PatchObject("versioned", "missing", {}, {}, kT0).status().ToString(),
            "404 notFound: object \"versioned/missing\" not found");
}

TEST_F(NamespaceTest, SetResidencyOnLiveAndNoncurrentGenerations) {
  const int64_t g1 = Put("versioned", "o", 1, kT0, 1)->generation;
  const int64_t g2 = Put("versioned", "o", 1, kT0, 2)->generation;
  ASSERT_TRUE(ns.SetResidency("versioned", "o", g2, SiteSet(0b111)).ok());
  ASSERT_TRUE(ns.SetResidency("versioned", "o", g1, SiteSet(0b100)).ok());
  EXPECT_EQ(ns.GetObject("versioned", "o")->residency, SiteSet(0b111));
  EXPECT_EQ(ns.GetObject("versioned", "o")->metageneration, 1);  // not a metadata change
  EXPECT_EQ(ns.GetObject("versioned", "o", g1)->residency, SiteSet(0b100));
  EXPECT_EQ(ns.SetResidency("versioned", "o", 9, SiteSet(1)).ToString(),
            "404 notFound: object \"versioned/o\" generation 9 not found");
  EXPECT_EQ(ns.SetResidency("nobucket", "o", 1, SiteSet(1)).ToString(),
            "404 notFound: bucket \"nobucket\" not found");
}

TEST_F(NamespaceTest, ArgumentErrors) {
  EXPECT_EQ(Put("plain", "", 1, kT0).status().ToString(),
            "400 invalid: invalid object name \"\": must be 1-1024 bytes long, got 0");
  EXPECT_EQ(Put("missing", "o", 1, kT0).status().ToString(),
            "404 notFound: bucket \"missing\" not found");
  EXPECT_EQ(ns.GetObject("plain", "o", 0).status().ToString(),
            "400 invalid: generation must be positive, got 0");
  EXPECT_EQ(ns.DeleteObject("plain", "..", {}, kT0).ToString(),
            "400 invalid: invalid object name \"..\": must not be \".\" or \"..\"");
  EXPECT_EQ(ns.ListObjects("plain", PageOf(0)).status().ToString(),
            "400 invalid: maxResults must be between 1 and 1000, got 0");
  EXPECT_EQ(ns.ListObjects("plain", PageOf(1001)).status().ToString(),
            "400 invalid: maxResults must be between 1 and 1000, got 1001");
  EXPECT_EQ(ns.ListObjects("gone", {}).status().ToString(),
            "404 notFound: bucket \"gone\" not found");
}

TEST_F(NamespaceTest, CountsAcrossBuckets) {
  ASSERT_TRUE(Put("plain", "a", 5, kT0).ok());
  ASSERT_TRUE(Put("plain", "b", 7, kT0).ok());
  ASSERT_TRUE(Put("versioned", "a", 11, kT0).ok());
  ASSERT_TRUE(Put("versioned", "a", 13, kT0).ok());
  EXPECT_EQ(ns.LiveObjectCount(), 3u);
  EXPECT_EQ(ns.LiveBytes(), 25u);
  EXPECT_EQ(ns.NoncurrentObjectCount(), 1u);
}

}  // namespace
}  // namespace estate

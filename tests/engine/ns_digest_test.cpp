// Namespace::Digest: equal for equal states built in different orders, different whenever any
// field of any bucket, generation or tombstone differs.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/ns/digest.h"
#include "engine/ns/namespace.h"

namespace estate {
namespace {

struct NamespaceOp {
  std::string bucket, name;
  int64_t generation;
  uint64_t size;
};

// Builds buckets "b1" (versioned) and "b2" and inserts each op with its exact generation.
Namespace Build(const std::vector<NamespaceOp>& ops, bool buckets_reversed) {
  Namespace ns;
  std::vector<std::string> buckets = {"b1x", "b2x"};
  if (buckets_reversed) std::reverse(buckets.begin(), buckets.end());
  for (const auto& b : buckets) {
    EXPECT_TRUE(ns.CreateBucket({.name = b, .versioning = b == "b1x"}, 10).ok());
  }
  for (const NamespaceOp& op : ops) {
    ObjectWrite w;
    w.size = op.size;
    w.metadata = {{"k", op.name}};
    EXPECT_TRUE(ns.InsertObject(op.bucket, op.name, w, {}, 20, op.generation, SiteSet(1)).ok());
  }
  return ns;
}

TEST(DigestTest, BuilderIsOrderAndBoundarySensitive) {
  DigestBuilder a, b, c, d;
  a.AddBytes("ab");
  a.AddBytes("c");
  b.AddBytes("a");
  b.AddBytes("bc");
  EXPECT_NE(a.value(), b.value());
  c.AddU64(1);
  c.AddU64(2);
  d.AddU64(2);
  d.AddU64(1);
  EXPECT_NE(c.value(), d.value());
  DigestBuilder e, f;
  EXPECT_EQ(e.value(), f.value());
  e.AddU64(0);
  EXPECT_NE(e.value(), f.value());
}

TEST(DigestTest, SameStateInDifferentOrdersGivesTheSameDigest) {
  std::vector<NamespaceOp> ops;
  for (int i = 0; i < 3000; ++i) {
    ops.push_back({i % 3 == 0 ? "b2x" : "b1x", "obj/" + std::to_string(i * 7919 % 3001), 1000 + i,
                   static_cast<uint64_t>(i)});
  }
  // Distinct (bucket, name) pairs only, so any order yields the same final state.
  std::set<std::pair<std::string, std::string>> seen;
  std::erase_if(ops, [&](const NamespaceOp& op) {
    return !seen.insert({op.bucket, op.name}).second;
  });
  const uint64_t forward = Build(ops, false).Digest();
  std::mt19937_64 rng(5);
  std::shuffle(ops.begin(), ops.end(), rng);
  EXPECT_EQ(Build(ops, true).Digest(), forward);
  std::reverse(ops.begin(), ops.end());
  EXPECT_EQ(Build(ops, false).Digest(), forward);
}

TEST(DigestTest, AnyFieldChangeChangesTheDigest) {
  const std::vector<NamespaceOp> ops = {
      {"b1x", "a", 5, 10}, {"b1x", "b", 6, 11}, {"b2x", "a", 7, 12}};
  const uint64_t base = Build(ops, false).Digest();
  std::set<uint64_t> digests = {base};
  using Mutation = std::function<void(Namespace&)>;
  const std::vector<std::pair<std::string, Mutation>> mutations = {
      {"patch content type",
       [](Namespace& ns) {
         ObjectPatch p;
         p.content_type = "x/y";
         ASSERT_TRUE(ns.PatchObject("b1x", "a", p, {}, 20).ok());
       }},
      {"patch time only",
       [](Namespace& ns) { ASSERT_TRUE(ns.PatchObject("b1x", "a", {}, {}, 21).ok()); }},
      {"overwrite",
       [](Namespace& ns) { ASSERT_TRUE(ns.InsertObject("b1x", "a", {}, {}, 20, 0, {}).ok()); }},
      {"delete to noncurrent",
       [](Namespace& ns) { ASSERT_TRUE(ns.DeleteObject("b1x", "b", {}, 30).ok()); }},
      {"delete leaves a tombstone",
       [](Namespace& ns) { ASSERT_TRUE(ns.DeleteObject("b2x", "a", {}, 30).ok()); }},
      {"extra object",
       [](Namespace& ns) { ASSERT_TRUE(ns.InsertObject("b2x", "c", {}, {}, 20, 1, {}).ok()); }},
      {"bucket versioning",
       [](Namespace& ns) { ASSERT_TRUE(ns.SetBucketVersioning("b2x", true, 10).ok()); }},
      {"extra bucket",
       [](Namespace& ns) { ASSERT_TRUE(ns.CreateBucket({.name = "b3x"}, 10).ok()); }},
  };
  for (const auto& [what, mutate] : mutations) {
    Namespace ns = Build(ops, false);
    mutate(ns);
    EXPECT_TRUE(digests.insert(ns.Digest()).second) << what << " did not change the digest";
  }
  // Each write field on its own.
  for (int field = 0; field < 6; ++field) {
    Namespace ns = Build(ops, false);
    ObjectWrite w;
    w.size = 10;
    w.metadata = {{"k", "z"}};
    if (field == 0) w.size = 99;
    if (field == 1) w.crc32c = 1;
    if (field == 2) w.md5 = std::string(16, '\1');
    if (field == 3) w.metadata = {{"k", "y"}};
    if (field == 4) w.storage_class = StorageClass::kArchive;
    if (field == 5) w.content_type = "a/b";
    ASSERT_TRUE(ns.InsertObject("b2x", "z", w, {}, 20, 9, SiteSet(1)).ok());
    EXPECT_TRUE(digests.insert(ns.Digest()).second) << "write field " << field;
  }
  // A tombstone alone (the same live objects) is still a different state: future
  // generations of that name differ.
  Namespace with_tombstone = Build(ops, false);
  ASSERT_TRUE(with_tombstone.InsertObject("b2x", "t", {}, {}, 20, 50, {}).ok());
  ASSERT_TRUE(with_tombstone.DeleteObject("b2x", "t", {}, 20).ok());
  EXPECT_NE(with_tombstone.Digest(), base);
}

}  // namespace
}  // namespace estate

namespace estate {
namespace {

TEST(DigestTest, ResidencyIsSiteLocalAndLeftOut) {
  const std::vector<NamespaceOp> ops = {{"b1x", "a", 5, 10}};
  Namespace here = Build(ops, false);
  Namespace there = Build(ops, false);
  ASSERT_TRUE(there.SetResidency("b1x", "a", 5, SiteSet(0b111)).ok());
  EXPECT_EQ(there.GetObject("b1x", "a")->residency.bits(), 0b111u);
  EXPECT_EQ(here.Digest(), there.Digest());
}

}  // namespace
}  // namespace estate

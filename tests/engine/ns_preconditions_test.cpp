// GCS preconditions on insert, get, patch and delete: each condition satisfied and violated,
// with the exact 412 message, against live, absent and explicitly targeted generations.
#include <gtest/gtest.h>

#include "engine/ns/namespace.h"
#include "engine/ns/preconditions.h"

namespace estate {
namespace {

constexpr TimeNs kNow = 5 * kSecond;

Preconditions GenMatch(int64_t g) {
  Preconditions p;
  p.if_generation_match = g;
  return p;
}
Preconditions GenNotMatch(int64_t g) {
  Preconditions p;
  p.if_generation_not_match = g;
  return p;
}
Preconditions MetaMatch(int64_t m) {
  Preconditions p;
  p.if_metageneration_match = m;
  return p;
}
Preconditions MetaNotMatch(int64_t m) {
  Preconditions p;
  p.if_metageneration_not_match = m;
  return p;
}

// Bucket "b" holds "o" at generation 10, metageneration 2 (and, versioned, generation 5 as a
// noncurrent generation with metageneration 1).
class PreconditionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ns.CreateBucket({.name = "bkt", .versioning = true}, 0).ok());
    ASSERT_TRUE(ns.InsertObject("bkt", "o", {}, {}, kNow, 5, {}).ok());
    ASSERT_TRUE(ns.InsertObject("bkt", "o", {}, {}, kNow, 10, {}).ok());
    ASSERT_TRUE(ns.PatchObject("bkt", "o", {}, {}, kNow).ok());
  }
  Status Insert(const Preconditions& pre, std::string_view name = "o") {
    return ns.InsertObject("bkt", name, {}, pre, kNow, 0, {}).status();
  }
  Status Get(const Preconditions& pre, std::optional<int64_t> gen = std::nullopt) {
    return ns.GetObject("bkt", "o", gen, pre).status();
  }
  Status Patch(const Preconditions& pre) {
    return ns.PatchObject("bkt", "o", {}, pre, kNow).status();
  }
  Namespace ns;
};

TEST_F(PreconditionsTest, CheckerMessages) {
  ObjectMeta m;
  m.generation = 5;
  m.metageneration = 3;
  EXPECT_TRUE(CheckPreconditions({}, nullptr, "b", "o").ok());
  EXPECT_TRUE(CheckPreconditions({}, &m, "b", "o").ok());
  EXPECT_EQ(CheckPreconditions(GenMatch(7), &m, "b", "o").ToString(),
            "412 conditionNotMet: precondition ifGenerationMatch=7 failed for object \"b/o\": "
            "actual generation is 5");
  EXPECT_EQ(
      CheckPreconditions(GenMatch(7), nullptr, "b", "o").message(),
      "precondition ifGenerationMatch=7 failed for object \"b/o\": no live generation exists");
  EXPECT_TRUE(CheckPreconditions(GenMatch(0), nullptr, "b", "o").ok());
  EXPECT_EQ(CheckPreconditions(GenMatch(0), &m, "b", "o").message(),
            "precondition ifGenerationMatch=0 failed for object \"b/o\": actual generation is 5");
  Preconditions all;
  all.if_generation_match = 5;
  all.if_generation_not_match = 6;
  all.if_metageneration_match = 3;
  all.if_metageneration_not_match = 4;
  EXPECT_TRUE(CheckPreconditions(all, &m, "b", "o").ok());
  all.if_metageneration_not_match = 3;  // only the last fails
  EXPECT_EQ(CheckPreconditions(all, &m, "b", "o").message(),
            "precondition ifMetagenerationNotMatch=3 failed for object \"b/o\": actual "
            "metageneration is 3");
  all.if_generation_match = 1;  // the first failing condition is reported
  EXPECT_EQ(CheckPreconditions(all, &m, "b", "o").message(),
            "precondition ifGenerationMatch=1 failed for object \"b/o\": actual generation is 5");
}

TEST_F(PreconditionsTest, InsertOverLiveObject) {
  EXPECT_EQ(
      Insert(GenMatch(0)).message(),
      "precondition ifGenerationMatch=0 failed for object \"bkt/o\": actual generation is 10");
  EXPECT_EQ(
      Insert(GenMatch(9)).message(),
      "precondition ifGenerationMatch=9 failed for object \"bkt/o\": actual generation is 10");
  EXPECT_EQ(Insert(GenNotMatch(10)).message(),
            "precondition ifGenerationNotMatch=10 failed for object \"bkt/o\": actual generation "
            "is 10");
  EXPECT_EQ(Insert(MetaMatch(1)).message(),
            "precondition ifMetagenerationMatch=1 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(Insert(MetaNotMatch(2)).message(),
            "precondition ifMetagenerationNotMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(ns.GetObject("bkt", "o")->generation, 10);  // failed inserts changed nothing
  EXPECT_TRUE(Insert(GenNotMatch(3)).ok());
  EXPECT_TRUE(Insert(MetaMatch(1)).ok());  // the previous insert made metageneration 1
  EXPECT_TRUE(Insert(MetaNotMatch(7)).ok());
  const int64_t live = ns.GetObject("bkt", "o")->generation;
  EXPECT_TRUE(Insert(GenMatch(live)).ok());
  EXPECT_EQ(ns.GetObject("bkt", "o")->generation, live + 1);
}

TEST_F(PreconditionsTest, InsertWhereNoLiveObjectExists) {
  EXPECT_TRUE(Insert(GenMatch(0), "fresh").ok());
  EXPECT_EQ(Insert(GenMatch(0), "fresh").message(),
            "precondition ifGenerationMatch=0 failed for object \"bkt/fresh\": actual generation "
            "is 1");
  EXPECT_EQ(Insert(GenMatch(4), "new").message(),
            "precondition ifGenerationMatch=4 failed for object \"bkt/new\": no live generation "
            "exists");
  EXPECT_EQ(Insert(GenNotMatch(4), "new").message(),
            "precondition ifGenerationNotMatch=4 failed for object \"bkt/new\": no live "
            "generation exists");
  EXPECT_EQ(Insert(MetaMatch(1), "new").message(),
            "precondition ifMetagenerationMatch=1 failed for object \"bkt/new\": no live "
            "generation exists");
  EXPECT_EQ(Insert(MetaNotMatch(1), "new").message(),
            "precondition ifMetagenerationNotMatch=1 failed for object \"bkt/new\": no live "
            "generation exists");
  EXPECT_EQ(ns.GetObject("bkt", "new").status().code(), StatusCode::kNotFound);
  // A noncurrent generation is not a live one.
  ASSERT_TRUE(ns.DeleteObject("bkt", "o", {}, kNow).ok());
  EXPECT_TRUE(Insert(GenMatch(0)).ok());
}

TEST_F(PreconditionsTest, GetChecksTheTargetedGeneration) {
  EXPECT_TRUE(Get(GenMatch(10)).ok());
  EXPECT_TRUE(Get(GenNotMatch(9)).ok());
  EXPECT_TRUE(Get(MetaMatch(2)).ok());
  EXPECT_TRUE(Get(MetaNotMatch(1)).ok());
  EXPECT_EQ(Get(GenMatch(9)).ToString(),
            "412 conditionNotMet: precondition ifGenerationMatch=9 failed for object \"bkt/o\": "
            "actual generation is 10");
  EXPECT_EQ(Get(GenNotMatch(10)).message(),
            "precondition ifGenerationNotMatch=10 failed for object \"bkt/o\": actual generation "
            "is 10");
  EXPECT_EQ(Get(MetaMatch(1)).message(),
            "precondition ifMetagenerationMatch=1 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(Get(MetaNotMatch(2)).message(),
            "precondition ifMetagenerationNotMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  // The noncurrent generation 5 has metageneration 1.
  EXPECT_TRUE(Get(MetaMatch(1), 5).ok());
  EXPECT_EQ(Get(MetaMatch(2), 5).message(),
            "precondition ifMetagenerationMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 1");
  EXPECT_EQ(Get(GenMatch(10), 5).message(),
            "precondition ifGenerationMatch=10 failed for object \"bkt/o\": actual generation is "
            "5");
  // Missing objects are 404, never 412.
  EXPECT_EQ(Get(GenMatch(10), 7).ToString(),
            "404 notFound: object \"bkt/o\" generation 7 not found");
  EXPECT_EQ(ns.GetObject("bkt", "absent", std::nullopt, GenMatch(1)).status().ToString(),
            "404 notFound: object \"bkt/absent\" not found");
}

TEST_F(PreconditionsTest, PatchAppliesOnlyWhenConditionsHold) {
  EXPECT_EQ(Patch(MetaMatch(1)).message(),
            "precondition ifMetagenerationMatch=1 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(
      Patch(GenMatch(5)).message(),
      "precondition ifGenerationMatch=5 failed for object \"bkt/o\": actual generation is 10");
  EXPECT_EQ(Patch(GenNotMatch(10)).message(),
            "precondition ifGenerationNotMatch=10 failed for object \"bkt/o\": actual generation "
            "is 10");
  EXPECT_EQ(Patch(MetaNotMatch(2)).message(),
            "precondition ifMetagenerationNotMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(ns.GetObject("bkt", "o")->metageneration, 2);  // failed patches changed nothing
  EXPECT_TRUE(Patch(MetaMatch(2)).ok());
  EXPECT_TRUE(Patch(GenMatch(10)).ok());
  EXPECT_TRUE(Patch(GenNotMatch(5)).ok());
  EXPECT_TRUE(Patch(MetaNotMatch(2)).ok());
  EXPECT_EQ(ns.GetObject("bkt", "o")->metageneration, 6);
  // Targeting noncurrent generation 5.
  EXPECT_EQ(ns.PatchObject("bkt", "o", {}, MetaMatch(2), kNow, 5).status().message(),
            "precondition ifMetagenerationMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 1");
  EXPECT_EQ(ns.PatchObject("bkt", "o", {}, MetaMatch(1), kNow, 5)->metageneration, 2);
  EXPECT_EQ(ns.PatchObject("bkt", "gone", {}, GenMatch(1), kNow).status().code(),
            StatusCode::kNotFound);
}

TEST_F(PreconditionsTest, DeleteAppliesOnlyWhenConditionsHold) {
  EXPECT_EQ(
      ns.DeleteObject("bkt", "o", GenMatch(5), kNow).message(),
      "precondition ifGenerationMatch=5 failed for object \"bkt/o\": actual generation is 10");
  EXPECT_EQ(ns.DeleteObject("bkt", "o", GenNotMatch(10), kNow).message(),
            "precondition ifGenerationNotMatch=10 failed for object \"bkt/o\": actual generation "
            "is 10");
  EXPECT_EQ(ns.DeleteObject("bkt", "o", MetaMatch(3), kNow).message(),
            "precondition ifMetagenerationMatch=3 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_EQ(ns.DeleteObject("bkt", "o", MetaNotMatch(2), kNow).message(),
            "precondition ifMetagenerationNotMatch=2 failed for object \"bkt/o\": actual "
            "metageneration is 2");
  EXPECT_TRUE(ns.GetObject("bkt", "o").ok());
  // Specific noncurrent generation 5, conditions apply to it.
  EXPECT_EQ(
      ns.DeleteObject("bkt", "o", GenMatch(10), kNow, 5).message(),
      "precondition ifGenerationMatch=10 failed for object \"bkt/o\": actual generation is 5");
  EXPECT_TRUE(ns.DeleteObject("bkt", "o", MetaMatch(1), kNow, 5).ok());
  EXPECT_EQ(ns.GetObject("bkt", "o", 5).status().code(), StatusCode::kNotFound);
  Preconditions both = GenMatch(10);
  both.if_metageneration_match = 2;
  EXPECT_TRUE(ns.DeleteObject("bkt", "o", both, kNow).ok());
  EXPECT_EQ(ns.GetObject("bkt", "o").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ns.DeleteObject("bkt", "o", GenMatch(10), kNow).ToString(),
            "404 notFound: object \"bkt/o\" not found");
}

}  // namespace
}  // namespace estate

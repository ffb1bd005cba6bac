#include "engine/status.h"

#include <gtest/gtest.h>

#include "engine/result.h"

namespace estate {
namespace {

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.http_code(), 200);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CodesAndReasonsMirrorGcs) {
  EXPECT_EQ(Status::Invalid("x").ToString(), "400 invalid: x");
  EXPECT_EQ(Status::NotFound("x").ToString(), "404 notFound: x");
  EXPECT_EQ(Status::Conflict("x").ToString(), "409 conflict: x");
  EXPECT_EQ(Status::PreconditionFailed("x").ToString(), "412 conditionNotMet: x");
  EXPECT_EQ(Status::Unavailable("x").ToString(), "503 backendError: x");
  EXPECT_TRUE(Status::PreconditionFailed("x").IsPreconditionFailed());
  EXPECT_FALSE(Status::NotFound("x").IsConflict());
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::NotFound("no such object: b/o");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "no such object: b/o");
}

}  // namespace
}  // namespace estate

#include "service/http/gcs_route.h"

#include <gtest/gtest.h>

namespace estate::service {
namespace {

GcsRoute Route(const char* method, const char* target) {
  Result<GcsRoute> r = RouteGcsRequest(method, target);
  EXPECT_TRUE(r.ok()) << method << " " << target << ": " << r.status().ToString();
  return r.ok() ? *r : GcsRoute{};
}

TEST(GcsRoute, BothUrlBasesReachTheSameOperations) {
  for (const char* base : {"/storage/v1", ""}) {
    const std::string b = base;
    EXPECT_EQ(Route("GET", (b + "/b?project=p").c_str()).op, GcsOp::kBucketList);
    EXPECT_EQ(Route("POST", (b + "/b").c_str()).op, GcsOp::kBucketInsert);
    EXPECT_EQ(Route("GET", (b + "/b/bkt").c_str()).op, GcsOp::kBucketGet);
    EXPECT_EQ(Route("DELETE", (b + "/b/bkt").c_str()).op, GcsOp::kBucketDelete);
    EXPECT_EQ(Route("GET", (b + "/b/bkt/o").c_str()).op, GcsOp::kObjectList);
    GcsRoute get = Route("GET", (b + "/b/bkt/o/dir%2Fa.txt").c_str());
    EXPECT_EQ(get.op, GcsOp::kObjectGet);
    EXPECT_EQ(get.bucket, "bkt");
    EXPECT_EQ(get.object, "dir/a.txt");
    EXPECT_FALSE(get.media);
    EXPECT_EQ(Route("PATCH", (b + "/b/bkt/o/x").c_str()).op, GcsOp::kObjectPatch);
    EXPECT_EQ(Route("DELETE", (b + "/b/bkt/o/x").c_str()).op, GcsOp::kObjectDelete);
  }
}

TEST(GcsRoute, MediaDownloadsUploadsAndResumableSessions) {
  EXPECT_TRUE(Route("GET", "/storage/v1/b/bkt/o/x?alt=media").media);
  EXPECT_TRUE(Route("GET", "/download/storage/v1/b/bkt/o/x").media);
  GcsRoute up = Route("POST", "/upload/storage/v1/b/bkt/o?uploadType=media&name=a%20b+c");
  EXPECT_EQ(up.op, GcsOp::kObjectInsert);
  EXPECT_EQ(*up.Param("name"), "a b c");  // %20 and '+' are spaces in a query
  EXPECT_EQ(Route("PUT", "/upload/storage/v1/b/bkt/o?uploadType=resumable&upload_id=ab").op,
            GcsOp::kUploadChunk);
  EXPECT_EQ(Route("DELETE", "/upload/storage/v1/b/bkt/o?upload_id=ab").op, GcsOp::kUploadCancel);
  EXPECT_FALSE(RouteGcsRequest("PUT", "/upload/storage/v1/b/bkt/o").ok());
}

TEST(GcsRoute, CopyRewriteAndCompose) {
  GcsRoute copy = Route("POST", "/storage/v1/b/src/o/a%2Fb/copyTo/b/dst/o/c%2Fd");
  EXPECT_EQ(copy.op, GcsOp::kObjectCopy);
  EXPECT_EQ(copy.object, "a/b");
  EXPECT_EQ(copy.dest_bucket, "dst");
  EXPECT_EQ(copy.dest_object, "c/d");
  EXPECT_EQ(Route("POST", "/b/src/o/a/rewriteTo/b/dst/o/c").op, GcsOp::kObjectRewrite);
  GcsRoute compose = Route("POST", "/storage/v1/b/bkt/o/whole/compose");
  EXPECT_EQ(compose.op, GcsOp::kObjectCompose);
  EXPECT_EQ(compose.object, "whole");
  // No destination name (found by gcs_route_fuzz): no operation, as for copy and rewrite.
  EXPECT_EQ(RouteGcsRequest("POST", "/b/bkt/o//compose").status().message(),
            "no operation at POST /b/bkt/o//compose");
  EXPECT_TRUE(RouteGcsRequest("POST", "/b/src/o//copyTo/b/dst/o/c").status().IsNotFound());
}

TEST(GcsRoute, EncodedSlashesStayInTheNameAndUnencodedOnesJoinIt) {
  // An object literally named "x/compose" reached with an encoded slash is a get, not a compose.
  GcsRoute encoded = Route("GET", "/storage/v1/b/bkt/o/x%2Fcompose");
  EXPECT_EQ(encoded.op, GcsOp::kObjectGet);
  EXPECT_EQ(encoded.object, "x/compose");
  EXPECT_EQ(Route("GET", "/storage/v1/b/bkt/o/dir/sub/file").object, "dir/sub/file");
  EXPECT_EQ(Route("GET", "/storage/v1/b/bkt/o/..%2F..%2Fetc%2Fpasswd").object, "../../etc/passwd");
}

TEST(GcsRoute, ErrorsNameTheProblem) {
  Result<GcsRoute> r = RouteGcsRequest("GET", "/storage/v1/x");
  EXPECT_TRUE(r.status().IsNotFound());
  EXPECT_EQ(r.status().message(), "no operation at GET /storage/v1/x");
  EXPECT_TRUE(RouteGcsRequest("GET", "/storage/v1/b/bkt/o/%zz").status().IsInvalid());
  EXPECT_TRUE(RouteGcsRequest("GET", "/b/bkt/o?prefix=%4").status().IsInvalid());
  EXPECT_TRUE(RouteGcsRequest("PUT", "/storage/v1/b/bkt/o/x").status().IsNotFound());
  EXPECT_TRUE(RouteGcsRequest("GET", "relative").status().IsNotFound());
  EXPECT_EQ(Route("GET", "/metrics").op, GcsOp::kMetrics);
  EXPECT_EQ(Route("GET", "/healthz").op, GcsOp::kHealth);
}

TEST(GcsRoute, PercentCoding) {
  EXPECT_EQ(PercentDecode("a%2Fb%20c+d", false), "a/b c+d");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentEncode("dir/a b~.txt"), "dir%2Fa%20b~.txt");
  EXPECT_EQ(PercentDecode(PercentEncode(std::string("\0\xff/%", 4)), false),
            std::string("\0\xff/%", 4));
}

}  // namespace
}  // namespace estate::service

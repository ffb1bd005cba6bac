#include "service/http/gcs_json.h"

#include <gtest/gtest.h>

#include "engine/ns/base64.h"

namespace estate::service {
namespace {

using nlohmann::json;

TEST(GcsJson, ObjectResourceHasTheFieldsClientsRequire) {
  ObjectMeta m;
  m.bucket = "bkt";
  m.name = "dir/a b.txt";
  m.generation = 7205759403792793601;
  m.metageneration = 2;
  m.size = 11;
  m.crc32c = 0xc99465aa;
  m.md5 = *Base64Decode("XrY7u+Ae7tCTyyK7j1rNww==");
  m.content_type = "text/plain";
  m.metadata = {{"k", "v"}};
  m.create_time = 1'700'000'000'123'000'000;
  m.update_time = m.create_time;
  const json j = ObjectJson(m, "http://h:1");
  EXPECT_EQ(j["kind"], "storage#object");
  EXPECT_EQ(j["generation"], "7205759403792793601");
  EXPECT_EQ(j["metageneration"], "2");
  EXPECT_EQ(j["size"], "11");
  EXPECT_EQ(j["crc32c"], "yZRlqg==");
  EXPECT_EQ(j["md5Hash"], "XrY7u+Ae7tCTyyK7j1rNww==");
  EXPECT_EQ(j["timeCreated"], "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(j["selfLink"], "http://h:1/storage/v1/b/bkt/o/dir%2Fa%20b.txt");
  EXPECT_EQ(j["mediaLink"],
            "http://h:1/download/storage/v1/b/bkt/o/dir%2Fa%20b.txt?generation="
            "7205759403792793601&alt=media");
  EXPECT_EQ(j["metadata"], (json{{"k", "v"}}));
  EXPECT_FALSE(j.contains("timeDeleted"));
}

TEST(GcsJson, ObjectResourceBodiesParseAndErrorsNameTheField) {
  Result<ObjectResource> r = ParseObjectResource(
      R"({"name":"x","contentType":"a/b","metadata":{"k":"v","gone":null,"n":5},)"
      R"("storageClass":"NEARLINE","crc32c":"yZRlqg==","md5Hash":"XrY7u+Ae7tCTyyK7j1rNww==",)"
      R"("cacheControl":"ignored"})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name, "x");
  EXPECT_EQ(r->content_type, "a/b");
  EXPECT_EQ(r->metadata.at("k"), "v");
  EXPECT_EQ(r->metadata.at("gone"), std::nullopt);
  EXPECT_EQ(r->metadata.at("n"), "5");
  EXPECT_EQ(r->storage_class, StorageClass::kNearline);
  EXPECT_EQ(r->crc32c, 0xc99465aau);
  EXPECT_EQ(r->md5->size(), 16u);
  EXPECT_TRUE(ParseObjectResource("").ok());
  EXPECT_TRUE(ParseObjectResource(R"({"metadata":null})")->metadata_null);

  EXPECT_EQ(ParseObjectResource("{").status().message(), "the request body is not valid JSON");
  EXPECT_EQ(ParseObjectResource("[1]").status().message(), ": expected a JSON object, found [1]");
  EXPECT_EQ(ParseObjectResource(R"({"crc32c":"abc"})").status().message(),
            "/crc32c: expected base64 of a 4-byte CRC32C, found \"abc\"");
  EXPECT_EQ(ParseObjectResource(R"({"storageClass":"HOT"})").status().message(),
            "/storageClass: expected STANDARD, NEARLINE, COLDLINE or ARCHIVE, found \"HOT\"");
}

TEST(GcsJson, ComposeRequestsTakeOneToThirtyTwoSources) {
  Result<ComposeRequest> r = ParseComposeRequest(
      R"({"sourceObjects":[{"name":"a","generation":"12","objectPreconditions":)"
      R"({"ifGenerationMatch":12}},{"name":"b"}],"destination":{"contentType":"t/p"}})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->sources.size(), 2u);
  EXPECT_EQ(r->sources[0].generation, 12);
  EXPECT_EQ(r->sources[0].if_generation_match, 12);
  EXPECT_EQ(r->destination.content_type, "t/p");
  EXPECT_EQ(ParseComposeRequest(R"({"sourceObjects":[]})").status().message(),
            "/sourceObjects: expected an array of 1 to 32 source objects, found []");
  EXPECT_EQ(ParseComposeRequest(R"({"sourceObjects":[{"generation":"1"}]})").status().message(),
            "/sourceObjects/0/name: expected the source object's name, found nothing");
  EXPECT_EQ(
      ParseComposeRequest(R"({"sourceObjects":[{"name":"a","generation":"99999999999999999999"}]})")
          .status()
          .message(),
      "/sourceObjects/0/generation: expected an integer (number or decimal string), found "
      "\"99999999999999999999\"");
}

TEST(GcsJson, BucketBodiesAndErrorShape) {
  Result<BucketResource> b = ParseBucketResource(R"({"name":"bkt","versioning":{"enabled":true}})");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->name, "bkt");
  EXPECT_TRUE(b->versioning);
  EXPECT_EQ(ParseBucketResource("{}").status().message(),
            "/name: expected the bucket name as a string, found nothing");
  EXPECT_EQ(
      GcsErrorJson(Status::PreconditionFailed("nope")),
      (json{{"error",
             {{"code", 412},
              {"message", "nope"},
              {"errors",
               {{{"message", "nope"}, {"domain", "global"}, {"reason", "conditionNotMet"}}}}}}}));
}

}  // namespace
}  // namespace estate::service

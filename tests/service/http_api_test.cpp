// The GCS JSON API of one site over real HTTP: buckets, object reads and writes, ranges,
// listing, patch, delete, copy, rewrite, compose and the precondition codes.
#include <gtest/gtest.h>

#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"
#include "service/storage/md5_hasher.h"
#include "tests/service/http_deployment.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::HttpDeployment;
using testing::Json;
using testing::ObjectPath;
using testing::UploadMedia;

MountTable ApiMounts() {
  MountTable t(1);
  MountPolicy p;
  p.mode = ConsistencyMode::kStrong;
  EXPECT_TRUE(t.Add("bkt/", p).ok());
  EXPECT_TRUE(t.Add("vbkt/", p).ok());
  EXPECT_TRUE(t.Add("other/", p).ok());
  return t;
}

class HttpApi : public ::testing::Test {
 protected:
  void SetUp() override {
    c = d.Client(0);
    ASSERT_EQ(testing::CreateBucketHttp(*c, "bkt"), 200);
  }
  std::string Put(const std::string& name, const std::string& bytes) {
    auto r = UploadMedia(*c, "bkt", name, bytes);
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return r ? Json(r)["generation"].get<std::string>() : "";
  }

  HttpDeployment d{1, ApiMounts()};
  std::unique_ptr<httplib::Client> c;
};

TEST_F(HttpApi, BucketsInsertGetListAndDelete) {
  auto got = c->Get("/storage/v1/b/bkt");
  ASSERT_EQ(got->status, 200);
  EXPECT_EQ(Json(got)["name"], "bkt");
  EXPECT_EQ(Json(got)["kind"], "storage#bucket");
  EXPECT_EQ(Json(got)["versioning"]["enabled"], false);

  EXPECT_EQ(testing::CreateBucketHttp(*c, "vbkt", true), 200);
  // The emulator URL form, without /storage/v1.
  auto list = c->Get("/b?project=test");
  ASSERT_EQ(list->status, 200);
  std::vector<std::string> names;
  const json buckets = Json(list);
  for (const json& b : buckets["items"])
    names.push_back(b["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"bkt", "vbkt"}));

  auto again = c->Post("/storage/v1/b?project=test", R"({"name":"bkt"})", "application/json");
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(Json(again)["error"]["errors"][0]["reason"], "conflict");
  auto unmounted = c->Post("/storage/v1/b", R"({"name":"nomount"})", "application/json");
  EXPECT_EQ(unmounted->status, 400);
  EXPECT_NE(Json(unmounted)["error"]["message"].get<std::string>().find("no mount"),
            std::string::npos);

  Put("x", "1");
  EXPECT_EQ(c->Delete("/storage/v1/b/bkt")->status, 409);  // not empty
  EXPECT_EQ(c->Delete(ObjectPath("bkt", "x"))->status, 204);
  EXPECT_EQ(c->Delete("/storage/v1/b/bkt")->status, 204);
  auto gone = c->Get("/storage/v1/b/bkt");
  EXPECT_EQ(gone->status, 404);
  EXPECT_EQ(Json(gone)["error"]["code"], 404);
  EXPECT_EQ(Json(gone)["error"]["errors"][0]["reason"], "notFound");
}

TEST_F(HttpApi, MediaUploadReturnsGcsHashesAndDownloadsWithXGoogHash) {
  auto r = UploadMedia(*c, "bkt", "dir/a.txt", "hello world", "", "text/plain");
  ASSERT_EQ(r->status, 200) << r->body;
  const json o = Json(r);
  EXPECT_EQ(o["name"], "dir/a.txt");
  EXPECT_EQ(o["bucket"], "bkt");
  EXPECT_EQ(o["size"], "11");
  // CRC32C("hello world") = 0xc99465aa; MD5 = 5eb63bbbe01eeed093cb22bb8f5acdc3.
  EXPECT_EQ(o["crc32c"], "yZRlqg==");
  EXPECT_EQ(o["md5Hash"], "XrY7u+Ae7tCTyyK7j1rNww==");
  EXPECT_EQ(o["contentType"], "text/plain");
  EXPECT_EQ(o["metageneration"], "1");
  EXPECT_TRUE(o["generation"].is_string());
  EXPECT_EQ(o["id"], "bkt/dir/a.txt/" + o["generation"].get<std::string>());

  auto meta = c->Get(ObjectPath("bkt", "dir/a.txt"));
  ASSERT_EQ(meta->status, 200);
  EXPECT_EQ(Json(meta)["crc32c"], "yZRlqg==");

  for (const std::string& path :
       std::vector<std::string>{ObjectPath("bkt", "dir/a.txt") + "?alt=media",
                                "/download/storage/v1/b/bkt/o/dir%2Fa.txt?alt=media",
                                "/b/bkt/o/dir%2Fa.txt?alt=media"}) {
    auto media = c->Get(path);
    ASSERT_EQ(media->status, 200) << path;
    EXPECT_EQ(media->body, "hello world");
    EXPECT_EQ(media->get_header_value("x-goog-hash"),
              "crc32c=yZRlqg==,md5=XrY7u+Ae7tCTyyK7j1rNww==");
    EXPECT_EQ(media->get_header_value("Content-Type"), "text/plain");
    EXPECT_EQ(media->get_header_value("x-goog-generation"), o["generation"]);
  }
  // The bytes are never transcoded: the hashes describe them as stored. (Served twice: once
  // from the file, then from the small-body cache.)
  for (int i = 0; i < 2; ++i) {
    auto media = c->Get(ObjectPath("bkt", "dir/a.txt") + "?alt=media",
                        {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(media->status, 200);
    EXPECT_FALSE(media->has_header("Content-Encoding"))
        << media->get_header_value("Content-Encoding");
    EXPECT_EQ(media->get_header_value("Content-Length"), "11");
    EXPECT_EQ(media->body, "hello world");
  }
}

TEST_F(HttpApi, RangedDownloads) {
  Put("r", "hello world");
  const std::string path = ObjectPath("bkt", "r") + "?alt=media";
  struct Case {
    const char* range;
    int status;
    const char* body;
    const char* content_range;
  };
  for (const Case& k : {Case{"bytes=0-4", 206, "hello", "bytes 0-4/11"},
                        Case{"bytes=6-", 206, "world", "bytes 6-10/11"},
                        Case{"bytes=-5", 206, "world", "bytes 6-10/11"},
                        Case{"bytes=3-100", 206, "lo world", "bytes 3-10/11"},
                        Case{"bytes=11-", 416, nullptr, "bytes */11"}}) {
    auto r = c->Get(path, {{"Range", k.range}});
    ASSERT_TRUE(r) << k.range;
    EXPECT_EQ(r->status, k.status) << k.range;
    if (k.body) {
      EXPECT_EQ(r->body, k.body) << k.range;
    }
    EXPECT_EQ(r->get_header_value("Content-Range"), k.content_range) << k.range;
  }
  // A Range on a metadata request changes nothing.
  auto meta = c->Get(ObjectPath("bkt", "r"), {{"Range", "bytes=0-1"}});
  EXPECT_EQ(meta->status, 200);
  EXPECT_EQ(Json(meta)["name"], "r");
}

TEST_F(HttpApi, PreconditionsGiveGcsCodes) {
  const std::string gen = Put("p", "v1");
  // Create-only insert of an existing name.
  EXPECT_EQ(UploadMedia(*c, "bkt", "p", "v2", "&ifGenerationMatch=0")->status, 412);
  EXPECT_EQ(UploadMedia(*c, "bkt", "p", "v2", "&ifGenerationMatch=1")->status, 412);
  auto ok = UploadMedia(*c, "bkt", "p", "v2", "&ifGenerationMatch=" + gen);
  ASSERT_EQ(ok->status, 200);
  const std::string gen2 = Json(ok)["generation"];
  EXPECT_NE(gen2, gen);

  const std::string path = ObjectPath("bkt", "p");
  EXPECT_EQ(c->Get(path + "?ifGenerationMatch=" + gen)->status, 412);
  EXPECT_EQ(c->Get(path + "?ifGenerationMatch=" + gen2)->status, 200);
  EXPECT_EQ(c->Get(path + "?ifGenerationNotMatch=" + gen2)->status, 304);
  EXPECT_EQ(c->Get(path + "?alt=media&ifGenerationNotMatch=" + gen2)->status, 304);
  EXPECT_EQ(c->Get(path + "?ifMetagenerationNotMatch=1")->status, 304);
  EXPECT_EQ(c->Get(path + "?ifMetagenerationMatch=2")->status, 412);
  EXPECT_EQ(c->Get(path + "?alt=media&ifGenerationNotMatch=" + gen)->status, 200);
  EXPECT_EQ(c->Get(ObjectPath("bkt", "absent"))->status, 404);
  EXPECT_EQ(c->Get(ObjectPath("bkt", "absent") + "?ifGenerationMatch=5")->status, 404);
  EXPECT_EQ(c->Get(path + "?ifGenerationMatch=abc")->status, 400);

  EXPECT_EQ(
      c->Patch(path + "?ifMetagenerationMatch=7", R"({"contentType":"a/b"})", "application/json")
          ->status,
      412);
  EXPECT_EQ(c->Delete(path + "?ifGenerationMatch=" + gen)->status, 412);
  EXPECT_EQ(c->Delete(path + "?ifGenerationMatch=" + gen2)->status, 204);
  EXPECT_EQ(c->Delete(path)->status, 404);
}

TEST_F(HttpApi, ListingWithPrefixDelimiterPagingAndOffsets) {
  for (const char* n : {"a/1", "a/2", "a/b/3", "b/4", "c"})
    Put(n, n);
  auto r = c->Get("/storage/v1/b/bkt/o?prefix=a%2F&delimiter=%2F");
  ASSERT_EQ(r->status, 200);
  const json page = Json(r);
  EXPECT_EQ(page["kind"], "storage#objects");
  ASSERT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["name"], "a/1");
  EXPECT_EQ(page["items"][1]["name"], "a/2");
  EXPECT_EQ(page["prefixes"], json::array({"a/b/"}));

  std::vector<std::string> all;
  std::string token;
  int pages = 0;
  do {
    auto p =
        c->Get("/storage/v1/b/bkt/o?maxResults=2" +
               (token.empty() ? "" : "&pageToken=" + httplib::detail::encode_query_param(token)));
    ASSERT_EQ(p->status, 200) << p->body;
    const json j = Json(p);
    for (const json& item : j.value("items", json::array()))
      all.push_back(item["name"]);
    token = j.value("nextPageToken", "");
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(all, (std::vector<std::string>{"a/1", "a/2", "a/b/3", "b/4", "c"}));
  EXPECT_EQ(pages, 3);

  auto ranged = c->Get("/storage/v1/b/bkt/o?startOffset=a%2F2&endOffset=b%2F4");
  std::vector<std::string> names;
  const json listed = Json(ranged);
  for (const json& item : listed["items"])
    names.push_back(item["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"a/2", "a/b/3"}));
}

TEST_F(HttpApi, VersionedListingShowsNoncurrentGenerations) {
  ASSERT_EQ(testing::CreateBucketHttp(*c, "vbkt", true), 200);
  auto first = UploadMedia(*c, "vbkt", "doc", "one");
  auto second = UploadMedia(*c, "vbkt", "doc", "two");
  ASSERT_EQ(second->status, 200);
  auto live = Json(c->Get("/storage/v1/b/vbkt/o"));
  EXPECT_EQ(live["items"].size(), 1u);
  auto all = Json(c->Get("/storage/v1/b/vbkt/o?versions=true"));
  ASSERT_EQ(all["items"].size(), 2u);
  EXPECT_EQ(all["items"][0]["generation"], Json(first)["generation"]);
  EXPECT_TRUE(all["items"][0].contains("timeDeleted"));
  auto old = c->Get(ObjectPath("vbkt", "doc") +
                    "?alt=media&generation=" + Json(first)["generation"].get<std::string>());
  ASSERT_EQ(old->status, 200);
  EXPECT_EQ(old->body, "one");
}

TEST_F(HttpApi, PatchChangesMetadataAndBumpsMetageneration) {
  Put("m", "x");
  const std::string path = ObjectPath("bkt", "m");
  auto r = c->Patch(path, R"({"contentType":"text/csv","metadata":{"team":"retail","k":"v"}})",
                    "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Json(r)["metageneration"], "2");
  EXPECT_EQ(Json(r)["contentType"], "text/csv");
  EXPECT_EQ(Json(r)["metadata"], (json{{"team", "retail"}, {"k", "v"}}));
  r = c->Patch(path, R"({"metadata":{"k":null}})", "application/json");
  EXPECT_EQ(Json(r)["metadata"], (json{{"team", "retail"}}));
  EXPECT_EQ(Json(r)["metageneration"], "3");
  r = c->Patch(path, R"({"metadata":null})", "application/json");
  EXPECT_FALSE(Json(r).contains("metadata"));
  auto bad = c->Patch(path, R"({"metadata":{"k":[1]}})", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json(bad)["error"]["message"], "/metadata/k: expected a string or null, found [1]");
}

TEST_F(HttpApi, CopyRewriteAndComposeKeepBytesAndHashes) {
  Put("src", "hello world");
  c->Patch(ObjectPath("bkt", "src"), R"({"metadata":{"k":"v"}})", "application/json");
  ASSERT_EQ(testing::CreateBucketHttp(*c, "other"), 200);
  auto copy = c->Post(ObjectPath("bkt", "src") + "/copyTo/b/other/o/" +
                          httplib::detail::encode_query_param("dst/copy"),
                      "", "application/json");
  ASSERT_EQ(copy->status, 200) << copy->body;
  EXPECT_EQ(Json(copy)["bucket"], "other");
  EXPECT_EQ(Json(copy)["crc32c"], "yZRlqg==");
  EXPECT_EQ(Json(copy)["metadata"], (json{{"k", "v"}}));
  EXPECT_EQ(c->Get(ObjectPath("other", "dst/copy") + "?alt=media")->body, "hello world");

  auto rewrite = c->Post(ObjectPath("bkt", "src") + "/rewriteTo/b/bkt/o/rw",
                         R"({"contentType":"text/plain"})", "application/json");
  ASSERT_EQ(rewrite->status, 200) << rewrite->body;
  EXPECT_EQ(Json(rewrite)["kind"], "storage#rewriteResponse");
  EXPECT_EQ(Json(rewrite)["done"], true);
  EXPECT_EQ(Json(rewrite)["totalBytesRewritten"], "11");
  EXPECT_EQ(Json(rewrite)["resource"]["contentType"], "text/plain");
  EXPECT_EQ(
      c->Post(ObjectPath("bkt", "absent") + "/copyTo/b/bkt/o/z", "", "application/json")->status,
      404);
  EXPECT_EQ(c->Post(ObjectPath("bkt", "src") + "/copyTo/b/bkt/o/z?ifSourceGenerationMatch=1", "",
                    "application/json")
                ->status,
            412);

  const std::string g1 = Put("part1", "abc");
  Put("part2", "def");
  json compose = {{"sourceObjects",
                   {{{"name", "part1"}, {"objectPreconditions", {{"ifGenerationMatch", g1}}}},
                    {{"name", "part2"}},
                    {{"name", "part1"}}}},
                  {"destination", {{"contentType", "text/plain"}}}};
  auto composed =
      c->Post(ObjectPath("bkt", "whole") + "/compose", compose.dump(), "application/json");
  ASSERT_EQ(composed->status, 200) << composed->body;
  EXPECT_EQ(Json(composed)["size"], "9");
  EXPECT_EQ(Json(composed)["crc32c"], Crc32cToBase64(Crc32c("abcdefabc")));
  EXPECT_EQ(Json(composed)["md5Hash"], Base64Encode(Md5Of("abcdefabc")));
  EXPECT_EQ(c->Get(ObjectPath("bkt", "whole") + "?alt=media")->body, "abcdefabc");

  compose["sourceObjects"][0]["objectPreconditions"]["ifGenerationMatch"] = "1";
  EXPECT_EQ(
      c->Post(ObjectPath("bkt", "whole") + "/compose", compose.dump(), "application/json")->status,
      412);
  json none = {{"sourceObjects", json::array()}};
  auto empty = c->Post(ObjectPath("bkt", "whole") + "/compose", none.dump(), "application/json");
  EXPECT_EQ(empty->status, 400);
  json many = {{"sourceObjects", json::array()}};
  for (int i = 0; i < 33; ++i)
    many["sourceObjects"].push_back({{"name", "part1"}});
  EXPECT_EQ(
      c->Post(ObjectPath("bkt", "whole") + "/compose", many.dump(), "application/json")->status,
      400);
  many["sourceObjects"].erase(32);
  auto thirty_two =
      c->Post(ObjectPath("bkt", "whole") + "/compose", many.dump(), "application/json");
  ASSERT_EQ(thirty_two->status, 200);
  EXPECT_EQ(Json(thirty_two)["size"], "96");
}

TEST_F(HttpApi, UnknownPathsAndMethodsAre404InGcsShape) {
  auto r = c->Get("/storage/v1/nothing");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Json(r)["error"]["errors"][0]["domain"], "global");
  EXPECT_EQ(c->Put("/storage/v1/b/bkt", "", "application/json")->status, 404);
}

}  // namespace
}  // namespace estate::service

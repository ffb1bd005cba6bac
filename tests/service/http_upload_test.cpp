// Object uploads over HTTP in the three forms the official clients use: media, multipart and
// resumable (chunked PUTs, status queries, resuming, a single streaming PUT), with the
// declared-hash checks and the size limits.
#include <gtest/gtest.h>

#include "engine/ns/crc32c.h"
#include "tests/service/http_deployment.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::HttpDeployment;
using testing::Json;
using testing::ObjectPath;
using testing::OneBucketMount;

std::string Pattern(size_t n) {
  std::string s(n, '\0');
  uint32_t x = 12345;
  for (char& c : s) {
    x = x * 1103515245 + 12345;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

// The path of an upload session's Location, without scheme and host.
std::string SessionPath(const httplib::Result& r) {
  const std::string location = r->get_header_value("Location");
  const size_t path = location.find("/upload/");
  return path == std::string::npos ? "" : location.substr(path);
}

class HttpUpload : public ::testing::Test {
 protected:
  void SetUp() override {
    c = d->Client(0);
    ASSERT_EQ(testing::CreateBucketHttp(*c, "bkt"), 200);
  }
  std::string StartSession(const std::string& name, const std::string& body = "{}") {
    auto r = c->Post("/upload/storage/v1/b/bkt/o?uploadType=resumable&name=" + name,
                     {{"X-Upload-Content-Type", "application/x-test"}}, body, "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return r ? SessionPath(r) : "";
  }
  httplib::Result PutChunk(const std::string& session, const std::string& range,
                           const std::string& bytes) {
    return c->Put(session, {{"Content-Range", range}}, bytes, "application/octet-stream");
  }

  ApiLimits limits() {
    ApiLimits l;
    l.max_object_bytes = 1 << 20;
    l.max_json_bytes = 4096;
    l.max_multipart_bytes = 1 << 20;
    return l;
  }
  std::unique_ptr<HttpDeployment> d =
      std::make_unique<HttpDeployment>(1, OneBucketMount(ConsistencyMode::kStrong), limits());
  std::unique_ptr<httplib::Client> c;
};

TEST_F(HttpUpload, MultipartTakesNameAndMetadataFromTheFirstPart) {
  const std::string body =
      "--b0undary\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
      R"({"name":"from-json","contentType":"text/csv","metadata":{"k":"v"}})"
      "\r\n--b0undary\r\nContent-Type: application/octet-stream\r\n\r\na,b\r\n1,2\r\n--b0undary--";
  auto r = c->Post("/upload/storage/v1/b/bkt/o?uploadType=multipart", body,
                   "multipart/related; boundary=b0undary");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Json(r)["name"], "from-json");
  EXPECT_EQ(Json(r)["contentType"], "text/csv");
  EXPECT_EQ(Json(r)["metadata"], (json{{"k", "v"}}));
  EXPECT_EQ(Json(r)["crc32c"], Crc32cToBase64(Crc32c("a,b\r\n1,2")));
  EXPECT_EQ(c->Get(ObjectPath("bkt", "from-json") + "?alt=media")->body, "a,b\r\n1,2");

  // The Node client's shape: the name in the query, not in the metadata.
  const std::string node =
      "--x\r\nContent-Type: application/json\r\n\r\n{}\r\n--x\r\n"
      "Content-Type: text/plain\r\n\r\nhi\r\n--x--";
  auto q = c->Post("/upload/storage/v1/b/bkt/o?uploadType=multipart&name=q%2Fname", node,
                   "multipart/related; boundary=x");
  ASSERT_EQ(q->status, 200) << q->body;
  EXPECT_EQ(Json(q)["name"], "q/name");
  EXPECT_EQ(Json(q)["contentType"], "text/plain");
}

TEST_F(HttpUpload, DeclaredHashesThatDoNotMatchAreRefused) {
  const std::string body =
      "--x\r\nContent-Type: application/json\r\n\r\n{\"crc32c\":\"AAAAAA==\"}\r\n--x\r\n"
      "Content-Type: text/plain\r\n\r\nhello world\r\n--x--";
  auto r = c->Post("/upload/storage/v1/b/bkt/o?uploadType=multipart&name=bad", body,
                   "multipart/related; boundary=x");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Json(r)["error"]["message"],
            "Provided CRC32C \"AAAAAA==\" doesn't match calculated CRC32C \"yZRlqg==\".");
  auto media =
      c->Post("/upload/storage/v1/b/bkt/o?uploadType=media&name=bad",
              {{"x-goog-hash", "md5=XrY7u+Ae7tCTyyK7j1rNww=="}}, "hello World", "text/plain");
  EXPECT_EQ(media->status, 400);
  EXPECT_EQ(c->Get(ObjectPath("bkt", "bad"))->status, 404);
  auto good = c->Post("/upload/storage/v1/b/bkt/o?uploadType=media&name=good",
                      {{"x-goog-hash", "crc32c=yZRlqg==,md5=XrY7u+Ae7tCTyyK7j1rNww=="}},
                      "hello world", "text/plain");
  EXPECT_EQ(good->status, 200);
}

TEST_F(HttpUpload, ResumableChunksStatusQueriesAndResumingFromTheAcknowledgedByte) {
  const std::string data = Pattern(500000);
  const std::string session = StartSession("big.bin");
  ASSERT_FALSE(session.empty());
  auto first = PutChunk(session, "bytes 0-262143/*", data.substr(0, 262144));
  ASSERT_EQ(first->status, 308) << first->body;
  EXPECT_EQ(first->get_header_value("Range"), "bytes=0-262143");
  auto status = PutChunk(session, "bytes */*", "");
  EXPECT_EQ(status->status, 308);
  EXPECT_EQ(status->get_header_value("Range"), "bytes=0-262143");
  // A client that restarted and lost track resends from an earlier byte: the overlap is
  // skipped, nothing is written twice.
  auto again = PutChunk(session, "bytes 100000-399999/*", data.substr(100000, 300000));
  ASSERT_EQ(again->status, 308);
  EXPECT_EQ(again->get_header_value("Range"), "bytes=0-399999");
  // A chunk that would leave a gap is refused.
  EXPECT_EQ(PutChunk(session, "bytes 450000-499999/500000", data.substr(450000))->status, 400);
  auto last = PutChunk(session, "bytes 400000-499999/500000", data.substr(400000));
  ASSERT_EQ(last->status, 200) << last->body;
  const json object = Json(last);
  EXPECT_EQ(object["size"], "500000");
  EXPECT_EQ(object["contentType"], "application/x-test");
  EXPECT_EQ(object["crc32c"], Crc32cToBase64(Crc32c(data)));
  // Asking again after the end gives the same object.
  auto after = PutChunk(session, "bytes */500000", "");
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(Json(after)["generation"], object["generation"]);
  EXPECT_EQ(c->Get(ObjectPath("bkt", "big.bin") + "?alt=media")->body, data);
}

TEST_F(HttpUpload, ASingleStreamingChunkedPutEndsTheUpload) {
  // What @google-cloud/storage sends without chunkSize: Transfer-Encoding: chunked, no length,
  // "Content-Range: bytes 0-*/*"; the end of the body ends the upload.
  const std::string data = Pattern(300001);
  const std::string session =
      StartSession("streamed", R"({"contentType":"image/png","metadata":{"a":"b"}})");
  size_t sent = 0;
  auto r = c->Put(
      session, {{"Content-Range", "bytes 0-*/*"}},
      [&](size_t, httplib::DataSink& sink) {
        if (sent == data.size()) {
          sink.done();
          return true;
        }
        const size_t n = std::min<size_t>(65536, data.size() - sent);
        sink.write(data.data() + sent, n);
        sent += n;
        return true;
      },
      "application/octet-stream");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Json(r)["size"], "300001");
  EXPECT_EQ(Json(r)["contentType"], "image/png");
  EXPECT_EQ(Json(r)["metadata"], (json{{"a", "b"}}));
  EXPECT_EQ(Json(r)["crc32c"], Crc32cToBase64(Crc32c(data)));
}

TEST_F(HttpUpload, CancelledAndUnknownSessions) {
  const std::string session = StartSession("gone");
  EXPECT_EQ(c->Delete(session)->status, 499);
  EXPECT_EQ(PutChunk(session, "bytes */*", "")->status, 404);
  EXPECT_EQ(PutChunk("/upload/storage/v1/b/bkt/o?uploadType=resumable&upload_id=..%2F..%2Fmeta",
                     "bytes */*", "")
                ->status,
            404);
  auto no_bucket = c->Post("/upload/storage/v1/b/nobucket/o?uploadType=resumable&name=x", "{}",
                           "application/json");
  EXPECT_EQ(no_bucket->status, 404);
}

TEST_F(HttpUpload, BodiesOverTheirLimitsAre413) {
  auto big = testing::UploadMedia(*c, "bkt", "big", std::string((1 << 20) + 1, 'x'));
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Json(big)["error"]["errors"][0]["reason"], "uploadTooLarge");
  auto at_limit = testing::UploadMedia(*c, "bkt", "fits", std::string(1 << 20, 'x'));
  EXPECT_EQ(at_limit->status, 200);

  // Without a Content-Length the limit is enforced as the chunks arrive.
  size_t sent = 0;
  auto chunked = c->Post(
      "/upload/storage/v1/b/bkt/o?uploadType=media&name=chunked",
      [&](size_t, httplib::DataSink& sink) {
        if (sent > (1 << 20)) {
          sink.done();
          return true;
        }
        std::string block(65536, 'y');
        sink.write(block.data(), block.size());
        sent += block.size();
        return true;
      },
      "application/octet-stream");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 413);

  auto json_body = c->Post("/storage/v1/b", std::string(5000, ' '), "application/json");
  EXPECT_EQ(json_body->status, 413);
  auto declared = c->Post("/upload/storage/v1/b/bkt/o?uploadType=resumable&name=x",
                          {{"X-Upload-Content-Length", "2000000"}}, "{}", "application/json");
  EXPECT_EQ(declared->status, 413);
  const std::string session = StartSession("grows");
  EXPECT_EQ(PutChunk(session, "bytes 0-999999/*", std::string(1000000, 'z'))->status, 308);
  EXPECT_EQ(PutChunk(session, "bytes 1000000-1099999/*", std::string(100000, 'z'))->status, 413);
  EXPECT_EQ(c->Get(ObjectPath("bkt", "big"))->status, 404);
}

TEST_F(HttpUpload, AResumableUploadSurvivesARestartOfTheService) {
  const std::string data = Pattern(200000);
  const std::string session = StartSession("across-restart");
  ASSERT_EQ(PutChunk(session, "bytes 0-99999/*", data.substr(0, 100000))->status, 308);
  d->Restart(0);
  c = d->Client(0);
  auto status = PutChunk(session, "bytes */*", "");
  ASSERT_EQ(status->status, 308);
  EXPECT_EQ(status->get_header_value("Range"), "bytes=0-99999");
  // Until the restarted site has a strong-mode leader again the final request is refused with
  // 503, and the session stays resumable; a client retries.
  auto last = PutChunk(session, "bytes 100000-199999/200000", data.substr(100000));
  for (int retry = 0; retry < 100 && last->status == 503; ++retry) {
    usleep(50 * 1000);
    last = PutChunk(session, "bytes */200000", "");
  }
  ASSERT_EQ(last->status, 200) << last->body;
  EXPECT_EQ(Json(last)["crc32c"], Crc32cToBase64(Crc32c(data)));
  EXPECT_EQ(c->Get(ObjectPath("bkt", "across-restart") + "?alt=media")->body, data);
}

}  // namespace
}  // namespace estate::service

// Bearer-token authentication (401 without a token, 403 with a wrong one) and object names
// that try to escape the data directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/service/http_deployment.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::HttpDeployment;
using testing::Json;
using testing::ObjectPath;
using testing::OneBucketMount;

TEST(HttpSecurity, MissingTokenIs401WrongTokenIs403InGcsShape) {
  HttpDeployment d(1, OneBucketMount(ConsistencyMode::kStrong));
  auto anonymous = d.Client(0, "");
  auto r = anonymous->Get("/storage/v1/b");
  ASSERT_EQ(r->status, 401);
  EXPECT_EQ(Json(r)["error"]["code"], 401);
  EXPECT_EQ(Json(r)["error"]["errors"][0]["reason"], "required");
  EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer realm=\"estate\"");
  // An upload without a token is refused before any byte is stored.
  EXPECT_EQ(testing::UploadMedia(*anonymous, "bkt", "x", "data")->status, 401);

  auto wrong = d.Client(0, "token-for-test");  // one character short
  auto w = wrong->Get("/storage/v1/b");
  ASSERT_EQ(w->status, 403);
  EXPECT_EQ(Json(w)["error"]["errors"][0]["reason"], "forbidden");

  EXPECT_EQ(d.Client(0, "second-token")->Get("/storage/v1/b")->status, 200);
  EXPECT_EQ(anonymous->Get("/healthz")->status, 200);
  EXPECT_EQ(anonymous->Get("/metrics")->status, 401);
  auto metrics = d.Client(0)->Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  EXPECT_NE(
      metrics->body.find("estate_http_requests_total{operation=\"buckets.list\",code=\"401\"} 1"),
      std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("estate_replication_lag_seconds"), std::string::npos);
}

TEST(HttpSecurity, TraversalNamesAreStoredAsNamesAndNeverAsPaths) {
  HttpDeployment d(1, OneBucketMount(ConsistencyMode::kStrong));
  auto c = d.Client(0);
  ASSERT_EQ(testing::CreateBucketHttp(*c, "bkt"), 200);
  const std::vector<std::string> names = {"../../../../../../etc/passwd",
                                          "..\\..\\windows\\system32",
                                          "a/../../b",
                                          "/abs/path",
                                          "%2e%2e%2f%2e%2e%2f",
                                          "dir/./x",
                                          "~/.ssh/authorized_keys",
                                          "name\twith\x01controls",
                                          "\xc3\xbcnic\xc3\xb6"
                                          "de/../../\xe2\x80\xa6",
                                          "meta/CURRENT",
                                          "objects/00/x"};
  for (size_t i = 0; i < names.size(); ++i) {
    auto r = testing::UploadMedia(*c, "bkt", names[i], "payload " + std::to_string(i));
    ASSERT_EQ(r->status, 200) << names[i] << ": " << r->body;
    EXPECT_EQ(Json(r)["name"], names[i]);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    auto r = c->Get(ObjectPath("bkt", names[i]) + "?alt=media");
    ASSERT_EQ(r->status, 200) << names[i];
    EXPECT_EQ(r->body, "payload " + std::to_string(i)) << names[i];
  }
  const json listed = Json(c->Get("/storage/v1/b/bkt/o"));
  EXPECT_EQ(listed["items"].size(), names.size());

  // Every file the site wrote is inside its data directory, in the layout it owns: RocksDB
  // under meta/, object bytes under objects/<2 hex>/<content address>.
  const std::filesystem::path root = std::filesystem::path(d.data_dir(0)).parent_path();
  const std::regex allowed(
      "site0/(meta/[^/]+|objects/[0-9a-f]{2}/[0-9a-f]{32}-[0-9a-f]{8}-[0-9]+|uploads/[0-9a-f]{32}"
      "\\.(json|part|done))");
  size_t objects = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = std::filesystem::relative(e.path(), root).string();
    EXPECT_TRUE(std::regex_match(rel, allowed)) << rel;
    objects += rel.rfind("site0/objects/", 0) == 0;
  }
  EXPECT_EQ(objects, names.size());
}

TEST(HttpSecurity, TlsServesTheApiOverHttpsOnly) {
  testing::ScratchDir certs;
  const std::string cert = certs.sub("cert.pem");
  const std::string key = certs.sub("key.pem");
  const std::string make =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-keyout " +
      key + " -out " + cert + " 2>/dev/null";
  if (std::system(make.c_str()) != 0) GTEST_SKIP() << "no openssl command to make a certificate";
  testing::LoopbackSites sites(1, OneBucketMount(ConsistencyMode::kStrong));
  auto uploads = UploadSessions::Open(sites.data_dir(0) + "/uploads", sites.site(0).objects());
  ASSERT_TRUE(uploads.ok());
  JsonLog log(0, LogLevel::kError);
  HttpOptions o;
  o.tokens = {testing::kToken};
  o.tls_cert_file = cert;
  o.tls_key_file = key;
  GcsServer server(sites.site(0), **uploads, log, o);
  ASSERT_TRUE(server.Start().ok());

  httplib::SSLClient tls("127.0.0.1", server.port());
  tls.enable_server_certificate_verification(false);  // self-signed for the test
  tls.set_bearer_token_auth(testing::kToken);
  ASSERT_EQ(testing::CreateBucketHttp(tls, "bkt"), 200);
  auto put = testing::UploadMedia(tls, "bkt", "secret.txt", "over tls");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  EXPECT_EQ(Json(put)["selfLink"].get<std::string>().rfind("https://", 0), 0u);
  EXPECT_EQ(tls.Get(ObjectPath("bkt", "secret.txt") + "?alt=media")->body, "over tls");

  httplib::Client plain("127.0.0.1", server.port());
  plain.set_read_timeout(2, 0);
  auto r = plain.Get("/healthz");
  EXPECT_TRUE(!r || r->status != 200);
  server.Stop();
}

}  // namespace
}  // namespace estate::service

#include "service/config/serve_config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/service/scratch_dir.h"

namespace estate::service {
namespace {

using nlohmann::json;

json ThreeSites() {
  return json::parse(R"({
    "site": "site-b",
    "data_dir": "data/b",
    "listen": "127.0.0.1:8082",
    "sites": [
      {"id": "site-a", "kind": "onprem", "peer": "127.0.0.1:7101", "cache": "1GiB"},
      {"id": "site-b", "kind": "onprem", "peer": "[::1]:7102", "eviction": "s3-fifo"},
      {"id": "gcp", "kind": "gcp", "peer": "gcp.example:7100"}
    ],
    "secret": "0123456789abcdef-shared",
    "auth": {"tokens": ["a-token-of-16-chars"]},
    "mounts": [
      {"path": "lake/", "home": "gcp", "replicas": ["site-a", "site-b"], "consistency": "eventual"},
      {"path": "lake/pos/", "home": "site-a", "replicas": ["site-b"], "consistency": "sync-sites"}
    ],
    "limits": {"max_object_size": "10MiB", "request_timeout": "5s"},
    "timing": {"raft_heartbeat": "100ms", "election_timeout": "1s"},
    "log_level": "warning"
  })");
}

TEST(ServeConfig, ReadsAThreeSiteDeploymentWithSiteIdsAsInTheSimulator) {
  Result<ServeConfig> c = ParseServeConfig(ThreeSites(), "b.json", "/etc/estate");
  ASSERT_TRUE(c.ok()) << c.status().message();
  // The GCP site is 0; on-prem sites follow in the order listed.
  EXPECT_EQ(c->site_names, (std::vector<std::string>{"gcp", "site-a", "site-b"}));
  EXPECT_EQ(c->site.self, 2);
  EXPECT_EQ(c->site.data_dir, "/etc/estate/data/b");
  EXPECT_EQ(c->site.peer_listen_host, "::1");
  EXPECT_EQ(c->site.peer_listen_port, 7102);
  ASSERT_EQ(c->site.peers.size(), 2u);
  EXPECT_EQ(c->site.peers.at(0).host, "gcp.example");
  EXPECT_EQ(c->site.peers.at(1).port, 7101);
  EXPECT_EQ(c->http.host, "127.0.0.1");
  EXPECT_EQ(c->http.port, 8082);
  EXPECT_EQ(c->http.tokens, (std::vector<std::string>{"a-token-of-16-chars"}));
  EXPECT_EQ(c->http.limits.max_object_bytes, 10u << 20);
  EXPECT_EQ(c->http.limits.request_timeout, 5 * kSecond);
  EXPECT_EQ(c->site.engine.raft.heartbeat_interval, 100 * kMillisecond);
  EXPECT_EQ(c->site.engine.raft.election_timeout_max, 2 * kSecond);
  EXPECT_EQ(c->site.engine.caches.at(1).options.capacity_bytes, 1u << 30);
  EXPECT_EQ(c->site.engine.caches.at(2).policy, EvictionPolicy::kS3Fifo);
  EXPECT_EQ(c->log_level, LogLevel::kWarning);
  Result<ResolvedMount> pos = c->site.engine.mounts.Resolve("lake", "pos/till-1");
  ASSERT_TRUE(pos.ok());
  EXPECT_EQ(pos->mount->policy.mode, ConsistencyMode::kSyncSites);
  EXPECT_EQ(pos->mount->policy.home, 1);
}

TEST(ServeConfig, EveryErrorNamesTheFileThePointerAndWhatWasExpected) {
  json doc = ThreeSites();
  doc["site"] = "site-z";
  doc["listen"] = "localhost";
  doc["secret"] = "short";
  doc["auth"] = json::object();
  doc["mounts"][0]["consistency"] = "linearizable";
  doc["mounts"][1]["home"] = "site-q";
  doc["sites"][2]["kind"] = "onprem";
  doc["surprise"] = 1;
  Result<ServeConfig> c = ParseServeConfig(doc, "conf/b.json", ".");
  ASSERT_FALSE(c.ok());
  const std::string m = c.status().message();
  for (const char* line : {
           "conf/b.json: /auth/tokens: expected at least one bearer token (or \"disabled\": true), "
           "found nothing",
           "conf/b.json: /listen: expected an address such as \"127.0.0.1:8080\", found "
           "\"localhost\"",
           "conf/b.json: /mounts/0/consistency: expected one of strong, sync-sites, "
           "bounded-staleness, session, eventual, found \"linearizable\"",
           "conf/b.json: /mounts/1/home: expected the id of a site in \"sites\", found \"site-q\"",
           "conf/b.json: /secret: expected a shared secret of at least 16 bytes, found 5 bytes",
           "conf/b.json: /site: expected the id of a site in \"sites\", found \"site-z\"",
           "conf/b.json: /sites: expected exactly one site of kind \"gcp\", found 0",
           "conf/b.json: /surprise: expected one of the fields",
       }) {
    EXPECT_NE(m.find(line), std::string::npos) << line << "\n--- in ---\n" << m;
  }
}

TEST(ServeConfig, SecretsComeFromAFileRelativeToTheConfig) {
  testing::ScratchDir dir;
  std::ofstream(dir.sub("peer-secret")) << "from-a-file-0123456789\n";
  json doc = ThreeSites();
  doc.erase("secret");
  doc["secret_file"] = "peer-secret";
  std::ofstream(dir.sub("b.json")) << doc.dump();
  Result<ServeConfig> c = LoadServeConfig(dir.sub("b.json"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->site.secret, "from-a-file-0123456789");

  std::ofstream(dir.sub("broken.json")) << "{\"site\": ";
  Result<ServeConfig> broken = LoadServeConfig(dir.sub("broken.json"));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().message().rfind(dir.sub("broken.json") + ": not valid JSON: ", 0), 0u)
      << broken.status().message();
  EXPECT_EQ(LoadServeConfig(dir.sub("absent.json")).status().message(),
            dir.sub("absent.json") + ": cannot read the file");
}

}  // namespace
}  // namespace estate::service

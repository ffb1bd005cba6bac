// HttpDeployment: LoopbackSites with each site's GCS JSON API front end on an ephemeral
// loopback port, and httplib clients that talk to them as a GCS client would.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "service/http/gcs_server.h"
#include "service/storage/upload_sessions.h"
#include "tests/service/loopback_sites.h"

namespace estate::service::testing {

constexpr char kToken[] = "token-for-tests";

class HttpDeployment {
 public:
  HttpDeployment(int sites, MountTable mounts, ApiLimits limits = {})
      : sites_(sites, std::move(mounts)), log_(-1, LogLevel::kError), limits_(limits) {
    for (int s = 0; s < sites; ++s)
      StartHttp(static_cast<SiteId>(s));
  }
  ~HttpDeployment() {
    for (auto& [id, front] : fronts_)
      front.server->Stop();
  }

  LoopbackSites& sites() { return sites_; }
  int port(SiteId id) const { return fronts_.at(id).server->port(); }
  GcsServer& server(SiteId id) { return *fronts_.at(id).server; }
  std::string data_dir(SiteId id) const { return sites_.data_dir(id); }

  // A client of site `id` that sends the test token.
  std::unique_ptr<httplib::Client> Client(SiteId id, const std::string& token = kToken) const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port(id));
    if (!token.empty()) c->set_bearer_token_auth(token);
    c->set_read_timeout(30, 0);
    c->set_write_timeout(30, 0);
    return c;
  }

  // Stops site id's front end and engine (as a clean shutdown), then starts both again on
  // the same data directory.
  void Restart(SiteId id) {
    Stop(id);
    Start(id);
  }
  // Opens a stopped site again on its data directory, with its front end.
  void Start(SiteId id) {
    sites_.Open(id);
    StartHttp(id);
  }
  void Stop(SiteId id) {
    fronts_.at(id).server->Stop();
    fronts_.erase(id);
    sites_.Close(id);
  }

 private:
  struct Front {
    std::unique_ptr<UploadSessions> uploads;
    std::unique_ptr<GcsServer> server;
  };

  void StartHttp(SiteId id) {
    Front f;
    auto uploads = UploadSessions::Open(data_dir(id) + "/uploads", sites_.site(id).objects());
    ASSERT_TRUE(uploads.ok()) << uploads.status().ToString();
    f.uploads = std::move(*uploads);
    HttpOptions o;
    o.tokens = {kToken, "second-token"};
    o.limits = limits_;
    o.threads = 8;
    f.server = std::make_unique<GcsServer>(sites_.site(id), *f.uploads, log_, o);
    Status s = f.server->Start();
    ASSERT_TRUE(s.ok()) << s.ToString();
    fronts_[id] = std::move(f);
  }

  LoopbackSites sites_;
  JsonLog log_;
  ApiLimits limits_;
  std::map<SiteId, Front> fronts_;
};

// The single-site suites' mount table: bucket "bkt" in `mode`.
inline MountTable OneBucketMount(ConsistencyMode mode) {
  MountTable t(1);
  MountPolicy p;
  p.mode = mode;
  EXPECT_TRUE(t.Add("bkt/", p).ok());
  return t;
}

inline nlohmann::json Json(const httplib::Result& r) {
  if (!r) return nlohmann::json();
  return nlohmann::json::parse(r->body, nullptr, false);
}

// Creates a bucket through site `at` (retrying while no strong-mode leader is elected).
template <typename HttpClient>  // httplib::Client or httplib::SSLClient
int CreateBucketHttp(HttpClient& c, const std::string& name, bool versioning = false) {
  const std::string body =
      nlohmann::json{{"name", name}, {"versioning", {{"enabled", versioning}}}}.dump();
  int status = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto r = c.Post("/storage/v1/b?project=test", body, "application/json");
    status = r ? r->status : 0;
    if (status != 503 && status != 0) return status;
    usleep(100 * 1000);
  }
  return status;
}

template <typename HttpClient>
httplib::Result UploadMedia(HttpClient& c, const std::string& bucket, const std::string& name,
                            const std::string& bytes, const std::string& extra_query = "",
                            const std::string& content_type = "application/octet-stream") {
  return c.Post("/upload/storage/v1/b/" + bucket + "/o?uploadType=media&name=" +
                    httplib::detail::encode_query_param(name) + extra_query,
                bytes, content_type);
}

inline std::string ObjectPath(const std::string& bucket, const std::string& name) {
  return "/storage/v1/b/" + bucket + "/o/" + httplib::detail::encode_query_param(name);
}

}  // namespace estate::service::testing

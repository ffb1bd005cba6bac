// LoopbackSites: a deployment of ServiceSites in one test process, on loopback with ephemeral
// ports: site 0 is the GCP region, the others on-prem sites. Sites can be closed and opened
// again on the same data directory and port, as a restart would.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <vector>

#include "service/site/service_site.h"
#include "tests/service/scratch_dir.h"

namespace estate::service::testing {

inline MountPolicy EventualEverywhere(int sites) {
  MountPolicy p;
  p.mode = ConsistencyMode::kEventual;
  p.home = kGcpSite;
  for (int s = 1; s < sites; ++s)
    p.replicas.add(static_cast<SiteId>(s));
  return p;
}

class LoopbackSites {
 public:
  // `mounts` is the deployment's mount table, shared by every site.
  LoopbackSites(int sites, MountTable mounts) : log_(-1, LogLevel::kError) {
    for (int s = 0; s < sites; ++s)
      engine_.sites.push_back(static_cast<SiteId>(s));
    engine_.mounts = std::move(mounts);
    for (int s = 1; s < sites; ++s)
      engine_.caches[static_cast<SiteId>(s)].options.capacity_bytes = 1ull << 30;
    // Quick retries: a transfer lost while a site was down is sent again within a second.
    engine_.data.ack_timeout_base = 1 * kSecond;
    for (int s = 0; s < sites; ++s)
      Open(static_cast<SiteId>(s));
  }

  ServiceSite& site(SiteId id) { return *sites_.at(id); }
  bool up(SiteId id) const { return sites_.count(id) > 0; }
  std::string data_dir(SiteId id) const { return dir_.sub("site" + std::to_string(id)); }
  EngineOptions& engine_options() { return engine_; }

  // Opens (or reopens, on its data and port) site id and tells every site where it is.
  void Open(SiteId id) {
    SiteOptions o;
    o.self = id;
    o.data_dir = data_dir(id);
    o.engine = engine_;
    o.secret = "loopback-test-secret-0123456789";
    o.peer_listen_port = ports_.count(id) ? ports_[id] : 0;
    o.link.backoff_min = 10 * kMillisecond;
    o.link.backoff_max = 200 * kMillisecond;
    for (const auto& [peer, port] : ports_) {
      if (peer != id) o.peers[peer] = PeerAddress{"127.0.0.1", port};
    }
    auto opened = ServiceSite::Open(o, log_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    ports_[id] = (*opened)->peer_port();
    sites_[id] = std::move(*opened);
    for (auto& [other, site] : sites_) {
      if (other != id) site->SetPeer(id, PeerAddress{"127.0.0.1", ports_[id]});
    }
  }
  void Close(SiteId id) { sites_.erase(id); }

 private:
  ScratchDir dir_;
  JsonLog log_;
  EngineOptions engine_;
  std::map<SiteId, int> ports_;
  std::map<SiteId, std::unique_ptr<ServiceSite>> sites_;
};

}  // namespace estate::service::testing

namespace estate::service::testing {

constexpr DurationNs kCallTimeout = 10 * kSecond;

// Creates a bucket through site `at`; a strong-mode leader may not be elected yet, so it
// retries refusals for a while. Returns the last status.
inline Status CreateBucket(ServiceSite& at, const std::string& bucket, bool versioning = false) {
  Status last;
  for (int attempt = 0; attempt < 100; ++attempt) {
    Result<bool> r = at.Call<bool>(kCallTimeout, [&](EngineNode& e, ClientContext&, auto done) {
      e.CreateBucket(bucket, versioning, [done](Status s) {
        if (s.ok()) return done(true);
        done(s);
      });
    });
    if (r.ok()) return Status::Ok();
    last = r.status();
    if (!last.IsUnavailable()) return last;
    usleep(100 * 1000);
  }
  return last;
}

// Waits until every open site has applied the bucket's creation (followers of the strong-mode
// log apply it a heartbeat after the leader).
inline bool BucketEverywhere(LoopbackSites& sites, int count, const std::string& bucket) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    bool all = true;
    for (SiteId s = 0; s < count; ++s) {
      if (!sites.up(s)) continue;
      Result<bool> known = sites.site(s).Inspect<bool>(
          kCallTimeout, [&](const EngineNode& e) { return e.ns().GetBucket(bucket).ok(); });
      all = all && known.ok() && *known;
    }
    if (all) return true;
    usleep(20 * 1000);
  }
  return false;
}

// Stores bytes at site `at` and inserts bucket/name with them, as the HTTP front end does.
inline Result<ObjectMeta> PutObject(ServiceSite& at, const std::string& bucket,
                                    const std::string& name, const std::string& bytes) {
  auto writer = at.objects().NewWriter();
  if (!writer.ok()) return writer.status();
  Status s = (*writer)->Append(bytes);
  if (!s.ok()) return s;
  Result<ContentAddress> address = (*writer)->Commit();
  if (!address.ok()) return address.status();
  ObjectWrite w;
  w.size = address->size;
  w.crc32c = address->crc32c;
  w.md5 = address->md5;
  return at.Call<ObjectMeta>(kCallTimeout, [&](EngineNode& e, ClientContext& ctx, auto done) {
    e.Insert(ctx, bucket, name, w, {}, done);
  });
}

}  // namespace estate::service::testing

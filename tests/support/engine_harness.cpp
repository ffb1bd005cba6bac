#include "tests/support/engine_harness.h"

#include "engine/ns/crc32c.h"

namespace estate::testing {
namespace {

ClusterOptions DeploymentCluster(uint64_t seed, FaultOptions faults, int sites) {
  ClusterOptions o;
  o.nodes = sites;
  o.seed = seed;
  o.default_latency = 10 * kMillisecond;
  o.faults = faults;
  return o;
}

MountPolicy Policy(ConsistencyMode mode, int sites) {
  MountPolicy p;
  p.home = kGcpSite;
  // Every on-prem site replicates.
  p.replicas = SiteSet(((uint32_t{1} << sites) - 1) & ~uint32_t{1});
  p.mode = mode;
  p.staleness.max_versions = 50;
  p.staleness.max_lag = 2 * kSecond;
  return p;
}

}  // namespace

std::string PrefixFor(ConsistencyMode mode) {
  switch (mode) {
    case ConsistencyMode::kStrong:
      return "strong/";
    case ConsistencyMode::kSyncSites:
      return "sync/";
    case ConsistencyMode::kBoundedStaleness:
      return "bounded/";
    case ConsistencyMode::kSession:
      return "session/";
    case ConsistencyMode::kEventual:
      return "eventual/";
  }
  return "";
}

uint32_t ContentCrc(const std::string& content) {
  return Crc32c(content);
}

EngineHarness::EngineHarness(uint64_t seed, FaultOptions faults, EngineOptions base, int sites)
    : options_(std::move(base)),
      cluster_(DeploymentCluster(seed, faults, sites)),
      nodes_(sites),
      sites_(sites) {
  options_.sites.clear();
  for (int s = 0; s < sites; ++s)
    options_.sites.push_back(static_cast<SiteId>(s));
  if (options_.mounts.mounts().empty()) {
    options_.mounts = MountTable(sites);
    for (ConsistencyMode m :
         {ConsistencyMode::kStrong, ConsistencyMode::kSyncSites, ConsistencyMode::kBoundedStaleness,
          ConsistencyMode::kSession, ConsistencyMode::kEventual}) {
      options_.mounts.Add("lake/" + PrefixFor(m), Policy(m, sites));
    }
  }
  // On-prem sites are 15 ms apart one way (30 ms round trip); each is 10 ms from GCP.
  for (SiteId a = 1; a < sites; ++a) {
    for (SiteId b = a + 1; b < sites; ++b)
      cluster_.SetLatency(a, b, 15 * kMillisecond);
  }
  cluster_.SetRestartHandler([this](NodeId n) { Create(n); });
  for (SiteId s = 0; s < sites; ++s)
    Create(s);
}

void EngineHarness::Create(SiteId s) {
  nodes_[s] = std::make_unique<EngineNode>(cluster_.runtime(s), options_);
  Status st = nodes_[s]->Start();
  if (!st.ok()) cluster_.AddLog(s, "start failed: " + st.ToString());
}

template <typename T>
Result<T> EngineHarness::Wait(std::function<void(std::function<void(Result<T>)>)> start,
                              DurationNs within) {
  std::optional<Result<T>> got;
  const TimeNs t0 = cluster_.Now();
  start([&got](Result<T> r) { got.emplace(std::move(r)); });
  cluster_.RunUntil([&] { return got.has_value(); }, t0 + within);
  last_latency_ = cluster_.Now() - t0;
  if (!got) return Status::Unavailable("harness timeout");
  return std::move(*got);
}

bool EngineHarness::Boot() {
  const TimeNs deadline = cluster_.Now() + 10 * kSecond;
  while (cluster_.Now() < deadline) {
    Result<ObjectMeta> r = Wait<ObjectMeta>(
        [this](std::function<void(Result<ObjectMeta>)> done) {
          node(kGcpSite).CreateBucket("lake", false, [done](Status s) {
            if (s.ok() || s.IsConflict()) return done(ObjectMeta{});
            done(s);
          });
        },
        2 * kSecond);
    if (r.ok()) return Quiesce();
    cluster_.RunFor(200 * kMillisecond);
  }
  return false;
}

Result<ObjectMeta> EngineHarness::Insert(SiteId site, ClientContext& ctx, const std::string& name,
                                         const std::string& content, Preconditions pre,
                                         DurationNs within) {
  ObjectWrite w;
  w.size = content.size();
  w.crc32c = ContentCrc(content);
  w.content_type = "text/plain";
  return Wait<ObjectMeta>(
      [&](std::function<void(Result<ObjectMeta>)> done) {
        node(site).Insert(ctx, "lake", name, w, pre, done);
      },
      within);
}

Result<ObjectMeta> EngineHarness::Get(SiteId site, ClientContext& ctx, const std::string& name,
                                      DurationNs within) {
  return Wait<ObjectMeta>(
      [&](std::function<void(Result<ObjectMeta>)> done) {
        node(site).Get(ctx, "lake", name, std::nullopt, {}, done);
      },
      within);
}

Result<ObjectMeta> EngineHarness::Delete(SiteId site, ClientContext& ctx, const std::string& name,
                                         DurationNs within) {
  return Wait<ObjectMeta>(
      [&](std::function<void(Result<ObjectMeta>)> done) {
        node(site).Delete(ctx, "lake", name, std::nullopt, {}, done);
      },
      within);
}

bool EngineHarness::Quiesce(DurationNs within) {
  auto quiet = [this] {
    for (SiteId a = 0; a < sites_; ++a) {
      if (!cluster_.IsUp(a)) continue;
      for (SiteId b = 0; b < sites_; ++b) {
        if (a == b || !cluster_.IsUp(b)) continue;
        if (node(a).stream().applied_seq(b) != node(a).stream().last_seq()) return false;
        if (node(b).raft().applied_index() < node(a).raft().commit_index()) return false;
      }
    }
    return true;
  };
  return cluster_.RunUntil(quiet, cluster_.Now() + within);
}

}  // namespace estate::testing

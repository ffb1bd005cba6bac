// EngineHarness: the default deployment (GCP = site 0, on-prem site-a = 1, site-b = 2, and
// optionally more on-prem sites) of
// real EngineNodes on a TestCluster, with one mount per consistency mode in bucket "lake":
// "lake/strong/", "lake/sync/", "lake/bounded/", "lake/session/", "lake/eventual/".
// One-way latencies: GCP to each site 10 ms, site-a to site-b 15 ms (30 ms round trip).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/node/engine_node.h"
#include "tests/support/test_cluster.h"

namespace estate::testing {

inline constexpr SiteId kSiteA = 1;
inline constexpr SiteId kSiteB = 2;

// "lake/<mode>/" for a mode, e.g. PrefixFor(kSession) == "session/".
std::string PrefixFor(ConsistencyMode mode);

class EngineHarness {
 public:
  // `sites`: the GCP site plus sites - 1 on-prem sites (default two).
  explicit EngineHarness(uint64_t seed, FaultOptions faults = {}, EngineOptions base = {},
                         int sites = 3);
  int sites() const { return sites_; }

  TestCluster& cluster() { return cluster_; }
  EngineNode& node(SiteId s) { return *nodes_.at(s); }
  const EngineOptions& options() const { return options_; }
  void Crash(SiteId s) { cluster_.Crash(s); }
  void Restart(SiteId s) { cluster_.Restart(s); }

  // Runs until a strong-mode leader exists and the "lake" bucket is created. False if not.
  bool Boot();

  // Synchronous helpers: issue at `site`, run the cluster until the callback, return the
  // result (503 "harness timeout" when none arrives within `within`).
  Result<ObjectMeta> Insert(SiteId site, ClientContext& ctx, const std::string& name,
                            const std::string& content, Preconditions pre = {},
                            DurationNs within = 5 * kSecond);
  Result<ObjectMeta> Get(SiteId site, ClientContext& ctx, const std::string& name,
                         DurationNs within = 5 * kSecond);
  Result<ObjectMeta> Delete(SiteId site, ClientContext& ctx, const std::string& name,
                            DurationNs within = 5 * kSecond);
  // Time the last synchronous call took.
  DurationNs last_latency() const { return last_latency_; }

  // Runs until every up node has applied every other up node's stream and the strong log,
  // or `within` passes. Returns true when quiescent.
  bool Quiesce(DurationNs within = 10 * kSecond);

 private:
  void Create(SiteId s);
  template <typename T>
  Result<T> Wait(std::function<void(std::function<void(Result<T>)>)> start, DurationNs within);

  EngineOptions options_;
  TestCluster cluster_;
  std::vector<std::unique_ptr<EngineNode>> nodes_;
  DurationNs last_latency_ = 0;
  int sites_ = 3;
};

// The object's content digest as the harness writes it: CRC32C of the content.
uint32_t ContentCrc(const std::string& content);

}  // namespace estate::testing

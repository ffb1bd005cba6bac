// Policies a mount point carries: where data lives, how metadata is kept consistent, how
// bytes move and how site caches behave. The mount table resolves a name to one of these;
// the replication layer (engine/repl) implements them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/site.h"
#include "engine/time.h"

namespace estate {

enum class ConsistencyMode : uint8_t {
  kStrong,            // majority-quorum replicated log; linearizable
  kSyncSites,         // every on-prem replica applies before ack; async write-back to GCS
  kBoundedStaleness,  // async ordered log; local reads within K versions and T seconds
  kSession,           // read-your-writes and monotonic reads through HLC session tokens
  kEventual,          // async; last writer wins by HLC timestamp, site id breaks ties
};

// "strong", "sync-sites", "bounded-staleness", "session", "eventual".
const char* ConsistencyModeName(ConsistencyMode m);
std::optional<ConsistencyMode> ParseConsistencyMode(std::string_view name);

// How bytes reach a site.
enum class Placement : uint8_t {
  kReplicateOnWrite,  // pushed to every replica site when written or ingested (prefetch)
  kReadThrough,       // fetched from the home on the first read at a site
};
const char* PlacementName(Placement p);
std::optional<Placement> ParsePlacement(std::string_view name);

enum class EvictionPolicy : uint8_t { kLru, kS3Fifo };
const char* EvictionPolicyName(EvictionPolicy p);
std::optional<EvictionPolicy> ParseEvictionPolicy(std::string_view name);

struct BoundedStaleness {
  int64_t max_versions = 100;        // K
  DurationNs max_lag = 5 * kSecond;  // T
};

struct CachePolicy {
  // Prefixes, relative to the mount path, whose bytes a site cache never evicts.
  std::vector<std::string> pinned_prefixes;
};

struct MountPolicy {
  // Where the authoritative copy lives: kGcpSite for the GCS system of record, or an on-prem
  // site for data born on-prem.
  SiteId home = kGcpSite;
  SiteSet replicas;  // sites that replicate this mount (the home is implied)
  ConsistencyMode mode = ConsistencyMode::kStrong;
  BoundedStaleness staleness;  // used by kBoundedStaleness only
  Placement placement = Placement::kReplicateOnWrite;
  bool write_back = true;  // on-prem writes are written back to GCS asynchronously
  int priority = 0;        // replication queue priority; higher drains first
  CachePolicy cache;
};

}  // namespace estate

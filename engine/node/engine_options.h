// EngineOptions: the deployment an engine node belongs to and the knobs of its protocols.
// Every site is given the same options except `self`, which the runtime supplies.
#pragma once

#include <map>
#include <vector>

#include "engine/cache/site_cache.h"
#include "engine/data/data_mover.h"
#include "engine/mount/mount_table.h"
#include "engine/raft/raft_options.h"
#include "engine/stream/origin_stream.h"
#include "engine/time.h"

namespace estate {

struct EngineOptions {
  // Every site of the deployment, including the GCP site (kGcpSite) and this one.
  std::vector<SiteId> sites;
  // The unified namespace: which policy governs each bucket/prefix.
  MountTable mounts;
  // A request forwarded to another site fails with 503 when no answer comes in this time.
  DurationNs request_timeout = 2 * kSecond;
  // A session read waits this long for the local site to reach the session's position before
  // it is forwarded to the site that produced that position.
  DurationNs session_wait = 500 * kMillisecond;
  // sync-sites: a replica silent for this long is unreachable, and writes fail fast with 503
  // instead of waiting for request_timeout.
  DurationNs unreachable_after = 1 * kSecond;
  OriginStreamOptions stream;
  RaftOptions raft;
  DataMoverOptions data;
  // A read that must fetch bytes from another site fails with 503 after this.
  DurationNs fetch_timeout = 60 * kSecond;
  // Site caches, by site; a site without an entry keeps no cache (the GCP site is GCS itself).
  struct Cache {
    EvictionPolicy policy = EvictionPolicy::kLru;
    SiteCacheOptions options;
  };
  std::map<SiteId, Cache> caches;
};

}  // namespace estate

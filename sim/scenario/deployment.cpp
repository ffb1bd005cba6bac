#include "sim/scenario/deployment.h"

#include <algorithm>
#include <set>

#include "sim/scenario/mount_spec_reader.h"

namespace estate {
namespace {

SiteSet SitesNamed(const Deployment& d, const std::vector<std::string>& names) {
  SiteSet set;
  for (const std::string& n : names)
    set.add(d.IdOf(n));
  return set;
}

}  // namespace

Result<Deployment> DeploymentFromScenario(const Scenario& scenario) {
  Deployment d;
  d.scale = scenario.sampling_rate;
  for (const SiteSpec& s : scenario.sites) {
    if (s.gcp) d.site_names.insert(d.site_names.begin(), s.id);
  }
  for (const SiteSpec& s : scenario.sites) {
    if (!s.gcp) d.site_names.push_back(s.id);
  }
  for (size_t i = 0; i < d.site_names.size(); ++i) {
    d.site_ids[d.site_names[i]] = static_cast<SiteId>(i);
    d.engine.sites.push_back(static_cast<SiteId>(i));
  }

  // WAN protocol timing (docs/RUNNING.md): Raft heartbeats every second with elections after
  // 5-10 s, idle replication streams heartbeat every 2 s, and a sync-sites replica silent for
  // 5 s is unreachable. The engine's defaults (50 ms) suit its tests; between sites 10-30 ms
  // apart they would spend most of a simulated day on keep-alives. The price is failure
  // detection in seconds rather than hundreds of milliseconds.
  d.engine.raft.heartbeat_interval = 1 * kSecond;
  d.engine.raft.election_timeout_min = 5 * kSecond;
  d.engine.raft.election_timeout_max = 10 * kSecond;
  d.engine.stream.heartbeat_interval = 2 * kSecond;
  d.engine.unreachable_after = 5 * kSecond;
  // A sampled run moves each object over a link scaled down by the sampling rate, so moving
  // it takes 1 / rate times longer (docs/RUNNING.md, "Sampling"); a read that waits for bytes
  // gets the same stretch before it gives up.
  d.engine.fetch_timeout = static_cast<DurationNs>(static_cast<double>(d.engine.fetch_timeout) /
                                                   std::max(d.scale, 1e-9));

  d.engine.mounts = MountTable(static_cast<int>(d.site_names.size()));
  std::set<std::string> buckets;
  for (const MountSpec& m : scenario.mounts) {
    Status s =
        d.engine.mounts.Add(m.path, ToMountPolicy(m, d.IdOf(m.home), SitesNamed(d, m.replicas)));
    if (!s.ok()) return s;
    buckets.insert(m.path.substr(0, m.path.find('/')));
  }
  d.buckets.assign(buckets.begin(), buckets.end());

  double slowest_stream = 0;
  for (const LinkSpec& l : scenario.links) {
    // A link's stream count bounds the parallel transfers towards either end; the engine
    // has one setting per node, so it takes the largest.
    d.engine.data.streams_per_link = std::max(d.engine.data.streams_per_link, l.streams);
    // Caps are per destination in the engine: a capped link caps transfers towards both ends.
    if (l.cap_bps > 0) {
      d.engine.data.cap_bytes_per_second[d.IdOf(l.from)] = l.cap_bps / 8 * d.scale;
      d.engine.data.cap_bytes_per_second[d.IdOf(l.to)] = l.cap_bps / 8 * d.scale;
    }
    const double stream = l.bandwidth_bps / 8 * d.scale / std::max(1, l.streams);
    if (slowest_stream == 0 || stream < slowest_stream) slowest_stream = stream;
  }
  // Bytes are written to the receiving site's disk before they are acknowledged.
  for (const SiteSpec& site : scenario.sites) {
    if (site.disk_write_bps <= 0) continue;
    const double stream =
        site.disk_write_bps * d.scale / std::max(1, d.engine.data.streams_per_link);
    if (slowest_stream == 0 || stream < slowest_stream) slowest_stream = stream;
  }
  // A transfer is retried when it takes much longer than a stream's share of the slowest
  // (scaled) link would need; a fixed WAN figure would retry every transfer of a sampled run.
  if (slowest_stream > 0) d.engine.data.assumed_min_bytes_per_second = slowest_stream / 4;
  for (const SiteSpec& s : scenario.sites) {
    if (s.gcp || s.cache_bytes <= 0) continue;
    EngineOptions::Cache c;
    c.policy = s.eviction;
    c.options.capacity_bytes = static_cast<uint64_t>(s.cache_bytes * d.scale);
    d.engine.caches[d.IdOf(s.id)] = c;
  }
  return d;
}

}  // namespace estate

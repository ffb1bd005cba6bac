// AnalyticalSizing: what the scenario's description alone implies, before any simulation:
// the bytes each link must carry (a flow model of writes, replication and read misses over
// the scenario's routes), TCP window limits, replication queueing, node counts, the cache
// Che's approximation asks for, and each consistency mode's steady-state availability from
// the sites' and links' MTBF and MTTR. `estate size` sets these beside the simulated figures
// (docs/SIZING.md says how each is computed and when it is wrong).
#pragma once

#include <string>
#include <vector>

#include "engine/result.h"
#include "models/queueing/replication_queue.h"
#include "sim/scenario/scenario.h"

namespace estate::reports {

struct LinkDirectionLoad {
  std::string from;
  std::string to;
  double objects_per_second = 0;   // mean
  double bytes_per_second = 0;     // mean
  ReplicationQueueEstimate queue;  // at the mean load
};

struct LinkLoad {
  std::string link;
  double bandwidth_bps = 0;
  double latency_s = 0;
  int streams = 0;
  double window_bound_bps = 0;  // one stream's TCP window bound
  int streams_to_fill = 0;      // streams the window bound needs to fill the link
  double mean_bps = 0;          // the busier direction
  double peak_bps = 0;          // mean scaled by the diurnal peak and the largest burst
  LinkDirectionLoad forward, reverse;
};

struct SiteLoad {
  std::string site;
  double peak_ops_per_second = 0;         // client operations plus replicated writes applied
  int nodes_needed = 0;                   // N + 1
  double cache_hit_ratio_configured = 0;  // Che, at the configured cache (on-prem)
  double cache_bytes_for_target = 0;      // Che, for the target hit ratio (on-prem)
};

// How much the topology can carry from GCS to a site, whatever the workload.
struct SiteReach {
  std::string site;
  double max_flow_bps = 0;             // over every path, each link at its bandwidth
  std::vector<std::string> cut_links;  // a minimum cut: the links that bound it
};

struct ModeAvailability {
  std::string mode;
  double availability = 0;  // steady state, weighted by the sites' request rates
  double downtime_minutes_per_year = 0;
};

struct AnalyticalSizing {
  bool has_workload_model = false;  // false for trace replays: rates come from the trace
  double change_bytes_per_second = 0;
  double remote_copies_per_write = 0;
  double wan_lower_bound_bps = 0;
  double egress_bytes_per_second = 0;  // read misses served from GCS
  double peak_factor = 1;              // diurnal peak times the largest burst
  std::vector<LinkLoad> links;
  std::vector<SiteLoad> sites;
  std::vector<SiteReach> reach;  // on-prem sites
  std::vector<ModeAvailability> modes;
  std::string availability_error;  // why the availability chain was not solved, if it was not
};

// Errors: an invalid size distribution or a route missing from the topology.
Result<AnalyticalSizing> AnalyseScenario(const Scenario& scenario);

}  // namespace estate::reports

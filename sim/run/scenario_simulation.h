// ScenarioSimulation: one run of a scenario: the real engine, one node per site, on a SimGrid
// platform built from the scenario, driven by the scenario's workload and failures, measured
// into RunMetrics. SimGrid allows one engine per process, so a process runs one simulation.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/node/engine_node.h"
#include "engine/result.h"
#include "sim/metrics/run_metrics.h"
#include "sim/platform_builder.h"
#include "sim/run/op_source.h"
#include "sim/scenario/deployment.h"
#include "sim/scenario/scenario.h"
#include "sim/sizing/workload_mrc.h"

namespace simgrid::s4u {
class Engine;
class Link;
}  // namespace simgrid::s4u

namespace estate::sim {

class SimCluster;

struct RunOptions {
  uint64_t seed = 0;               // 0: the scenario's seed
  std::string scenario_dir = ".";  // trace paths are relative to it
  bool verbose = false;            // SimGrid's and the engine's log lines on stderr
  // Called after every metrics interval with the simulated time reached.
  std::function<void(TimeNs now, TimeNs duration)> progress;
  DurationNs interval = 0;  // time-series interval; 0: duration / 1440, at least 1 s
};

// Engine counters that outlive a node's crash (summed over its lives).
struct SiteTotals {
  SiteCacheStats cache;
  uint64_t cache_used_bytes = 0;  // at the end of the run
  uint64_t bytes_sent_onprem = 0;
  uint64_t conflicts = 0;
  EngineStats engine;
  uint64_t lives = 0;
  uint64_t start_failures = 0;  // boots whose recovery failed (the node runs without it)
};

// A directional link reading: bytes the link carried from `from` towards `to`.
struct LinkDirection {
  std::string link;
  std::string from;
  std::string to;
  double bytes = 0;          // full scale
  double bandwidth_bps = 0;  // nominal, as in the scenario (not scaled)
};

// What a failure did, for the report.
struct FailureEvent {
  TimeNs at = 0;
  std::string kind;
  std::string target;
  std::string detail;
};

struct RunRecord {
  uint64_t seed = 0;
  TimeNs duration = 0;
  double full_scale = 1.0;  // 1 / sampling rate: multiplies simulated bytes and counts
  TimeNs ready_at = 0;      // when the buckets existed and the workload started
  RunMetrics metrics{kSecond};
  std::vector<SiteTotals> sites;  // by SiteId
  std::vector<std::string> site_names;
  std::vector<LinkDirection> links;  // per link, both directions, in scenario order
  std::vector<FailureEvent> failures;
  uint64_t ops_planned = 0;
  uint64_t ops_incomplete = 0;  // issued but not answered when the run ended
  uint64_t objects_seeded = 0;
  uint64_t messages_delivered = 0;
  uint64_t messages_dropped = 0;
  uint64_t transfers = 0;
  // Each on-prem site's miss-ratio curve over the requests of the run's workload.
  std::vector<SiteCacheCurve> cache_curves;
};

// Runs the scenario to its duration. Errors: platform or deployment problems (validation
// normally reports them first), trace errors.
Result<RunRecord> RunScenarioSimulation(const Scenario& scenario, const RunOptions& options);

}  // namespace estate::sim

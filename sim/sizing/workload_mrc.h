// WorkloadCacheCurves: how much cache each on-prem site needs, from the requests its clients
// issue over the scenario's duration. The scenario's operations are replayed without
// simulating them (they do not depend on what the simulation does with them) into one exact,
// byte-weighted LRU miss-ratio curve per site. A sampled scenario replays only the sampled
// objects' requests, which is SHARDS at the sampling rate: cache sizes scale back by 1 / rate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/result.h"
#include "sim/scenario/deployment.h"
#include "sim/scenario/scenario.h"

namespace estate::sim {

struct CachePoint {
  double bytes = 0;  // full scale
  double hit_ratio = 0;
};

struct SiteCacheCurve {
  std::string site;
  uint64_t accesses = 0;       // object reads and writes replayed (sampled)
  uint64_t distinct_keys = 0;  // sampled
  double bytes_accessed = 0;   // full scale
  // The byte hit ratio of an unbounded cache over the window: first accesses always miss.
  double max_hit_ratio = 0;
  double target_hit_ratio = 0;
  // The smallest LRU cache, in full-scale bytes, whose byte hit ratio meets the target; < 0
  // when first accesses make the target unreachable within the window.
  double bytes_for_target = -1;
  std::vector<CachePoint> curve;  // at sizes spread evenly in log scale
};

// Errors: an unreadable trace or an invalid size distribution (as MakeOpSources).
Result<std::vector<SiteCacheCurve>> WorkloadCacheCurves(const Scenario& scenario,
                                                        const Deployment& deployment,
                                                        const std::string& scenario_dir,
                                                        uint64_t seed);

}  // namespace estate::sim

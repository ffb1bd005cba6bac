// Deployment: how a scenario's sites become engine nodes. The GCP site is node kGcpSite (0)
// and the on-prem sites follow in the scenario's order; each site runs one engine node whose
// capacity is the sum of the site's machines (docs/RUNNING.md says why one node per site).
// Bandwidths and cache capacities are multiplied by the scenario's sampling rate, so that the
// sampled workload loads links and caches as the full workload would (docs/SCALING.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/node/engine_options.h"
#include "engine/result.h"
#include "sim/scenario/scenario.h"

namespace estate {

struct Deployment {
  std::vector<std::string> site_names;  // by SiteId
  std::map<std::string, SiteId> site_ids;
  EngineOptions engine;
  // Buckets named by the mount table, in name order: created before the workload starts.
  std::vector<std::string> buckets;
  double scale = 1.0;  // the sampling rate the capacities were multiplied by

  SiteId IdOf(const std::string& site) const { return site_ids.at(site); }
};

// Errors: a mount the engine's mount table rejects (validation catches these first).
Result<Deployment> DeploymentFromScenario(const Scenario& scenario);

}  // namespace estate

// Turns a scenario into what the SimGrid platform builder takes: one host per site (its NIC
// is the sum of its nodes' NICs), one link per scenario link, and a route between every pair
// of sites along the lowest-latency path of the topology graph.
#pragma once

#include "engine/result.h"
#include "sim/platform_builder.h"
#include "sim/scenario/scenario.h"

namespace estate::sim {

// Bandwidths (links, NICs, disks) and the TCP window are multiplied by `scale`, the sampling
// rate of a sampled run, so the sampled workload loads them as the full one would; latencies
// are kept. NotFound when some pair of sites has no route (validation reports that first).
Result<PlatformSpec> PlatformFromScenario(const Scenario& scenario, double scale = 1.0);
NetworkConfig NetworkFromScenario(const Scenario& scenario, double scale = 1.0);

}  // namespace estate::sim

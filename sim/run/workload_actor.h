// A site's clients: one actor on the site's host issues the site's operations at their
// planned times. The site's crash kills it with the host; when the site restarts, a new one
// first counts the operations planned while the site was down as rejected, then carries on.
#pragma once

#include "sim/run/simulation_state.h"

namespace estate::sim {

// Does nothing for a site without a workload. On the first start, operations planned before
// the workload could start (a trace's first seconds, while buckets were being created) are
// issued late rather than lost; after a restart they are the ones the site missed.
// REQUIRES: the site's node is up.
void SpawnWorkloadActor(SimulationState& state, SiteId site, bool restarted);

}  // namespace estate::sim

// Failure injection: one actor applies the scenario's failures at their times: site-down
// crashes the site's engine node and turns its host off (site-up restarts it on its durable
// storage), link-down/link-up turn a link off and on in SimGrid, link-degrade lowers its
// bandwidth, partition turns off every link between two groups of sites (heal restores
// them). A failure with a duration is undone when it ends.
#pragma once

#include "sim/run/simulation_state.h"

namespace estate::sim {

// Spawns the actor (a daemon) on `host`. REQUIRES: the scenario's targets were validated.
void SpawnFailureInjector(SimulationState& state, simgrid::s4u::Host* host);

}  // namespace estate::sim

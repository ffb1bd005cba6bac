#include "sim/run/workload_actor.h"

#include <simgrid/s4u/Actor.hpp>

#include "sim/sim_time.h"

namespace estate::sim {
namespace sg4 = simgrid::s4u;
namespace {

ConsistencyMode ModeOf(const Deployment& d, const PlannedOp& op) {
  Result<ResolvedMount> m = d.engine.mounts.Resolve(op.bucket, op.name);
  return m.ok() ? d.engine.mounts.PolicyAt(m->index).mode : ConsistencyMode::kEventual;
}

void RunWorkload(SimulationState& state, SiteId site, bool restarted) {
  OpSource* source = state.source(site);
  std::optional<PlannedOp>& pending = state.pending_op(site);
  const TimeNs end = state.record().duration;
  const TimeNs started = SimNow();
  TimeNs cursor = started;
  // Operations whose time came while the site was down found no site to talk to.
  while (true) {
    if (!pending) {
      pending = source->Next(cursor, end);
      if (!pending) return;
      ++state.ops_planned();
    }
    if (pending->at >= started || !restarted) break;
    state.metrics().RecordRejected(pending->op, site, ModeOf(state.deployment(), *pending),
                                   pending->at);
    cursor = pending->at;
    pending.reset();
  }
  while (pending) {
    sg4::this_actor::sleep_until(NsToSeconds(pending->at));
    const PlannedOp op = std::move(*pending);
    pending.reset();
    state.Issue(site, op);
    pending = source->Next(op.at, end);
    if (pending) ++state.ops_planned();
  }
}

}  // namespace

void SpawnWorkloadActor(SimulationState& state, SiteId site, bool restarted) {
  if (state.source(site) == nullptr) return;
  SimGridRuntime& rt = state.cluster().runtime(site);
  sg4::Actor::create("clients-" + std::to_string(site), rt.host(), [&state, site, restarted] {
    sg4::Actor::self()->daemonize();  // from inside: see scenario_simulation.cpp
    RunWorkload(state, site, restarted);
  });
}

}  // namespace estate::sim

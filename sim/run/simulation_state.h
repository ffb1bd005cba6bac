// The state one scenario simulation shares among its actors: the engine nodes (recreated on
// every restart), the metrics, and the objects seeded so far. Internal to sim/run.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "engine/node/engine_node.h"
#include "sim/platform_builder.h"
#include "sim/run/scenario_simulation.h"
#include "sim/sim_cluster.h"

namespace estate::sim {

class SimulationState {
 public:
  SimulationState(const Scenario& scenario, Deployment deployment, SimCluster& cluster,
                  const Platform& platform, DurationNs interval);

  const Scenario& scenario() const { return scenario_; }
  const Deployment& deployment() const { return deployment_; }
  SimCluster& cluster() { return cluster_; }
  const Platform& platform() const { return platform_; }
  RunRecord& record() { return record_; }
  RunMetrics& metrics() { return record_.metrics; }

  // Boot and crash handlers of node `site`.
  void Boot(SiteId site);
  void Retire(SiteId site);
  EngineNode* node(SiteId site) { return nodes_[site].get(); }

  // Makes sure bucket/name exists at every site as an object that predates the run (the GCS
  // inventory), the first time the workload touches it. Sites that are down get it when they
  // are back.
  void SeedOnFirstTouch(const std::string& bucket, const std::string& name, uint64_t size);
  // Retries seeds a restarted node could not take yet (its buckets come back from the log).
  void RetryPendingSeeds();

  // Issues one client operation at `site` now (from an actor on the site's host).
  void Issue(SiteId site, const PlannedOp& op);
  uint64_t in_flight() const { return outstanding_.size(); }
  // The run is over: operations still unanswered are neither successes nor failures.
  void ForgetOutstanding() { outstanding_.clear(); }

  bool ready() const { return ready_; }
  // The buckets exist: starts every site's workload actor.
  void SetReady();

  // The site's workload, and the operation its actor drew but has not issued yet.
  void SetSources(std::vector<std::unique_ptr<OpSource>> sources);
  OpSource* source(SiteId site) { return sources_[site].get(); }
  std::optional<PlannedOp>& pending_op(SiteId site) { return pending_ops_[site]; }
  uint64_t& ops_planned() { return record_.ops_planned; }

 private:
  const Scenario& scenario_;
  Deployment deployment_;
  SimCluster& cluster_;
  const Platform& platform_;
  RunRecord record_;
  std::vector<std::unique_ptr<EngineNode>> nodes_;
  std::vector<std::vector<ObjectMeta>> pending_seeds_;
  std::unordered_set<std::string> seeded_;
  // Session clients per site; an operation uses the next one in turn.
  std::vector<std::vector<std::unique_ptr<ClientContext>>> clients_;
  std::vector<size_t> next_client_;
  // Operations issued and not yet answered, by id: a crash answers its site's with 503.
  std::map<uint64_t, OpSample> outstanding_;
  uint64_t next_op_id_ = 0;
  bool ready_ = false;
  std::vector<std::unique_ptr<OpSource>> sources_;
  std::vector<std::optional<PlannedOp>> pending_ops_;
};

}  // namespace estate::sim

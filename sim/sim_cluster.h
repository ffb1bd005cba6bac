// SimCluster: the engine nodes of one simulation and the directory through which their
// runtimes reach each other. It owns one SimGridRuntime per node; the platform (hosts, links)
// comes from PlatformBuilder and the s4u::Engine from the caller.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "sim/sim_options.h"
#include "sim/simgrid_runtime.h"

namespace simgrid::s4u {
class Host;
}

namespace estate::sim {

class SimCluster {
 public:
  explicit SimCluster(SimOptions options);
  ~SimCluster();
  SimCluster(const SimCluster&) = delete;
  SimCluster& operator=(const SimCluster&) = delete;

  // Adds node `id` on `host`, down until Start(). REQUIRES: id unused, id < kMaxSites, host on.
  SimGridRuntime& AddNode(NodeId id, simgrid::s4u::Host* host);
  // Starts every node that is down (spawns its actor, which runs the boot handler first).
  // REQUIRES: every node was added; call before Engine::run or from an actor.
  void Start();

  // The runtime of node id. REQUIRES: the node exists.
  SimGridRuntime& runtime(NodeId id);
  // nullptr when no node has that id.
  SimGridRuntime* Find(NodeId id);
  const SimOptions& options() const { return options_; }
  // One more than the largest node id (the size of per-peer tables).
  int id_limit() const { return static_cast<int>(nodes_.size()); }

  // Called for every batch of messages delivered: its size on the wire and when it left and
  // arrived (simulated time). Metrics attribute the bytes to the links of the route.
  using TransferObserver =
      std::function<void(NodeId from, NodeId to, uint64_t bytes, TimeNs start, TimeNs end)>;
  void SetTransferObserver(TransferObserver observer) { observer_ = std::move(observer); }
  const TransferObserver& transfer_observer() const { return observer_; }

  // Totals over all nodes.
  uint64_t messages_delivered() const;
  uint64_t messages_dropped() const;

 private:
  SimOptions options_;
  std::vector<std::unique_ptr<SimGridRuntime>> nodes_;  // index = NodeId; null for gaps
  TransferObserver observer_;
};

}  // namespace estate::sim

// SimWorld: one SimGrid simulation for a test: the s4u::Engine, a platform built from a
// PlatformSpec, and a SimCluster with one node per site (node id = site index). SimGrid
// allows one engine per process, so each TEST (its own process under ctest) makes one.
#pragma once

#include <memory>
#include <simgrid/s4u/Engine.hpp>
#include <string>

#include "sim/platform_builder.h"
#include "sim/sim_cluster.h"

namespace estate::testing {

class SimWorld {
 public:
  // REQUIRES: spec is valid (asserted) and no other SimWorld exists in this process.
  SimWorld(const sim::PlatformSpec& spec, const sim::NetworkConfig& net = {},
           sim::SimOptions options = {});
  ~SimWorld();

  // Sites "s0".."s{n-1}", every pair joined by its own link "l{i}-{j}" of the given
  // bandwidth (bytes/s) and one-way latency (s), with direct routes.
  static sim::PlatformSpec FullMesh(int sites, double bandwidth, double latency);

  simgrid::s4u::Engine& engine() { return *engine_; }
  sim::SimCluster& cluster() { return *cluster_; }
  sim::SimGridRuntime& node(NodeId id) { return cluster_->runtime(id); }
  const sim::Platform& platform() const { return platform_; }

  // Starts the nodes (first call only) and runs the simulation until `seconds`. Node actors
  // are not daemons here (SimOptions::daemon_actors is forced off).
  void RunUntil(double seconds);

 private:
  std::unique_ptr<simgrid::s4u::Engine> engine_;
  sim::Platform platform_;
  std::unique_ptr<sim::SimCluster> cluster_;
  bool started_ = false;
};

}  // namespace estate::testing

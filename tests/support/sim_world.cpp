// SimWorld: engine, platform and cluster of one test simulation.
#include "tests/support/sim_world.h"

#include <cassert>

#include "sim/sim_engine.h"
namespace estate::testing {

SimWorld::SimWorld(const sim::PlatformSpec& spec, const sim::NetworkConfig& net,
                   sim::SimOptions options) {
  engine_ = sim::MakeSimEngine();
  sim::ApplyNetworkConfig(net);
  Result<sim::Platform> p = sim::BuildPlatform(spec);
  assert(p.ok());
  platform_ = *p;
  // Tests stop the clock with run_until, so node actors need not be daemons (a daemon-only
  // simulation ends at once).
  options.daemon_actors = false;
  cluster_ = std::make_unique<sim::SimCluster>(std::move(options));
  for (size_t i = 0; i < platform_.hosts.size(); ++i) {
    cluster_->AddNode(static_cast<NodeId>(i), platform_.hosts[i]);
  }
}

SimWorld::~SimWorld() = default;

sim::PlatformSpec SimWorld::FullMesh(int sites, double bandwidth, double latency) {
  sim::PlatformSpec spec;
  for (int i = 0; i < sites; ++i)
    spec.sites.push_back({.name = "s" + std::to_string(i)});
  for (int i = 0; i < sites; ++i) {
    for (int j = i + 1; j < sites; ++j) {
      spec.links.push_back({"l" + std::to_string(i) + "-" + std::to_string(j),
                            "s" + std::to_string(i), "s" + std::to_string(j), bandwidth, latency});
    }
  }
  spec.routes = sim::DirectRoutes(spec);
  return spec;
}

void SimWorld::RunUntil(double seconds) {
  if (!started_) {
    cluster_->Start();
    started_ = true;
  }
  engine_->run_until(seconds);
}

}  // namespace estate::testing

// SimCluster: node directory and lifecycle of one simulation.
#include "sim/sim_cluster.h"

#include <cassert>

namespace estate::sim {

SimCluster::SimCluster(SimOptions options) : options_(std::move(options)) {
  assert(options_.data_streams >= 1);
}

SimCluster::~SimCluster() = default;

SimGridRuntime& SimCluster::AddNode(NodeId id, simgrid::s4u::Host* host) {
  assert(id < kMaxSites && Find(id) == nullptr);
  if (nodes_.size() <= id) nodes_.resize(id + 1);
  nodes_[id] = std::make_unique<SimGridRuntime>(this, id, host);
  return *nodes_[id];
}

void SimCluster::Start() {
  for (auto& n : nodes_) {
    if (n && !n->up()) n->Start();
  }
}

SimGridRuntime& SimCluster::runtime(NodeId id) {
  SimGridRuntime* r = Find(id);
  assert(r != nullptr);
  return *r;
}

SimGridRuntime* SimCluster::Find(NodeId id) {
  return id < nodes_.size() ? nodes_[id].get() : nullptr;
}

uint64_t SimCluster::messages_delivered() const {
  uint64_t n = 0;
  for (const auto& r : nodes_)
    n += r ? r->messages_delivered() : 0;
  return n;
}

uint64_t SimCluster::messages_dropped() const {
  uint64_t n = 0;
  for (const auto& r : nodes_)
    n += r ? r->messages_dropped() : 0;
  return n;
}

}  // namespace estate::sim

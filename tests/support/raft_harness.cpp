#include "tests/support/raft_harness.h"

namespace estate::testing {
namespace {

ClusterOptions HarnessOptions(int nodes, uint64_t seed, FaultOptions faults) {
  ClusterOptions o;
  o.nodes = nodes;
  o.seed = seed;
  o.default_latency = 10 * kMillisecond;
  o.faults = faults;
  return o;
}

}  // namespace

RaftHarness::RaftHarness(int nodes, uint64_t seed, FaultOptions faults)
    : cluster_(HarnessOptions(nodes, seed, faults)), nodes_(nodes), applied_(nodes) {
  cluster_.SetRestartHandler([this](NodeId n) { Create(n); });
  for (int n = 0; n < nodes; ++n)
    Create(static_cast<NodeId>(n));
}

void RaftHarness::Create(NodeId n) {
  std::vector<NodeId> members;
  for (int i = 0; i < cluster_.size(); ++i)
    members.push_back(static_cast<NodeId>(i));
  applied_[n].clear();
  nodes_[n] = std::make_unique<RaftNode>(
      cluster_.runtime(n), members, RaftOptions{},
      [this, n](uint64_t index, const std::string& command) {
        applied_[n].emplace_back(index, command);
        auto [it, fresh] = ever_applied_.emplace(index, command);
        if (!fresh && it->second != command && safety_violation_.empty()) {
          safety_violation_ = "index " + std::to_string(index) + " applied as \"" + it->second +
                              "\" and as \"" + command + "\"";
        }
      });
  RaftNode* node = nodes_[n].get();
  cluster_.runtime(n).SetMessageHandler(
      [node](NodeId from, Message msg) { node->OnMessage(from, msg); });
  Status s = node->Start();
  if (!s.ok() && safety_violation_.empty()) safety_violation_ = "restart failed: " + s.ToString();
}

int RaftHarness::Leader() const {
  int leader = -1;
  uint64_t best_term = 0;
  for (int n = 0; n < cluster_.size(); ++n) {
    if (!cluster_.IsUp(n) || !nodes_[n]->IsLeader()) continue;
    if (leader < 0 || nodes_[n]->term() > best_term) {
      leader = n;
      best_term = nodes_[n]->term();
    }
  }
  return leader;
}

void RaftHarness::ObserveLeaders() {
  for (int n = 0; n < cluster_.size(); ++n) {
    if (!cluster_.IsUp(n) || !nodes_[n]->IsLeader()) continue;
    auto [it, fresh] = leader_of_term_.emplace(nodes_[n]->term(), static_cast<NodeId>(n));
    if (!fresh && it->second != n && election_violation_.empty()) {
      election_violation_ = "term " + std::to_string(it->first) + " has leaders " +
                            std::to_string(it->second) + " and " + std::to_string(n);
    }
  }
}

int RaftHarness::WaitForLeader(DurationNs within) {
  const TimeNs deadline = cluster_.Now() + within;
  cluster_.RunUntil(
      [this] {
        ObserveLeaders();
        return Leader() >= 0;
      },
      deadline);
  return Leader();
}

bool RaftHarness::Propose(const std::string& command) {
  int leader = Leader();
  if (leader < 0) return false;
  nodes_[leader]->Propose(command, [](Status, uint64_t) {});
  return true;
}

std::string RaftHarness::CheckStateMachineSafety() const {
  if (!safety_violation_.empty()) return safety_violation_;
  for (int n = 0; n < cluster_.size(); ++n) {
    uint64_t expected = 0;
    for (const auto& [index, command] : applied_[n]) {
      // No-ops are not delivered, so indexes may skip; they must still increase.
      if (index <= expected) {
        return "node " + std::to_string(n) + " applied index " + std::to_string(index) + " after " +
               std::to_string(expected);
      }
      expected = index;
    }
  }
  return "";
}

}  // namespace estate::testing

// RaftHarness: a TestCluster of RaftNodes that records what every node applies, for the
// Raft tests and for fault-injection runs that check Raft's safety properties.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/raft/raft_node.h"
#include "tests/support/test_cluster.h"

namespace estate::testing {

class RaftHarness {
 public:
  RaftHarness(int nodes, uint64_t seed, FaultOptions faults = {});

  TestCluster& cluster() { return cluster_; }
  RaftNode& node(NodeId n) { return *nodes_.at(n); }
  // Commands applied by node n in this life, in order, with their indexes.
  const std::vector<std::pair<uint64_t, std::string>>& applied(NodeId n) const {
    return applied_.at(n);
  }
  // The single leader among up nodes in the highest term, or -1.
  int Leader() const;
  // Runs until some up node is leader, or `within` passes. Returns the leader or -1.
  int WaitForLeader(DurationNs within);
  // Proposes on the current leader; returns false when there is none.
  bool Propose(const std::string& command);
  // Crash and restart recreate the node on its surviving storage.
  void Crash(NodeId n) { cluster_.Crash(n); }
  void Restart(NodeId n) { cluster_.Restart(n); }

  // Safety: every pair of nodes applied the same command at every index both applied, and
  // every node applied indexes 1..k without gaps. Returns an empty string or a description.
  std::string CheckStateMachineSafety() const;
  // Election safety: at most one leader was ever seen per term.
  std::string CheckElectionSafety() const { return election_violation_; }
  // Call after each step to record who leads which term.
  void ObserveLeaders();

 private:
  void Create(NodeId n);

  TestCluster cluster_;
  std::vector<std::unique_ptr<RaftNode>> nodes_;
  std::vector<std::vector<std::pair<uint64_t, std::string>>> applied_;
  // Everything ever applied at an index, across all lives of all nodes.
  std::map<uint64_t, std::string> ever_applied_;
  std::string safety_violation_;
  std::map<uint64_t, NodeId> leader_of_term_;
  std::string election_violation_;
};

}  // namespace estate::testing

// RaftNode: one member of the leader-based replicated log behind strong consistency
// (Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm"), with pre-vote,
// check-quorum, fast log backtracking and read-index reads.
//
// The log holds opaque commands. Committed commands are delivered in log order, exactly once
// per life of the node, to the apply callback on every member; after a restart they are
// delivered again from index 1 (the commit index is re-learned from the leader), so the state
// machine is rebuilt by replay. Term, vote and log entries are synced to the runtime's
// storage before the node answers an RPC or counts its own entry towards a quorum.
//
// Threading: driven only by its runtime (timers and messages routed to OnMessage).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/raft/raft_messages.h"
#include "engine/raft/raft_options.h"
#include "engine/runtime.h"

namespace estate {

enum class RaftRole { kFollower, kPreCandidate, kCandidate, kLeader };
const char* RaftRoleName(RaftRole r);

class RaftNode {
 public:
  using ApplyFn = std::function<void(uint64_t index, const std::string& command)>;
  using IndexCallback = std::function<void(Status, uint64_t index)>;

  // `members` lists every member, this node included.
  RaftNode(Runtime& rt, std::vector<NodeId> members, RaftOptions options, ApplyFn apply);
  RaftNode(const RaftNode&) = delete;
  RaftNode& operator=(const RaftNode&) = delete;
  ~RaftNode();

  // Loads persisted state and starts the election timer. REQUIRES: called once.
  Status Start();

  // Appends a command. Only the leader accepts one; elsewhere `done` runs (later) with
  // Unavailable naming the leader if one is known. `done(OK, index)` runs when the entry
  // commits; `done(Unavailable)` when this node loses leadership first or the entry is
  // overwritten (the command may still commit under a later leader: its outcome is unknown).
  // REQUIRES: command is not empty (the empty command is the leader's no-op).
  void Propose(std::string command, IndexCallback done);

  // Linearizable read barrier (read-index). `done(OK, index)` runs once this node has
  // applied everything committed before the call; the caller then reads its state machine.
  // On the leader this costs one heartbeat round to a majority; on a follower one round trip
  // to the leader as well. Unavailable when no leader or no majority answers.
  void ReadIndex(IndexCallback done);

  // Routes a message whose type is in [kRaftMessageFirst, kRaftMessageLast].
  void OnMessage(NodeId from, const Message& msg);

  bool IsLeader() const { return role_ == RaftRole::kLeader; }
  std::optional<NodeId> LeaderHint() const { return leader_; }
  RaftRole role() const { return role_; }
  uint64_t term() const { return term_; }
  uint64_t commit_index() const { return commit_index_; }
  uint64_t applied_index() const { return applied_index_; }
  uint64_t last_index() const { return log_.size() - 1; }
  uint64_t TermAt(uint64_t index) const { return index < log_.size() ? log_[index].term : 0; }
  const std::string& CommandAt(uint64_t index) const { return log_.at(index).command; }

 private:
  struct PendingRead {
    uint64_t index;
    uint64_t round;
    IndexCallback done;  // runs with the confirmed index (not waiting for apply)
  };
  struct ApplyWaiter {
    uint64_t index;
    IndexCallback done;
  };

  // Roles.
  void BecomeFollower(uint64_t term, std::optional<NodeId> leader);
  void StartPreVote();
  void StartElection();
  void BecomeLeader();
  void ResetElectionTimer();
  void OnElectionTimeout();
  void OnHeartbeat();
  size_t Majority() const { return members_.size() / 2 + 1; }
  bool LogUpToDate(uint64_t last_index, uint64_t last_term) const;

  // Handlers.
  void OnRequestVote(NodeId from, const RequestVote& m);
  void OnRequestVoteReply(NodeId from, const RequestVoteReply& m);
  void OnAppendEntries(NodeId from, const AppendEntries& m);
  void OnAppendEntriesReply(NodeId from, const AppendEntriesReply& m);
  void OnReadIndexRequest(NodeId from, const ReadIndexRequest& m);
  void OnReadIndexReply(const ReadIndexReply& m);

  // Log and commit.
  void SendAppend(NodeId peer);
  void BroadcastAppend();
  // Tells followers the new commit index at once (see AdvanceCommit).
  void BroadcastCommit();
  void AdvanceCommit();
  void ApplyCommitted();
  void Append(RaftEntry e);
  void TruncateFrom(uint64_t index);
  void PersistMeta();
  void SyncStorage();
  std::string LogKey(uint64_t index) const;

  // Reads.
  void ConfirmLeadership(IndexCallback done);
  void ScheduleReadRound();
  void CheckReadRounds();
  void FailReads(const Status& why);
  void WaitForApply(uint64_t index, IndexCallback done);

  void Send(NodeId to, Message m) { rt_.Send(to, std::move(m)); }
  void Later(std::function<void()> fn) { rt_.Schedule(0, std::move(fn)); }

  Runtime& rt_;
  std::vector<NodeId> members_;
  RaftOptions options_;
  ApplyFn apply_;

  RaftRole role_ = RaftRole::kFollower;
  uint64_t term_ = 0;
  std::optional<NodeId> voted_for_;
  std::optional<NodeId> leader_;
  std::vector<RaftEntry> log_;  // log_[0] is a sentinel of term 0
  uint64_t commit_index_ = 0;
  uint64_t applied_index_ = 0;
  TimeNs last_leader_contact_ = -1;

  std::map<NodeId, bool> votes_;  // this election's (or pre-vote's) answers
  std::map<NodeId, uint64_t> next_index_;
  std::map<NodeId, uint64_t> match_index_;
  std::map<NodeId, TimeNs> last_heard_;          // leader: last reply from each peer
  std::map<NodeId, uint64_t> acked_round_;       // leader: highest read round each peer echoed
  uint64_t term_start_index_ = 0;                // leader: index of its no-op
  std::map<uint64_t, IndexCallback> proposals_;  // leader: index → completion

  uint64_t read_round_ = 0;  // leader: last round sent
  bool read_round_scheduled_ = false;
  std::vector<PendingRead> pending_reads_;
  std::vector<ApplyWaiter> apply_waiters_;
  uint64_t next_forward_id_ = 0;
  std::map<uint64_t, std::pair<IndexCallback, TimerId>> forwarded_reads_;

  TimerId election_timer_ = kNoTimer;
  TimerId heartbeat_timer_ = kNoTimer;
  TimeNs became_leader_at_ = 0;
};

}  // namespace estate

// RaftNode: roles, elections and the replicated log. Read-index is in raft_read_index.cpp.
#include "engine/raft/raft_node.h"

#include <algorithm>
#include <cstdio>

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {

const char* RaftRoleName(RaftRole r) {
  switch (r) {
    case RaftRole::kFollower:
      return "follower";
    case RaftRole::kPreCandidate:
      return "pre-candidate";
    case RaftRole::kCandidate:
      return "candidate";
    case RaftRole::kLeader:
      return "leader";
  }
  return "unknown";
}

RaftNode::RaftNode(Runtime& rt, std::vector<NodeId> members, RaftOptions options, ApplyFn apply)
    : rt_(rt),
      members_(std::move(members)),
      options_(std::move(options)),
      apply_(std::move(apply)) {
  std::sort(members_.begin(), members_.end());
  log_.push_back(RaftEntry{});
}

RaftNode::~RaftNode() {
  rt_.Cancel(election_timer_);
  rt_.Cancel(heartbeat_timer_);
  for (auto& [id, f] : forwarded_reads_)
    rt_.Cancel(f.second);
}

std::string RaftNode::LogKey(uint64_t index) const {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%020llu", static_cast<unsigned long long>(index));
  return options_.storage_prefix + "log/" + digits;
}

Status RaftNode::Start() {
  BlobStore& s = rt_.Storage();
  Result<std::string> meta = s.Get(options_.storage_prefix + "meta");
  if (meta.ok()) {
    WireReader r(*meta);
    uint64_t voted = 0;
    bool has_vote = false;
    r.GetVarint(&term_);
    r.GetBool(&has_vote);
    r.GetVarint(&voted);
    if (!r.done()) return Status::Internal("corrupt Raft metadata");
    if (has_vote) voted_for_ = static_cast<NodeId>(voted);
  }
  for (const std::string& key : s.Keys(options_.storage_prefix + "log/")) {
    if (key != LogKey(log_.size())) return Status::Internal("gap in Raft log at " + key);
    Result<std::string> bytes = s.Get(key);
    if (!bytes.ok()) return bytes.status();
    Result<RaftEntry> e = DecodeRaftEntry(*bytes);
    if (!e.ok()) return Status::Internal("corrupt Raft log entry " + key);
    log_.push_back(std::move(*e));
  }
  BecomeFollower(term_, std::nullopt);
  return Status::Ok();
}

void RaftNode::PersistMeta() {
  WireWriter w;
  w.PutVarint(term_);
  w.PutBool(voted_for_.has_value());
  w.PutVarint(voted_for_.value_or(0));
  rt_.Storage().Put(options_.storage_prefix + "meta", w.data(), /*sync=*/false);
}

void RaftNode::SyncStorage() {
  rt_.Storage().Sync();
}

void RaftNode::Append(RaftEntry e) {
  rt_.Storage().Put(LogKey(log_.size()), EncodeRaftEntry(e), /*sync=*/false);
  log_.push_back(std::move(e));
}

void RaftNode::TruncateFrom(uint64_t index) {
  for (uint64_t i = index; i < log_.size(); ++i)
    rt_.Storage().Delete(LogKey(i), false);
  log_.resize(index);
  // Proposals at or beyond the cut were overwritten by another leader's entries.
  for (auto it = proposals_.lower_bound(index); it != proposals_.end();) {
    auto done = std::move(it->second);
    it = proposals_.erase(it);
    Later([done] { done(Status::Unavailable("entry overwritten by a new leader"), 0); });
  }
}

bool RaftNode::LogUpToDate(uint64_t last_index, uint64_t last_term) const {
  const uint64_t my_term = log_.back().term;
  return last_term > my_term || (last_term == my_term && last_index >= this->last_index());
}

void RaftNode::ResetElectionTimer() {
  rt_.Cancel(election_timer_);
  const DurationNs span = options_.election_timeout_max - options_.election_timeout_min;
  const DurationNs delay =
      options_.election_timeout_min +
      (span > 0 ? static_cast<DurationNs>(rt_.Random() % static_cast<uint64_t>(span + 1)) : 0);
  election_timer_ = rt_.Schedule(delay, [this] { OnElectionTimeout(); });
}

void RaftNode::BecomeFollower(uint64_t term, std::optional<NodeId> leader) {
  const bool was_leader = role_ == RaftRole::kLeader;
  if (term > term_) {
    term_ = term;
    voted_for_.reset();
    PersistMeta();
  }
  role_ = RaftRole::kFollower;
  leader_ = leader;
  if (was_leader) {
    rt_.Cancel(heartbeat_timer_);
    heartbeat_timer_ = kNoTimer;
    // What this leader proposed may still commit under the next one: unknown outcome.
    for (auto& [index, done] : proposals_) {
      Later([done = std::move(done)] { done(Status::Unavailable("leadership lost"), 0); });
    }
    proposals_.clear();
    FailReads(Status::Unavailable("leadership lost"));
  }
  ResetElectionTimer();
}

void RaftNode::OnElectionTimeout() {
  election_timer_ = kNoTimer;
  if (role_ == RaftRole::kLeader) return;
  if (options_.pre_vote) {
    StartPreVote();
  } else {
    StartElection();
  }
}

void RaftNode::StartPreVote() {
  role_ = RaftRole::kPreCandidate;
  leader_.reset();
  votes_.clear();
  votes_[rt_.self()] = true;
  ResetElectionTimer();
  if (votes_.size() >= Majority()) return StartElection();
  RequestVote req{term_ + 1, last_index(), log_.back().term, /*pre_vote=*/true};
  for (NodeId peer : members_) {
    if (peer != rt_.self()) Send(peer, EncodeRaft(req));
  }
}

void RaftNode::StartElection() {
  role_ = RaftRole::kCandidate;
  leader_.reset();
  ++term_;
  voted_for_ = rt_.self();
  PersistMeta();
  SyncStorage();
  votes_.clear();
  votes_[rt_.self()] = true;
  ResetElectionTimer();
  if (votes_.size() >= Majority()) return BecomeLeader();
  RequestVote req{term_, last_index(), log_.back().term, /*pre_vote=*/false};
  for (NodeId peer : members_) {
    if (peer != rt_.self()) Send(peer, EncodeRaft(req));
  }
}

void RaftNode::BecomeLeader() {
  role_ = RaftRole::kLeader;
  leader_ = rt_.self();
  rt_.Cancel(election_timer_);
  election_timer_ = kNoTimer;
  became_leader_at_ = rt_.Now();
  for (NodeId peer : members_) {
    next_index_[peer] = last_index() + 1;
    match_index_[peer] = 0;
    last_heard_[peer] = rt_.Now();
    acked_round_[peer] = 0;
  }
  // A no-op of the new term: committing it commits everything before it, and read-index
  // needs the leader to have committed an entry of its own term.
  Append(RaftEntry{term_, ""});
  SyncStorage();
  term_start_index_ = last_index();
  match_index_[rt_.self()] = last_index();
  rt_.Log(LogLevel::kInfo, "Raft leader for term " + std::to_string(term_));
  AdvanceCommit();
  BroadcastAppend();
  heartbeat_timer_ = rt_.Schedule(options_.heartbeat_interval, [this] { OnHeartbeat(); });
}

void RaftNode::OnHeartbeat() {
  heartbeat_timer_ = kNoTimer;
  if (role_ != RaftRole::kLeader) return;
  if (options_.check_quorum && rt_.Now() - became_leader_at_ >= options_.election_timeout_max) {
    size_t heard = 1;
    for (NodeId peer : members_) {
      if (peer != rt_.self() && rt_.Now() - last_heard_[peer] < options_.election_timeout_max) {
        ++heard;
      }
    }
    if (heard < Majority()) {
      rt_.Log(LogLevel::kInfo, "Raft leader lost its majority; stepping down");
      BecomeFollower(term_, std::nullopt);
      return;
    }
  }
  BroadcastAppend();
  heartbeat_timer_ = rt_.Schedule(options_.heartbeat_interval, [this] { OnHeartbeat(); });
}

void RaftNode::Propose(std::string command, IndexCallback done) {
  if (role_ != RaftRole::kLeader) {
    std::string why = leader_ ? "not the leader; the leader is site " + std::to_string(*leader_)
                              : std::string("no leader is known");
    return Later([done, why] { done(Status::Refused(why), 0); });
  }
  Append(RaftEntry{term_, std::move(command)});
  SyncStorage();
  match_index_[rt_.self()] = last_index();
  proposals_[last_index()] = std::move(done);
  AdvanceCommit();
  BroadcastAppend();
}

void RaftNode::OnMessage(NodeId from, const Message& msg) {
  switch (msg.type) {
    case kRaftRequestVote:
      if (auto m = DecodeRequestVote(msg.payload); m.ok()) OnRequestVote(from, *m);
      break;
    case kRaftRequestVoteReply:
      if (auto m = DecodeRequestVoteReply(msg.payload); m.ok()) OnRequestVoteReply(from, *m);
      break;
    case kRaftAppendEntries:
      if (auto m = DecodeAppendEntries(msg.payload); m.ok()) OnAppendEntries(from, *m);
      break;
    case kRaftAppendEntriesReply:
      if (auto m = DecodeAppendEntriesReply(msg.payload); m.ok()) OnAppendEntriesReply(from, *m);
      break;
    case kRaftReadIndexRequest:
      if (auto m = DecodeReadIndexRequest(msg.payload); m.ok()) OnReadIndexRequest(from, *m);
      break;
    case kRaftReadIndexReply:
      if (auto m = DecodeReadIndexReply(msg.payload); m.ok()) OnReadIndexReply(*m);
      break;
    default:
      break;
  }
}

void RaftNode::OnRequestVote(NodeId from, const RequestVote& m) {
  // A follower that hears from a live leader ignores candidates: with check-quorum this keeps
  // a node that was cut off from disrupting a healthy majority when it returns.
  const bool leader_alive = leader_.has_value() && last_leader_contact_ >= 0 &&
                            rt_.Now() - last_leader_contact_ < options_.election_timeout_min;
  RequestVoteReply reply{term_, false, m.pre_vote};
  if (m.pre_vote) {
    reply.granted =
        m.term > term_ && !leader_alive && LogUpToDate(m.last_log_index, m.last_log_term);
    reply.term = m.term;  // so the pre-candidate does not mistake it for a newer term
    return Send(from, EncodeRaft(reply));
  }
  if (m.term > term_) {
    if (leader_alive && role_ == RaftRole::kFollower) return Send(from, EncodeRaft(reply));
    BecomeFollower(m.term, std::nullopt);
  }
  reply.term = term_;
  if (m.term == term_ && (!voted_for_ || *voted_for_ == from) &&
      LogUpToDate(m.last_log_index, m.last_log_term)) {
    voted_for_ = from;
    PersistMeta();
    SyncStorage();
    reply.granted = true;
    ResetElectionTimer();
  }
  Send(from, EncodeRaft(reply));
}

void RaftNode::OnRequestVoteReply(NodeId from, const RequestVoteReply& m) {
  if (m.pre_vote) {
    if (role_ != RaftRole::kPreCandidate || m.term != term_ + 1) return;
    votes_[from] = m.granted;
  } else {
    if (m.term > term_) return BecomeFollower(m.term, std::nullopt);
    if (role_ != RaftRole::kCandidate || m.term != term_) return;
    votes_[from] = m.granted;
  }
  size_t granted = 0;
  for (const auto& [id, yes] : votes_)
    granted += yes;
  if (granted < Majority()) return;
  if (role_ == RaftRole::kPreCandidate) {
    StartElection();
  } else {
    BecomeLeader();
  }
}

void RaftNode::SendAppend(NodeId peer) {
  uint64_t& next = next_index_[peer];
  if (next < 1) next = 1;
  if (next > last_index() + 1) next = last_index() + 1;
  AppendEntries m;
  m.term = term_;
  m.prev_index = next - 1;
  m.prev_term = TermAt(m.prev_index);
  m.leader_commit = commit_index_;
  m.read_round = read_round_;
  for (uint64_t i = next; i <= last_index() && m.entries.size() < options_.max_entries_per_append;
       ++i) {
    m.entries.push_back(log_[i]);
  }
  // Optimistic pipelining: assume delivery; a failure reply rewinds.
  next += m.entries.size();
  Send(peer, EncodeRaft(m));
}

void RaftNode::BroadcastAppend() {
  for (NodeId peer : members_) {
    if (peer != rt_.self()) SendAppend(peer);
  }
}

void RaftNode::OnAppendEntries(NodeId from, const AppendEntries& m) {
  AppendEntriesReply reply;
  reply.read_round = m.read_round;
  if (m.term < term_) {
    reply.term = term_;
    return Send(from, EncodeRaft(reply));
  }
  if (m.term > term_ || role_ != RaftRole::kFollower || leader_ != from) {
    BecomeFollower(m.term, from);
  } else {
    ResetElectionTimer();
  }
  last_leader_contact_ = rt_.Now();
  reply.term = term_;
  if (m.prev_index > last_index()) {
    reply.conflict_index = last_index() + 1;
    return Send(from, EncodeRaft(reply));
  }
  if (TermAt(m.prev_index) != m.prev_term) {
    reply.conflict_term = TermAt(m.prev_index);
    uint64_t first = m.prev_index;
    while (first > 1 && TermAt(first - 1) == reply.conflict_term)
      --first;
    reply.conflict_index = first;
    return Send(from, EncodeRaft(reply));
  }
  uint64_t index = m.prev_index;
  bool wrote = false;
  for (const RaftEntry& e : m.entries) {
    ++index;
    if (index <= last_index()) {
      if (log_[index].term == e.term) continue;
      TruncateFrom(index);
    }
    Append(e);
    wrote = true;
  }
  if (wrote) SyncStorage();
  const uint64_t last_new = m.prev_index + m.entries.size();
  if (m.leader_commit > commit_index_) {
    commit_index_ = std::min(m.leader_commit, last_new);
    ApplyCommitted();
  }
  reply.success = true;
  reply.match_index = last_new;
  Send(from, EncodeRaft(reply));
}

void RaftNode::OnAppendEntriesReply(NodeId from, const AppendEntriesReply& m) {
  if (m.term > term_) return BecomeFollower(m.term, std::nullopt);
  if (role_ != RaftRole::kLeader || m.term != term_) return;
  last_heard_[from] = rt_.Now();
  if (m.read_round > acked_round_[from]) acked_round_[from] = m.read_round;
  if (m.success) {
    if (m.match_index > match_index_[from]) match_index_[from] = m.match_index;
    if (next_index_[from] < match_index_[from] + 1) next_index_[from] = match_index_[from] + 1;
    AdvanceCommit();
  } else {
    uint64_t next = m.conflict_index;
    if (m.conflict_term > 0) {
      // Skip the follower's whole conflicting term, or jump to just past our own last entry
      // of that term.
      for (uint64_t i = last_index(); i > 0; --i) {
        if (TermAt(i) == m.conflict_term) {
          next = i + 1;
          break;
        }
        if (TermAt(i) < m.conflict_term) break;
      }
    }
    next_index_[from] = std::max<uint64_t>({next, match_index_[from] + 1, 1});
    SendAppend(from);
    CheckReadRounds();
    return;
  }
  CheckReadRounds();
  if (next_index_[from] <= last_index()) SendAppend(from);
}

void RaftNode::AdvanceCommit() {
  const uint64_t before = commit_index_;
  for (uint64_t n = last_index(); n > commit_index_; --n) {
    if (TermAt(n) != term_) break;  // only entries of the current term are committed by count
    size_t count = 0;
    for (NodeId peer : members_)
      count += match_index_[peer] >= n;
    if (count >= Majority()) {
      commit_index_ = n;
      break;
    }
  }
  ApplyCommitted();
  // Followers learn the new commit index now rather than at the next heartbeat, so they
  // apply (and serve) strong writes one WAN hop after the leader, not up to a heartbeat later.
  if (role_ == RaftRole::kLeader && commit_index_ > before) BroadcastCommit();
}

void RaftNode::BroadcastCommit() {
  for (NodeId peer : members_) {
    if (peer == rt_.self() || match_index_[peer] == 0) continue;
    // Anchored at what the follower is known to hold, with no entries: it cannot fail the
    // log check nor disturb the pipelined sends of new entries.
    AppendEntries m;
    m.term = term_;
    m.prev_index = match_index_[peer];
    m.prev_term = TermAt(m.prev_index);
    m.leader_commit = commit_index_;
    m.read_round = read_round_;
    Send(peer, EncodeRaft(m));
  }
}

void RaftNode::ApplyCommitted() {
  while (applied_index_ < commit_index_) {
    ++applied_index_;
    const RaftEntry& e = log_[applied_index_];
    if (!e.command.empty()) apply_(applied_index_, e.command);
    auto it = proposals_.find(applied_index_);
    if (it != proposals_.end()) {
      auto done = std::move(it->second);
      proposals_.erase(it);
      const uint64_t index = applied_index_;
      Later([done, index] { done(Status::Ok(), index); });
    }
  }
  for (auto it = apply_waiters_.begin(); it != apply_waiters_.end();) {
    if (it->index > applied_index_) {
      ++it;
      continue;
    }
    const uint64_t index = it->index;
    Later([done = std::move(it->done), index] { done(Status::Ok(), index); });
    it = apply_waiters_.erase(it);
  }
}

}  // namespace estate

// RaftNode: linearizable reads by read-index (Raft thesis §6.4). The leader records its
// commit index, then proves it is still the leader by a round of heartbeats acknowledged by a
// majority: no other leader can have committed anything newer in the meantime, whatever the
// clocks do. Reads that arrive together share one round.
#include "engine/raft/raft_node.h"

namespace estate {

void RaftNode::ReadIndex(IndexCallback done) {
  if (role_ == RaftRole::kLeader) {
    return ConfirmLeadership([this, done](Status s, uint64_t index) {
      if (!s.ok()) return done(s, 0);
      WaitForApply(index, done);
    });
  }
  if (!leader_) {
    return Later([done] { done(Status::Unavailable("no leader is known for a read"), 0); });
  }
  const uint64_t id = ++next_forward_id_;
  TimerId timer = rt_.Schedule(options_.read_index_timeout, [this, id] {
    auto it = forwarded_reads_.find(id);
    if (it == forwarded_reads_.end()) return;
    auto cb = std::move(it->second.first);
    forwarded_reads_.erase(it);
    cb(Status::Unavailable("the leader did not confirm a read in time"), 0);
  });
  forwarded_reads_[id] = {std::move(done), timer};
  Send(*leader_, EncodeRaft(ReadIndexRequest{id}));
}

void RaftNode::OnReadIndexRequest(NodeId from, const ReadIndexRequest& m) {
  if (role_ != RaftRole::kLeader)
    return Send(from, EncodeRaft(ReadIndexReply{m.request_id, false, 0}));
  ConfirmLeadership([this, from, id = m.request_id](Status s, uint64_t index) {
    Send(from, EncodeRaft(ReadIndexReply{id, s.ok(), index}));
  });
}

void RaftNode::OnReadIndexReply(const ReadIndexReply& m) {
  auto it = forwarded_reads_.find(m.request_id);
  if (it == forwarded_reads_.end()) return;
  auto cb = std::move(it->second.first);
  rt_.Cancel(it->second.second);
  forwarded_reads_.erase(it);
  if (!m.ok) return cb(Status::Unavailable("the leader could not confirm a read"), 0);
  WaitForApply(m.index, cb);
}

void RaftNode::ConfirmLeadership(IndexCallback done) {
  // Until its no-op commits, a new leader may not know the latest commit index; the no-op's
  // index is a safe lower bound that covers everything committed before it.
  const uint64_t index = std::max(commit_index_, term_start_index_);
  pending_reads_.push_back({index, read_round_ + 1, std::move(done)});
  if (members_.size() == 1) return CheckReadRounds();
  ScheduleReadRound();
}

void RaftNode::ScheduleReadRound() {
  if (read_round_scheduled_) return;
  read_round_scheduled_ = true;
  Later([this] {
    read_round_scheduled_ = false;
    if (role_ != RaftRole::kLeader) return;
    ++read_round_;
    BroadcastAppend();
  });
}

void RaftNode::CheckReadRounds() {
  if (role_ != RaftRole::kLeader) return;
  for (auto it = pending_reads_.begin(); it != pending_reads_.end();) {
    size_t acked = 1;  // the leader itself
    for (NodeId peer : members_) {
      if (peer != rt_.self() && acked_round_[peer] >= it->round) ++acked;
    }
    if (acked < Majority() && members_.size() > 1) {
      ++it;
      continue;
    }
    auto done = std::move(it->done);
    const uint64_t index = it->index;
    it = pending_reads_.erase(it);
    Later([done, index] { done(Status::Ok(), index); });
  }
}

void RaftNode::FailReads(const Status& why) {
  for (PendingRead& r : pending_reads_) {
    Later([done = std::move(r.done), why] { done(why, 0); });
  }
  pending_reads_.clear();
}

void RaftNode::WaitForApply(uint64_t index, IndexCallback done) {
  if (applied_index_ >= index) return Later([done, index] { done(Status::Ok(), index); });
  apply_waiters_.push_back({index, std::move(done)});
}

}  // namespace estate

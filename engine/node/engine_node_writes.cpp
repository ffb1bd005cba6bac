// EngineNode: the write paths of the five consistency modes, and the application of
// committed Raft entries and replicated stream entries.
#include <algorithm>
#include <cstdio>

#include "engine/node/engine_node.h"

namespace estate {
namespace {

Mutation BaseMutation(MutationKind kind, const std::string& bucket, const std::string& name) {
  Mutation m;
  m.kind = kind;
  m.bucket = bucket;
  m.name = name;
  return m;
}

}  // namespace

void EngineNode::CreateBucket(const std::string& name, bool versioning, StatusCallback done) {
  Mutation m = BaseMutation(MutationKind::kCreateBucket, name, "");
  m.versioning = versioning;
  SubmitWrite(nullptr, std::move(m), [done](const Result<ObjectMeta>& r) { done(r.status()); });
}

void EngineNode::DeleteBucket(const std::string& name, StatusCallback done) {
  SubmitWrite(nullptr, BaseMutation(MutationKind::kDeleteBucket, name, ""),
              [done](const Result<ObjectMeta>& r) { done(r.status()); });
}

void EngineNode::Insert(ClientContext& ctx, const std::string& bucket, const std::string& name,
                        const ObjectWrite& write, const Preconditions& pre, ObjectCallback done) {
  Mutation m = BaseMutation(MutationKind::kInsertObject, bucket, name);
  m.write = write;
  m.preconditions = pre;
  SubmitWrite(&ctx, std::move(m),
              Recorded("insert", ctx, bucket, name, pre, write.crc32c, std::move(done)));
}

void EngineNode::Patch(ClientContext& ctx, const std::string& bucket, const std::string& name,
                       std::optional<int64_t> generation, const ObjectPatch& patch,
                       const Preconditions& pre, ObjectCallback done) {
  Mutation m = BaseMutation(MutationKind::kPatchObject, bucket, name);
  m.target_generation = generation;
  m.patch = patch;
  m.preconditions = pre;
  SubmitWrite(&ctx, std::move(m),
              Recorded("patch", ctx, bucket, name, pre, std::nullopt, std::move(done)));
}

void EngineNode::Delete(ClientContext& ctx, const std::string& bucket, const std::string& name,
                        std::optional<int64_t> generation, const Preconditions& pre,
                        ObjectCallback done) {
  Mutation m = BaseMutation(MutationKind::kDeleteObject, bucket, name);
  m.target_generation = generation;
  m.preconditions = pre;
  SubmitWrite(&ctx, std::move(m),
              Recorded("delete", ctx, bucket, name, pre, std::nullopt, std::move(done)));
}

EngineNode::ObjectCallback EngineNode::Recorded(const char* op, const ClientContext& ctx,
                                                const std::string& bucket, const std::string& name,
                                                const Preconditions& pre,
                                                std::optional<int64_t> written_crc,
                                                ObjectCallback done) {
  if (!history_sink_) return done;
  HistoryRecord r;
  r.op = op;
  r.bucket = bucket;
  r.object = name;
  r.call_ns = rt_.Now();
  r.client = ctx.client_id;
  r.site = rt_.self();
  r.if_generation_match = pre.if_generation_match;
  Status error;
  if (const MountPolicy* p = PolicyFor(bucket, name, &error)) r.mode = ConsistencyModeName(p->mode);
  return [this, r, written_crc, done = std::move(done)](Result<ObjectMeta> result) mutable {
    r.return_ns = rt_.Now();
    if (result.ok()) {
      r.generation = result->generation;
      char hex[16];
      std::snprintf(hex, sizeof hex, "%08x",
                    static_cast<unsigned>(written_crc ? *written_crc : result->crc32c));
      r.digest = hex;
    } else {
      r.outcome = result.status().refused() ? std::string("refused")
                                            : std::string(result.status().reason());
    }
    history_sink_(r);
    done(std::move(result));
  };
}

void EngineNode::SubmitWrite(ClientContext* ctx, Mutation m, ObjectCallback done) {
  m.client_id = ctx ? ctx->client_id : 0;
  m.request_id = rt_.Random();
  // Count the outcome and advance the session token when the write completes.
  const bool carries_bytes = m.kind == MutationKind::kInsertObject;
  ObjectCallback finish = [this, ctx, carries_bytes, done = std::move(done)](Result<ObjectMeta> r) {
    if (r.ok()) {
      ++stats_.writes_ok;
      // The client uploaded the bytes here, whichever site ordered the write.
      if (carries_bytes) OnLocalData(*r);
      if (ctx && r->generation != 0) ctx->token.Observe(VersionOfGeneration(r->generation));
    } else {
      ++stats_.writes_failed;
      if (r.status().IsUnavailable()) ++stats_.unavailable;
    }
    done(std::move(r));
  };

  const bool bucket_op =
      m.kind == MutationKind::kCreateBucket || m.kind == MutationKind::kDeleteBucket;
  if (bucket_op) return ProposeStrong(std::move(m), std::move(finish));
  Status error;
  const MountPolicy* policy = PolicyFor(m.bucket, m.name, &error);
  if (policy == nullptr) {
    return Later([finish, error] { finish(error); });
  }
  switch (policy->mode) {
    case ConsistencyMode::kStrong:
      return ProposeStrong(std::move(m), std::move(finish));
    case ConsistencyMode::kSyncSites:
    case ConsistencyMode::kBoundedStaleness: {
      const SiteId primary = PrimaryOf(*policy);
      if (primary == rt_.self()) return WriteAtPrimary(*policy, std::move(m), std::move(finish));
      ForwardRequest req;
      req.kind = ForwardKind::kMutation;
      req.mutation = EncodeMutation(m);
      return Forward(primary, std::move(req), [finish](ForwardReply reply) {
        if (!reply.status().ok()) return finish(reply.status());
        finish(reply.object.value_or(ObjectMeta{}));
      });
    }
    case ConsistencyMode::kSession:
    case ConsistencyMode::kEventual:
      return WriteMultiMaster(ctx, std::move(m), std::move(finish));
  }
}

// ---- strong: through the Raft log ----

void EngineNode::ProposeStrong(Mutation m, ObjectCallback done) {
  if (!raft_->IsLeader()) {
    std::optional<NodeId> leader = raft_->LeaderHint();
    if (!leader || *leader == rt_.self()) {
      return Later([done] { done(Status::Refused("no strong-mode leader is known")); });
    }
    ForwardRequest req;
    req.kind = ForwardKind::kMutation;
    req.mutation = EncodeMutation(m);
    return Forward(*leader, std::move(req), [done](ForwardReply reply) {
      if (!reply.status().ok()) return done(reply.status());
      done(reply.object.value_or(ObjectMeta{}));
    });
  }
  // The leader stamps the version, so generations follow the log's order.
  m.version = {Tick(), rt_.self()};
  m.time = rt_.Now();
  const uint64_t id = m.request_id;
  proposals_[id] = std::move(done);
  raft_->Propose(EncodeMutation(m), [this, id](Status s, uint64_t /*index*/) {
    if (s.ok()) return;  // completed by ApplyRaftEntry
    auto it = proposals_.find(id);
    if (it == proposals_.end()) return;
    auto cb = std::move(it->second);
    proposals_.erase(it);
    cb(s);
  });
}

void EngineNode::ApplyRaftEntry(uint64_t index, const std::string& command) {
  if (index <= journaled_raft_index_) return;  // replayed from the journal at start
  Result<Mutation> m = DecodeMutation(command);
  if (!m.ok()) {
    rt_.Log(LogLevel::kError, "undecodable Raft entry " + std::to_string(index));
    return;
  }
  hlc_.Observe(rt_.Now(), m->version.hlc);
  Result<ObjectMeta> result = applier_.ApplyStrict(*m);
  if (m->kind == MutationKind::kInsertObject || m->kind == MutationKind::kPatchObject ||
      m->kind == MutationKind::kDeleteObject) {
    NoteReplicated(ReplicationEvent::What::kMetadata, m->version, 0);
  }
  // The Raft log is the durable record; a lost journal tail is re-applied from it.
  journal_.Append({JournalSource::kRaft, 0, index, rt_.Now(), command}, /*sync=*/false);
  journaled_raft_index_ = index;
  auto it = proposals_.find(m->request_id);
  if (it != proposals_.end()) {
    Later([cb = std::move(it->second), result = std::move(result)] { cb(result); });
    proposals_.erase(it);
  }
}

// ---- sync-sites and bounded-staleness: ordered by the mount's primary ----

bool EngineNode::ReplicasUnreachable(const MountPolicy& policy) const {
  const TimeNs now = rt_.Now();
  for (SiteId r : OnPremReplicasOf(policy)) {
    if (r == rt_.self()) continue;
    TimeNs last = stream_->last_ack_time(r);
    if (last < 0) last = started_at_;
    if (now - last > options_.unreachable_after) return true;
  }
  return false;
}

bool EngineNode::OverStalenessBound(const MountPolicy& policy) const {
  const TimeNs now = rt_.Now();
  for (SiteId r : options_.sites) {
    if (r == rt_.self() || !(policy.replicas.contains(r) || policy.home == r)) continue;
    // A replica silent for longer than T cannot be serving local reads (its freshness proof
    // has expired), so it no longer holds writes back.
    const TimeNs last = stream_->last_ack_time(r);
    if (last < 0 || now - last > policy.staleness.max_lag) continue;
    if (static_cast<int64_t>(stream_->Backlog(r)) >= policy.staleness.max_versions ||
        stream_->Lag(r, now) >= policy.staleness.max_lag) {
      return true;
    }
  }
  return false;
}

void EngineNode::CommitOwnEffect(const Mutation& request, const ObjectMeta& result, bool durable,
                                 uint64_t* seq) {
  Mutation effect = MutationApplier::EffectOf(request, result);
  applier_.NoteLocalWrite(effect);
  std::string bytes = EncodeMutation(effect);
  // Journal first: the stream append that follows syncs storage, covering both.
  journal_.Append({JournalSource::kStream, rt_.self(), stream_->last_seq() + 1, rt_.Now(), bytes},
                  /*sync=*/false);
  *seq = stream_->Append(std::move(bytes), durable);
}

void EngineNode::WriteAtPrimary(const MountPolicy& policy, Mutation m, ObjectCallback done) {
  const bool sync_sites = policy.mode == ConsistencyMode::kSyncSites;
  if (sync_sites && ReplicasUnreachable(policy)) {
    return Later(
        [done] { done(Status::Refused("a sync-sites replica is unreachable; write refused")); });
  }
  if (!sync_sites && OverStalenessBound(policy)) {
    ++stats_.throttled_writes;
    throttled_.push_back({std::move(m), std::move(done), rt_.Now() + options_.request_timeout});
    return;
  }
  m.version = {Tick(), rt_.self()};
  m.time = rt_.Now();
  Result<ObjectMeta> result = applier_.ApplyStrict(m);
  if (!result.ok()) {
    return Later([done, s = result.status()] { done(s); });
  }
  uint64_t seq = 0;
  CommitOwnEffect(m, *result, /*durable=*/sync_sites, &seq);
  if (!sync_sites) {
    return Later([done, r = *result] { done(r); });
  }
  std::vector<SiteId> replicas;
  for (SiteId r : OnPremReplicasOf(policy)) {
    if (r != rt_.self()) replicas.push_back(r);
  }
  if (replicas.empty()) return Later([done, r = *result] { done(r); });
  SyncWaiter& w = sync_waiters_[seq];
  w.replicas = std::move(replicas);
  w.result = *result;
  w.done = std::move(done);
  w.timer = rt_.Schedule(options_.request_timeout, [this, seq] {
    auto it = sync_waiters_.find(seq);
    if (it == sync_waiters_.end()) return;
    auto cb = std::move(it->second.done);
    sync_waiters_.erase(it);
    // The write is in this site's stream and will reach the replicas once they are back, so
    // its outcome is unknown to the client rather than failed.
    cb(Status::Unavailable("sync-sites replicas did not confirm the write in time"));
  });
}

void EngineNode::OnStreamAck(NodeId /*follower*/, uint64_t /*applied*/) {
  for (auto it = sync_waiters_.begin(); it != sync_waiters_.end();) {
    bool all = true;
    for (SiteId r : it->second.replicas)
      all = all && stream_->applied_seq(r) >= it->first;
    if (!all) break;  // waiters complete in sequence order
    rt_.Cancel(it->second.timer);
    auto cb = std::move(it->second.done);
    ObjectMeta result = std::move(it->second.result);
    it = sync_waiters_.erase(it);
    cb(std::move(result));
  }
  RetryThrottled();
}

void EngineNode::RetryThrottled() {
  if (throttled_.empty()) return;
  std::vector<Throttled> waiting;
  waiting.swap(throttled_);
  const TimeNs now = rt_.Now();
  for (size_t i = 0; i < waiting.size(); ++i) {
    Throttled& t = waiting[i];
    if (now >= t.deadline) {
      t.done(
          Status::ResourceExhausted("write throttled: a replica lags beyond the staleness bound"));
      continue;
    }
    Status error;
    const MountPolicy* policy = PolicyFor(t.m.bucket, t.m.name, &error);
    if (policy == nullptr) {
      t.done(error);
      continue;
    }
    if (OverStalenessBound(*policy)) {
      // Keep the order: this one and every later one wait for the next acknowledgement.
      for (size_t j = i; j < waiting.size(); ++j)
        throttled_.push_back(std::move(waiting[j]));
      return;
    }
    WriteAtPrimary(*policy, std::move(t.m), std::move(t.done));
  }
}

// ---- session and eventual: every site accepts writes ----

void EngineNode::WriteMultiMaster(ClientContext* ctx, Mutation m, ObjectCallback done) {
  // The version must follow everything the session saw, wherever it saw it.
  if (ctx) {
    for (const auto& [site, hlc] : ctx->token.positions)
      hlc_.Observe(rt_.Now(), hlc);
  }
  m.version = {Tick(), rt_.self()};
  m.time = rt_.Now();
  m.observed_generation = GenerationOf(applier_.LastVersion(m.bucket, m.name));
  if (applier_.LastVersion(m.bucket, m.name) == Version{}) m.observed_generation = 0;
  Result<ObjectMeta> result = applier_.ApplyStrict(m);
  if (!result.ok()) {
    return Later([done, s = result.status()] { done(s); });
  }
  uint64_t seq = 0;
  CommitOwnEffect(m, *result, /*durable=*/false, &seq);
  Later([done, r = *result] { done(r); });
}

void EngineNode::ApplyStreamEntry(NodeId origin, const StreamEntry& entry) {
  Result<Mutation> m = DecodeMutation(entry.mutation);
  if (!m.ok()) {
    rt_.Log(LogLevel::kError, "undecodable stream entry from site " + std::to_string(origin));
    return;
  }
  hlc_.Observe(rt_.Now(), m->version.hlc);
  applier_.ApplyReplicated(*m, rt_.Now(), /*record_conflicts=*/true);
  NoteReplicated(ReplicationEvent::What::kMetadata, m->version, 0);
  HlcTimestamp& h = applied_hlc_[origin];
  h = std::max(h, m->version.hlc);
  journal_.Append({JournalSource::kStream, origin, entry.seq, rt_.Now(), entry.mutation},
                  /*sync=*/false);
}

}  // namespace estate

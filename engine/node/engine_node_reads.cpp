// EngineNode: the read paths of the five consistency modes.
#include "engine/node/engine_node.h"

namespace estate {

void EngineNode::Get(ClientContext& ctx, const std::string& bucket, const std::string& name,
                     std::optional<int64_t> generation, const Preconditions& pre,
                     ObjectCallback done) {
  ReadSpec spec;
  spec.bucket = bucket;
  spec.name = name;
  spec.generation = generation;
  spec.preconditions = pre;
  ObjectCallback recorded = Recorded("get", ctx, bucket, name, pre, std::nullopt, std::move(done));
  SubmitRead(ctx, ForwardKind::kGet, std::move(spec), [recorded](ForwardReply reply) {
    if (!reply.status().ok()) return recorded(reply.status());
    recorded(reply.object.value_or(ObjectMeta{}));
  });
}

void EngineNode::List(ClientContext& ctx, const std::string& bucket, const ListOptions& options,
                      ListCallback done) {
  ReadSpec spec;
  spec.bucket = bucket;
  spec.name = options.prefix;
  spec.list = options;
  SubmitRead(ctx, ForwardKind::kList, std::move(spec), [done](ForwardReply reply) {
    if (!reply.status().ok()) return done(reply.status());
    done(reply.page.value_or(ListPage{}));
  });
}

ForwardReply EngineNode::ReadLocally(ForwardKind kind, const ReadSpec& spec) const {
  ForwardReply reply;
  if (kind == ForwardKind::kList) {
    Result<ListPage> page = ns_.ListObjects(spec.bucket, spec.list);
    if (page.ok()) {
      reply.page = std::move(*page);
    } else {
      reply.code = page.status().code();
      reply.message = page.status().message();
    }
    return reply;
  }
  Result<ObjectMeta> meta =
      ns_.GetObject(spec.bucket, spec.name, spec.generation, spec.preconditions);
  if (meta.ok()) {
    reply.object = std::move(*meta);
  } else {
    reply.code = meta.status().code();
    reply.message = meta.status().message();
  }
  return reply;
}

void EngineNode::SubmitRead(ClientContext& ctx, ForwardKind kind, ReadSpec spec,
                            std::function<void(ForwardReply)> done) {
  // Every answer updates the session with the version it showed.
  auto finish = [this, &ctx, done = std::move(done)](ForwardReply reply) {
    if (reply.code == StatusCode::kUnavailable) ++stats_.unavailable;
    if (reply.object && reply.object->generation != 0) {
      ctx.token.Observe(VersionOfGeneration(reply.object->generation));
    }
    if (reply.page) {
      for (const ObjectMeta& m : reply.page->items)
        ctx.token.Observe(VersionOfGeneration(m.generation));
    }
    done(std::move(reply));
  };
  Status error;
  const MountPolicy* policy = PolicyFor(spec.bucket, spec.name, &error);
  if (policy == nullptr) {
    ForwardReply r;
    r.code = error.code();
    r.message = error.message();
    return Later([finish, r] { finish(r); });
  }
  switch (policy->mode) {
    case ConsistencyMode::kStrong:
      // Read-index: safe without any clock assumption, unlike leader leases.
      raft_->ReadIndex([this, kind, spec, finish](Status s, uint64_t /*index*/) {
        if (!s.ok()) {
          ForwardReply r;
          r.code = s.code();
          r.message = s.message();
          return finish(r);
        }
        ++stats_.reads_local;
        finish(ReadLocally(kind, spec));
      });
      return;
    case ConsistencyMode::kSyncSites:
    case ConsistencyMode::kEventual:
      ++stats_.reads_local;
      return Later([this, kind, spec, finish] { finish(ReadLocally(kind, spec)); });
    case ConsistencyMode::kBoundedStaleness: {
      const SiteId primary = PrimaryOf(*policy);
      if (primary == rt_.self() || FreshForBoundedRead(*policy)) {
        ++stats_.reads_local;
        return Later([this, kind, spec, finish] { finish(ReadLocally(kind, spec)); });
      }
      ++stats_.reads_forwarded;
      ForwardRequest req;
      req.kind = kind;
      req.read = std::move(spec);
      return Forward(primary, std::move(req), finish);
    }
    case ConsistencyMode::kSession: {
      if (SessionSatisfied(ctx.token)) {
        ++stats_.reads_local;
        return Later([this, kind, spec, finish] { finish(ReadLocally(kind, spec)); });
      }
      ++stats_.reads_waited;
      return WaitForSession(ctx.token, [this, kind, spec, finish](bool reached) {
        if (reached) return finish(ReadLocally(kind, spec));
        ForwardReply r;
        r.code = StatusCode::kUnavailable;
        r.message = "this site has not caught up with the session in time";
        finish(r);
      });
    }
  }
}

bool EngineNode::FreshForBoundedRead(const MountPolicy& policy) const {
  const OriginProgress p = receiver_.progress(PrimaryOf(policy));
  if (p.fresh_as_of < 0) return false;
  const bool within_time = rt_.Now() - p.fresh_as_of <= policy.staleness.max_lag;
  const bool within_versions =
      static_cast<int64_t>(p.known_last_seq - p.applied_seq) <= policy.staleness.max_versions;
  return within_time && within_versions;
}

bool EngineNode::SessionSatisfied(const SessionToken& token) const {
  for (const auto& [site, position] : token.positions) {
    if (site == rt_.self()) continue;  // this site's own writes are applied when acknowledged
    auto it = applied_hlc_.find(site);
    HlcTimestamp applied = it == applied_hlc_.end() ? HlcTimestamp{} : it->second;
    const HlcTimestamp fresh = receiver_.progress(site).fresh_hlc;
    if (fresh > applied) applied = fresh;
    if (applied < position) return false;
  }
  return true;
}

void EngineNode::WaitForSession(const SessionToken& token, std::function<void(bool)> done) {
  const uint64_t id = NextRequestId();
  SessionWaiter& w = session_waiters_[id];
  w.token = token;
  w.done = std::move(done);
  w.timer = rt_.Schedule(options_.session_wait, [this, id] {
    auto it = session_waiters_.find(id);
    if (it == session_waiters_.end()) return;
    auto cb = std::move(it->second.done);
    session_waiters_.erase(it);
    cb(false);
  });
}

void EngineNode::CheckSessionWaiters() {
  for (auto it = session_waiters_.begin(); it != session_waiters_.end();) {
    if (!SessionSatisfied(it->second.token)) {
      ++it;
      continue;
    }
    rt_.Cancel(it->second.timer);
    auto cb = std::move(it->second.done);
    it = session_waiters_.erase(it);
    cb(true);
  }
}

void EngineNode::OnForwardRequest(NodeId from, ForwardRequest req) {
  const uint64_t id = req.request_id;
  const auto seen_key = std::make_pair(from, id);
  auto seen = forwards_seen_.find(seen_key);
  if (seen != forwards_seen_.end()) {
    // A duplicate: answer again if done, otherwise the first copy will answer.
    if (seen->second) Reply(from, *seen->second);
    return;
  }
  forwards_seen_.emplace(seen_key, std::nullopt);
  forwards_order_.push_back(seen_key);
  if (forwards_order_.size() > kForwardsRemembered) {
    forwards_seen_.erase(forwards_order_.front());
    forwards_order_.pop_front();
  }
  auto answer = [this, from, id, seen_key](Result<ObjectMeta> r) {
    ForwardReply reply;
    reply.request_id = id;
    if (r.ok()) {
      reply.object = std::move(*r);
    } else {
      reply.code = r.status().code();
      reply.message = r.status().message();
      reply.refused = r.status().refused();
    }
    auto it = forwards_seen_.find(seen_key);
    if (it != forwards_seen_.end()) it->second = reply;
    Reply(from, std::move(reply));
  };
  if (req.kind != ForwardKind::kMutation) {
    ForwardReply reply = ReadLocally(req.kind, req.read);
    reply.request_id = id;
    return Reply(from, std::move(reply));
  }
  Result<Mutation> m = DecodeMutation(req.mutation);
  if (!m.ok()) return answer(m.status());
  const bool bucket_op =
      m->kind == MutationKind::kCreateBucket || m->kind == MutationKind::kDeleteBucket;
  Status error;
  const MountPolicy* policy = bucket_op ? nullptr : PolicyFor(m->bucket, m->name, &error);
  if (!bucket_op && policy == nullptr) return answer(error);
  if (bucket_op || policy->mode == ConsistencyMode::kStrong) {
    // Forwarded once only: a site that is no longer leader refuses rather than re-forwards.
    if (!raft_->IsLeader()) return answer(Status::Refused("this site is not the leader"));
    return ProposeStrong(std::move(*m), answer);
  }
  if (PrimaryOf(*policy) != rt_.self()) {
    return answer(Status::Refused("this site is not the mount's primary"));
  }
  WriteAtPrimary(*policy, std::move(*m), answer);
}

}  // namespace estate

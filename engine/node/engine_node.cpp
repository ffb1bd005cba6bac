// EngineNode: construction, recovery, message dispatch and request forwarding. Writes are in
// engine_node_writes.cpp, reads in engine_node_reads.cpp.
#include "engine/node/engine_node.h"

#include <algorithm>

namespace estate {

EngineNode::EngineNode(Runtime& rt, EngineOptions options)
    : rt_(rt),
      options_(std::move(options)),
      applier_(ns_, rt.self()),
      journal_(rt.Storage()),
      receiver_(rt, [this](NodeId origin, const StreamEntry& e) { ApplyStreamEntry(origin, e); }) {
  std::vector<NodeId> others;
  for (SiteId s : options_.sites) {
    if (s != rt_.self()) others.push_back(s);
  }
  raft_ = std::make_unique<RaftNode>(
      rt_, options_.sites, options_.raft,
      [this](uint64_t index, const std::string& command) { ApplyRaftEntry(index, command); });
  stream_ = std::make_unique<OriginStream>(rt_, others, options_.stream,
                                           [this] { return hlc_.Tick(rt_.Now()); });
  stream_->SetAckListener(
      [this](NodeId follower, uint64_t applied) { OnStreamAck(follower, applied); });
  data_ = std::make_unique<DataMover>(
      rt_, options_.data, [this](NodeId from, const DataTransfer& t) { OnDataReceived(from, t); },
      [this](NodeId to, const DataTransfer& t) { OnDataAcked(to, t); });
  auto cache = options_.caches.find(rt_.self());
  if (cache != options_.caches.end()) {
    SiteCacheOptions cache_options = cache->second.options;
    // Mount policies pin prefixes of their own ("hot/" under "lake/" pins "lake/hot/..."),
    // in cache-key form.
    for (const Mount& m : options_.mounts.mounts()) {
      for (const std::string& p : m.policy.cache.pinned_prefixes) {
        cache_options.pinned_prefixes.push_back(m.bucket + "/" + m.prefix + p);
      }
    }
    cache_ = MakeSiteCache(cache->second.policy, std::move(cache_options));
    cache_->SetEvictionListener([this](const std::string& key, uint64_t) {
      // "bucket/name#generation": the bytes are gone from this site.
      const size_t slash = key.find('/');
      const size_t hash = key.rfind('#');
      if (slash == std::string::npos || hash == std::string::npos || hash < slash) return;
      ObjectRef ref;
      ref.bucket = key.substr(0, slash);
      ref.name = key.substr(slash + 1, hash - slash - 1);
      ref.generation = std::stoll(key.substr(hash + 1));
      NoteResident(ref, rt_.self(), false);
    });
  }
}

EngineNode::~EngineNode() {
  for (auto& [id, t] : forward_timers_)
    rt_.Cancel(t);
  for (auto& [seq, w] : sync_waiters_)
    rt_.Cancel(w.timer);
  for (auto& [id, w] : session_waiters_)
    rt_.Cancel(w.timer);
}

Status EngineNode::Start() {
  started_at_ = rt_.Now();
  request_base_ = rt_.Random() & 0xffffffff00000000ull;
  rt_.SetMessageHandler([this](NodeId from, Message msg) { OnMessage(from, std::move(msg)); });

  // Rebuild the namespace from the journal, in the order things were first applied.
  replaying_ = true;
  std::map<NodeId, uint64_t> stream_positions;
  Status replay = journal_.Replay([&](const JournalRecord& r) {
    Result<Mutation> m = DecodeMutation(r.mutation);
    if (!m.ok()) return;
    hlc_.Observe(rt_.Now(), m->version.hlc);
    if (r.source == JournalSource::kSeed) {
      applier_.ApplySeed(*m);
    } else if (r.source == JournalSource::kRaft) {
      applier_.ApplyStrict(*m);
      journaled_raft_index_ = std::max(journaled_raft_index_, r.position);
    } else {
      applier_.ApplyReplicated(*m, r.applied_at, /*record_conflicts=*/false);
      if (r.origin != rt_.self()) {
        stream_positions[r.origin] = std::max(stream_positions[r.origin], r.position);
        HlcTimestamp& h = applied_hlc_[r.origin];
        h = std::max(h, m->version.hlc);
      }
    }
  });
  replaying_ = false;
  if (!replay.ok()) return replay;
  for (const auto& [origin, seq] : stream_positions)
    receiver_.SetRecoveredPosition(origin, seq);

  Status s = stream_->Recover();
  if (!s.ok()) return s;
  s = raft_->Start();
  if (!s.ok()) return s;
  stream_->Start();
  return Status::Ok();
}

Status EngineNode::Seed(const ObjectMeta& meta) {
  Mutation m;
  m.kind = MutationKind::kInsertObject;
  m.bucket = meta.bucket;
  m.name = meta.name;
  m.version = VersionOfGeneration(meta.generation);
  m.time = meta.create_time;
  m.write.size = meta.size;
  m.write.crc32c = meta.crc32c;
  m.write.md5 = meta.md5;
  m.write.content_type = meta.content_type;
  m.write.metadata = meta.metadata;
  m.write.storage_class = meta.storage_class;
  Status s = applier_.ApplySeed(m);
  if (!s.ok()) return s;
  return journal_.Append({JournalSource::kSeed, kGcpSite, 0, rt_.Now(), EncodeMutation(m)},
                         /*sync=*/true);
}

void EngineNode::NoteReplicated(ReplicationEvent::What what, const Version& written,
                                uint64_t bytes) {
  if (!replication_listener_ || written.site == rt_.self()) return;
  ReplicationEvent e;
  e.what = what;
  e.origin = written.site;
  e.written_at = written.hlc.time();
  e.applied_at = rt_.Now();
  e.bytes = bytes;
  replication_listener_(e);
}

void EngineNode::OnMessage(NodeId from, Message msg) {
  const uint32_t t = msg.type;
  if (t >= kRaftMessageFirst && t <= kRaftMessageLast) {
    raft_->OnMessage(from, msg);
  } else if (t == kStreamBatchMessage) {
    Result<StreamBatch> b = DecodeStreamBatch(msg.payload);
    if (!b.ok()) return;
    hlc_.Observe(rt_.Now(), b->origin_hlc);
    receiver_.OnBatch(from, *b);
    CheckSessionWaiters();
  } else if (t == kStreamAckMessage) {
    Result<StreamAck> a = DecodeStreamAck(msg.payload);
    if (a.ok()) stream_->OnAck(from, *a);
  } else if (t == kForwardRequestMessage) {
    Result<ForwardRequest> r = DecodeForwardRequest(msg.payload);
    if (r.ok()) OnForwardRequest(from, std::move(*r));
  } else if (t == kForwardReplyMessage) {
    Result<ForwardReply> r = DecodeForwardReply(msg.payload);
    if (r.ok()) OnForwardReply(std::move(*r));
  } else if (t == kDataFetchMessage) {
    Result<DataFetch> f = DecodeDataFetch(msg.payload);
    if (f.ok()) OnDataFetch(from, *f);
  } else if (t >= kDataMessageFirst && t <= kDataMessageLast) {
    data_->OnMessage(from, msg);
  }
}

void EngineNode::Forward(SiteId to, ForwardRequest req, std::function<void(ForwardReply)> done) {
  req.request_id = NextRequestId();
  const uint64_t id = req.request_id;
  forwarded_[id] = std::move(done);
  forward_timers_[id] = rt_.Schedule(options_.request_timeout, [this, id, to] {
    forward_timers_.erase(id);
    auto it = forwarded_.find(id);
    if (it == forwarded_.end()) return;
    auto done = std::move(it->second);
    forwarded_.erase(it);
    ForwardReply timeout;
    timeout.request_id = id;
    timeout.code = StatusCode::kUnavailable;
    timeout.message = "no answer from site " + std::to_string(to) + " in time";
    done(std::move(timeout));
  });
  Message msg;
  msg.type = kForwardRequestMessage;
  msg.payload = EncodeForwardRequest(req);
  rt_.Send(to, std::move(msg));
}

void EngineNode::OnForwardReply(ForwardReply reply) {
  auto it = forwarded_.find(reply.request_id);
  if (it == forwarded_.end()) return;  // timed out already, or meant for a previous life
  auto done = std::move(it->second);
  forwarded_.erase(it);
  auto t = forward_timers_.find(reply.request_id);
  if (t != forward_timers_.end()) {
    rt_.Cancel(t->second);
    forward_timers_.erase(t);
  }
  done(std::move(reply));
}

void EngineNode::Reply(NodeId to, ForwardReply reply) {
  Message msg;
  msg.type = kForwardReplyMessage;
  msg.payload = EncodeForwardReply(reply);
  rt_.Send(to, std::move(msg));
}

const MountPolicy* EngineNode::PolicyFor(const std::string& bucket, const std::string& name,
                                         Status* error) const {
  Result<ResolvedMount> r = options_.mounts.Resolve(bucket, name);
  if (!r.ok()) {
    *error = r.status();
    return nullptr;
  }
  return &options_.mounts.PolicyAt(r->index);
}

SiteId EngineNode::PrimaryOf(const MountPolicy& policy) const {
  if (policy.home != kGcpSite) return policy.home;
  for (SiteId s : options_.sites) {
    if (s != kGcpSite && policy.replicas.contains(s)) return s;
  }
  return kGcpSite;
}

std::vector<SiteId> EngineNode::OnPremReplicasOf(const MountPolicy& policy) const {
  std::vector<SiteId> out;
  for (SiteId s : options_.sites) {
    if (s != kGcpSite && (policy.replicas.contains(s) || policy.home == s)) out.push_back(s);
  }
  return out;
}

DurationNs EngineNode::StreamLag(SiteId follower) const {
  return stream_->Lag(follower, rt_.Now());
}

}  // namespace estate

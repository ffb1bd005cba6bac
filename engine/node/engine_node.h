// EngineNode: one site's engine. It serves GCS operations against the unified namespace and
// keeps its copy of the namespace consistent with the other sites according to each mount's
// consistency mode:
//
//   strong             writes and bucket changes go through the Raft log across all sites;
//                      reads use read-index (the leader proves it is still leader to a
//                      majority, then the node waits to apply up to the leader's commit index)
//   sync-sites         the mount's primary site orders writes and acknowledges one only after
//                      every on-prem replica has applied it durably; GCS is written back
//                      asynchronously; an unreachable replica makes writes fail with 503
//   bounded-staleness  the primary orders writes and ships them asynchronously; a site serves
//                      reads locally only while provably within K versions and T of the
//                      primary, and forwards them otherwise; the primary throttles writes
//                      while a live replica lags beyond the bound
//   session            every site accepts writes and ships them asynchronously; a session
//                      token (an HLC position) makes reads wait until the site has applied
//                      everything the session wrote or saw
//   eventual           every site accepts writes; last writer wins by HLC version
//
// Bucket creation and deletion always go through the Raft log: buckets are the namespace's
// structure, and two sites must never disagree on whether one exists.
//
// All methods complete through callbacks run from the node's runtime, never inline.
// Threading: one runtime thread/actor; nothing here is thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/cache/site_cache.h"
#include "engine/clock/hlc.h"
#include "engine/data/data_mover.h"
#include "engine/history/history_record.h"
#include "engine/node/engine_options.h"
#include "engine/node/journal.h"
#include "engine/node/mutation_applier.h"
#include "engine/node/node_messages.h"
#include "engine/node/session_token.h"
#include "engine/ns/namespace.h"
#include "engine/raft/raft_node.h"
#include "engine/runtime.h"
#include "engine/stream/origin_stream.h"
#include "engine/stream/stream_receiver.h"

namespace estate {

// A client's view across requests. Pass the same context to successive calls of one
// session; the engine advances the token.
struct ClientContext {
  uint64_t client_id = 0;
  SessionToken token;  // everything this client wrote or read
};

struct EngineStats {
  uint64_t writes_ok = 0;
  uint64_t writes_failed = 0;
  uint64_t reads_local = 0;
  uint64_t reads_forwarded = 0;
  uint64_t reads_waited = 0;  // session reads that had to wait for replication
  uint64_t throttled_writes = 0;
  uint64_t unavailable = 0;  // requests answered 503
  uint64_t data_hits = 0;    // ReadData served from bytes already here
  uint64_t data_misses = 0;  // ReadData that had to fetch

  // Sums counters, e.g. over the lives of a site that restarted.
  EngineStats& operator+=(const EngineStats& o) {
    writes_ok += o.writes_ok;
    writes_failed += o.writes_failed;
    reads_local += o.reads_local;
    reads_forwarded += o.reads_forwarded;
    reads_waited += o.reads_waited;
    throttled_writes += o.throttled_writes;
    unavailable += o.unavailable;
    data_hits += o.data_hits;
    data_misses += o.data_misses;
    return *this;
  }
};

// A replica caught up with one write made at another site: its metadata was applied here
// (from the stream or the strong-mode log), or its bytes arrived here (replication or
// write-back). The delay between written_at and applied_at is the write's replication lag.
struct ReplicationEvent {
  enum class What : uint8_t { kMetadata, kData };
  What what = What::kMetadata;
  SiteId origin = 0;      // the site where the write was made
  TimeNs written_at = 0;  // the origin's clock when the write was made
  TimeNs applied_at = 0;  // this node's clock when it caught up
  uint64_t bytes = 0;     // kData: the object's size
};

// The outcome of a read that needs the object's bytes at this site.
struct DataRead {
  ObjectMeta meta;
  bool cache_hit = false;  // the bytes were already here
  SiteId served_from = 0;  // this site on a hit; the site that sent them on a miss
};

class EngineNode {
 public:
  using ObjectCallback = std::function<void(Result<ObjectMeta>)>;
  using ListCallback = std::function<void(Result<ListPage>)>;
  using StatusCallback = std::function<void(Status)>;

  EngineNode(Runtime& rt, EngineOptions options);
  EngineNode(const EngineNode&) = delete;
  EngineNode& operator=(const EngineNode&) = delete;
  ~EngineNode();

  // The callbacks of the calls below run later, from the runtime; a ClientContext passed to
  // them must outlive its callback (its session token is updated just before the callback).

  // Rebuilds state from local storage (journal, Raft log, stream log) and starts the
  // protocols. REQUIRES: called once, before any other method.
  Status Start();

  void CreateBucket(const std::string& name, bool versioning, StatusCallback done);
  void DeleteBucket(const std::string& name, StatusCallback done);

  void Insert(ClientContext& ctx, const std::string& bucket, const std::string& name,
              const ObjectWrite& write, const Preconditions& pre, ObjectCallback done);
  void Get(ClientContext& ctx, const std::string& bucket, const std::string& name,
           std::optional<int64_t> generation, const Preconditions& pre, ObjectCallback done);
  void Patch(ClientContext& ctx, const std::string& bucket, const std::string& name,
             std::optional<int64_t> generation, const ObjectPatch& patch, const Preconditions& pre,
             ObjectCallback done);
  void Delete(ClientContext& ctx, const std::string& bucket, const std::string& name,
              std::optional<int64_t> generation, const Preconditions& pre, ObjectCallback done);
  void List(ClientContext& ctx, const std::string& bucket, const ListOptions& options,
            ListCallback done);
  // Reads an object's metadata (per its mode) and makes sure its bytes are at this site:
  // a cache hit, or a fetch from a site that holds them (GCS first), which is egress when it
  // comes from the GCP site. 503 when the bytes do not arrive within fetch_timeout.
  void ReadData(ClientContext& ctx, const std::string& bucket, const std::string& name,
                std::function<void(Result<DataRead>)> done);

  // Adds an object that existed before the deployment's history began (an entry of the GCS
  // inventory the sites start from): installed as-is with its bytes at GCS, and journaled
  // durably so a restart keeps it. Every site must be seeded with the same objects before
  // any client touches them. Errors: those of Namespace::InstallObject.
  Status Seed(const ObjectMeta& meta);

  // Receives one event per replicated write this node catches up with (see ReplicationEvent).
  void SetReplicationListener(std::function<void(const ReplicationEvent&)> listener) {
    replication_listener_ = std::move(listener);
  }

  // Receives one record per client operation (insert, get, patch, delete, list) when it
  // completes, stamped with this node's clock at call and return (docs/HISTORY.md).
  void SetHistorySink(std::function<void(const HistoryRecord&)> sink) {
    history_sink_ = std::move(sink);
  }

  // This node's copy of the namespace (for digests, metrics and tests).
  const Namespace& ns() const { return ns_; }
  const EngineStats& stats() const { return stats_; }
  const std::vector<ConflictRecord>& conflicts() const { return applier_.conflicts(); }
  const RaftNode& raft() const { return *raft_; }
  const OriginStream& stream() const { return *stream_; }
  const DataMover& data() const { return *data_; }
  // This site's cache, or nullptr when it keeps none.
  const SiteCache* cache() const { return cache_.get(); }
  // Bytes this site has sent to on-prem sites; at the GCP site, that is GCS egress.
  uint64_t BytesSentOnPrem() const;
  const StreamReceiver& receiver() const { return receiver_; }
  SiteId self() const { return rt_.self(); }

  // Replication lag of `follower` behind this node's stream: the age of the oldest entry it
  // has not applied.
  DurationNs StreamLag(SiteId follower) const;

 private:
  // Routing by mode.
  const MountPolicy* PolicyFor(const std::string& bucket, const std::string& name,
                               Status* error) const;
  SiteId PrimaryOf(const MountPolicy& policy) const;
  std::vector<SiteId> OnPremReplicasOf(const MountPolicy& policy) const;

  // Writes.
  void SubmitWrite(ClientContext* ctx, Mutation m, ObjectCallback done);
  void ProposeStrong(Mutation m, ObjectCallback done);
  void WriteAtPrimary(const MountPolicy& policy, Mutation m, ObjectCallback done);
  void WriteMultiMaster(ClientContext* ctx, Mutation m, ObjectCallback done);
  void CommitOwnEffect(const Mutation& request, const ObjectMeta& result, bool durable,
                       uint64_t* seq);
  bool ReplicasUnreachable(const MountPolicy& policy) const;
  bool OverStalenessBound(const MountPolicy& policy) const;
  void RetryThrottled();

  // Reads.
  void SubmitRead(ClientContext& ctx, ForwardKind kind, ReadSpec spec,
                  std::function<void(ForwardReply)> done);
  bool FreshForBoundedRead(const MountPolicy& policy) const;
  // True when this node has applied, from every origin, everything up to the token.
  bool SessionSatisfied(const SessionToken& token) const;
  ForwardReply ReadLocally(ForwardKind kind, const ReadSpec& spec) const;
  void WaitForSession(const SessionToken& token, std::function<void(bool)> done);
  void CheckSessionWaiters();

  // Messages.
  void OnMessage(NodeId from, Message msg);
  void OnForwardRequest(NodeId from, ForwardRequest req);
  void OnForwardReply(ForwardReply reply);
  void Forward(SiteId to, ForwardRequest req, std::function<void(ForwardReply)> done);
  void Reply(NodeId to, ForwardReply reply);

  // Data movement.
  void OnLocalData(const ObjectMeta& meta);
  void OnDataReceived(NodeId from, const DataTransfer& t);
  void OnDataAcked(NodeId to, const DataTransfer& t);
  void OnDataFetch(NodeId from, const DataFetch& f);
  void FetchData(const ObjectMeta& meta, const MountPolicy& policy,
                 std::function<void(Result<DataRead>)> done);
  void NoteResident(const ObjectRef& ref, SiteId site, bool resident);

  // Applying.
  void NoteReplicated(ReplicationEvent::What what, const Version& written, uint64_t bytes);
  void ApplyRaftEntry(uint64_t index, const std::string& command);
  void ApplyStreamEntry(NodeId origin, const StreamEntry& entry);
  void OnStreamAck(NodeId follower, uint64_t applied_seq);

  // Wraps `done` so that, with a history sink installed, the operation is recorded.
  ObjectCallback Recorded(const char* op, const ClientContext& ctx, const std::string& bucket,
                          const std::string& name, const Preconditions& pre,
                          std::optional<int64_t> written_crc, ObjectCallback done);

  HlcTimestamp Tick() { return hlc_.Tick(rt_.Now()); }
  uint64_t NextRequestId() { return request_base_ + ++request_counter_; }
  // Runs fn from the event loop: completions are never delivered inside the caller's call.
  void Later(std::function<void()> fn) { rt_.Schedule(0, std::move(fn)); }

  Runtime& rt_;
  EngineOptions options_;
  Namespace ns_;
  MutationApplier applier_;
  HybridClock hlc_;
  Journal journal_;
  std::unique_ptr<RaftNode> raft_;
  std::unique_ptr<OriginStream> stream_;
  std::unique_ptr<DataMover> data_;
  std::unique_ptr<SiteCache> cache_;
  // Reads waiting for bytes to arrive, by cache key.
  std::map<std::string, std::vector<std::function<void(bool arrived, SiteId from)>>> fetches_;
  StreamReceiver receiver_;
  EngineStats stats_;
  bool replaying_ = false;
  TimeNs started_at_ = 0;
  // Per origin: the HLC version of the last stream entry applied from it.
  std::map<SiteId, HlcTimestamp> applied_hlc_;
  uint64_t journaled_raft_index_ = 0;
  uint64_t request_counter_ = 0;
  // Request ids are unique per node life: the counter starts from a random base, so replies
  // meant for a previous life of this node are not mistaken for current ones.
  uint64_t request_base_ = 0;

  std::map<uint64_t, std::function<void(ForwardReply)>> forwarded_;  // by request id
  std::map<uint64_t, TimerId> forward_timers_;
  // Strong-mode proposals of this node, by Mutation::request_id, completed at apply.
  std::map<uint64_t, ObjectCallback> proposals_;
  // sync-sites writes waiting for replica acknowledgements: stream seq → completion.
  struct SyncWaiter {
    std::vector<SiteId> replicas;
    ObjectMeta result;
    ObjectCallback done;
    TimerId timer = kNoTimer;
  };
  std::map<uint64_t, SyncWaiter> sync_waiters_;
  // bounded-staleness writes held back while a replica lags beyond the bound.
  struct Throttled {
    Mutation m;
    ObjectCallback done;
    TimeNs deadline;
  };
  std::vector<Throttled> throttled_;
  // Session reads waiting for this node's position to reach a token.
  struct SessionWaiter {
    SessionToken token;
    std::function<void(bool)> done;
    TimerId timer = kNoTimer;
  };
  std::map<uint64_t, SessionWaiter> session_waiters_;
  std::function<void(const HistoryRecord&)> history_sink_;
  std::function<void(const ReplicationEvent&)> replication_listener_;
  // Forwarded requests already seen, so a duplicated message is not executed twice: nullopt
  // while in progress, then the reply to send again. Bounded, oldest forgotten first.
  static constexpr size_t kForwardsRemembered = 1 << 14;
  std::map<std::pair<NodeId, uint64_t>, std::optional<ForwardReply>> forwards_seen_;
  std::deque<std::pair<NodeId, uint64_t>> forwards_order_;
};

}  // namespace estate

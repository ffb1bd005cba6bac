// EngineNode: moving object bytes. Metadata and bytes travel separately: the metadata paths
// decide what exists, and this file decides where its bytes are. The site where a client
// uploads holds the bytes first; per the mount's placement they are pushed to its replica
// sites (replicate-on-write) or fetched on a site's first read (read-through), and on-prem
// writes are written back to GCS. A site's cache entry stays dirty, so never evicted, until
// GCS has acknowledged the write-back.
#include "engine/node/engine_node.h"

namespace estate {
namespace {

ObjectRef RefOf(const ObjectMeta& m) {
  ObjectRef r;
  r.bucket = m.bucket;
  r.name = m.name;
  r.generation = m.generation;
  r.size = m.size;
  r.crc32c = m.crc32c;
  return r;
}

// Reads wait behind nothing: fetches for a client go first.
constexpr int kFetchPriority = 1000;
// Write-back protects the only copy, so it goes ahead of ordinary replication.
constexpr int kWriteBackBoost = 100;

}  // namespace

uint64_t EngineNode::BytesSentOnPrem() const {
  uint64_t total = 0;
  for (SiteId s : options_.sites) {
    if (s != kGcpSite && s != rt_.self()) total += data_->stats(s).bytes_sent;
  }
  return total;
}

void EngineNode::NoteResident(const ObjectRef& ref, SiteId site, bool resident) {
  Result<ObjectMeta> m = ns_.GetObject(ref.bucket, ref.name, ref.generation);
  if (!m.ok()) return;
  SiteSet where = m->residency;
  if (resident) {
    where.add(site);
  } else {
    where.remove(site);
  }
  ns_.SetResidency(ref.bucket, ref.name, ref.generation, where);
}

void EngineNode::OnLocalData(const ObjectMeta& meta) {
  Status error;
  const MountPolicy* policy = PolicyFor(meta.bucket, meta.name, &error);
  if (policy == nullptr) return;
  const ObjectRef ref = RefOf(meta);
  const SiteId self = rt_.self();
  NoteResident(ref, self, true);
  const bool write_back = self != kGcpSite && policy->write_back;
  if (cache_) cache_->Insert(ref.CacheKey(), ref.size, rt_.Now(), /*dirty=*/write_back);
  if (write_back) {
    data_->Enqueue(kGcpSite, TransferPurpose::kWriteBack, ref, policy->priority + kWriteBackBoost);
  }
  if (policy->placement != Placement::kReplicateOnWrite) return;
  for (SiteId s : options_.sites) {
    if (s == self || s == kGcpSite || !MountTable::SitesOf(*policy).contains(s)) continue;
    data_->Enqueue(s, TransferPurpose::kReplicate, ref, policy->priority);
  }
}

void EngineNode::OnDataReceived(NodeId from, const DataTransfer& t) {
  const std::string key = t.object.CacheKey();
  // A resent transfer whose first copy arrived after all is not a second replication.
  Result<ObjectMeta> before = ns_.GetObject(t.object.bucket, t.object.name, t.object.generation);
  const bool already_here = before.ok() && before->residency.contains(rt_.self());
  NoteResident(t.object, rt_.self(), true);
  NoteResident(t.object, from, true);
  if (cache_ && !cache_->Contains(key)) cache_->Insert(key, t.object.size, rt_.Now(), false);
  if (t.purpose != TransferPurpose::kFetch && !already_here) {
    NoteReplicated(ReplicationEvent::What::kData, VersionOfGeneration(t.object.generation),
                   t.object.size);
  }
  auto waiters = fetches_.find(key);
  if (waiters == fetches_.end()) return;
  auto callbacks = std::move(waiters->second);
  fetches_.erase(waiters);
  for (auto& cb : callbacks)
    cb(true, from);
}

void EngineNode::OnDataAcked(NodeId to, const DataTransfer& t) {
  NoteResident(t.object, to, true);
  if (t.purpose == TransferPurpose::kWriteBack && cache_) cache_->MarkClean(t.object.CacheKey());
}

void EngineNode::OnDataFetch(NodeId from, const DataFetch& f) {
  data_->Enqueue(from, TransferPurpose::kFetch, f.object, kFetchPriority);
}

void EngineNode::ReadData(ClientContext& ctx, const std::string& bucket, const std::string& name,
                          std::function<void(Result<DataRead>)> done) {
  Get(ctx, bucket, name, std::nullopt, {}, [this, done](const Result<ObjectMeta>& meta) {
    if (!meta.ok()) return done(meta.status());
    Status error;
    const MountPolicy* policy = PolicyFor(meta->bucket, meta->name, &error);
    if (policy == nullptr) return done(error);
    const std::string key = RefOf(*meta).CacheKey();
    const bool here = rt_.self() == kGcpSite ? meta->residency.contains(kGcpSite)
                                             : cache_ && cache_->Lookup(key, rt_.Now());
    if (here) {
      ++stats_.data_hits;
      DataRead r;
      r.meta = std::move(*meta);
      r.cache_hit = true;
      r.served_from = rt_.self();
      return done(std::move(r));
    }
    ++stats_.data_misses;
    FetchData(*meta, *policy, done);
  });
}

void EngineNode::FetchData(const ObjectMeta& meta, const MountPolicy& policy,
                           std::function<void(Result<DataRead>)> done) {
  // GCS is the system of record: fetch from it when it holds the bytes, else from the home,
  // else from any site known to hold them.
  SiteId source = policy.home;
  if (meta.residency.contains(kGcpSite)) {
    source = kGcpSite;
  } else if (!meta.residency.contains(source)) {
    for (SiteId s : options_.sites) {
      if (meta.residency.contains(s)) {
        source = s;
        break;
      }
    }
  }
  if (source == rt_.self()) source = kGcpSite;
  const ObjectRef ref = RefOf(meta);
  const std::string key = ref.CacheKey();
  auto answered = std::make_shared<bool>(false);
  auto finish = [meta, done, answered](bool arrived, SiteId from) {
    if (*answered) return;
    *answered = true;
    if (!arrived) return done(Status::Unavailable("object bytes did not arrive in time"));
    DataRead r;
    r.meta = meta;
    r.served_from = from;
    done(std::move(r));
  };
  const bool first = fetches_[key].empty();
  fetches_[key].push_back(finish);
  rt_.Schedule(options_.fetch_timeout, [finish] { finish(false, 0); });
  if (!first) return;  // one fetch serves every reader waiting for the same bytes
  Message msg;
  msg.type = kDataFetchMessage;
  msg.payload = EncodeDataFetch(DataFetch{ref});
  rt_.Send(source, std::move(msg));
}

}  // namespace estate

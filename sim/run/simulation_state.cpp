#include "sim/run/simulation_state.h"

#include "sim/run/workload_actor.h"

namespace estate::sim {
namespace {

// Enough concurrent sessions per site that one slow session does not serialise a site's
// traffic, few enough that each session sees a stream of its own operations.
constexpr int kClientsPerSite = 16;

Outcome OutcomeOf(const Status& s) {
  if (s.ok()) return Outcome::kOk;
  if (s.code() == StatusCode::kNotFound) return Outcome::kNotFound;
  if (s.code() == StatusCode::kUnavailable) return Outcome::kUnavailable;
  return Outcome::kError;
}

}  // namespace

SimulationState::SimulationState(const Scenario& scenario, Deployment deployment,
                                 SimCluster& cluster, const Platform& platform, DurationNs interval)
    : scenario_(scenario),
      deployment_(std::move(deployment)),
      cluster_(cluster),
      platform_(platform),
      nodes_(deployment_.site_names.size()),
      pending_seeds_(deployment_.site_names.size()),
      clients_(deployment_.site_names.size()),
      next_client_(deployment_.site_names.size(), 0) {
  record_.metrics = RunMetrics(interval);
  record_.sites.resize(deployment_.site_names.size());
  record_.site_names = deployment_.site_names;
  uint64_t client_id = 1;
  for (auto& site_clients : clients_) {
    for (int i = 0; i < kClientsPerSite; ++i) {
      auto c = std::make_unique<ClientContext>();
      c->client_id = client_id++;
      site_clients.push_back(std::move(c));
    }
  }
}

void SimulationState::Boot(SiteId site) {
  auto node = std::make_unique<EngineNode>(cluster_.runtime(site), deployment_.engine);
  Status s = node->Start();
  if (!s.ok()) {
    ++record_.sites[site].start_failures;
    cluster_.runtime(site).Log(LogLevel::kError, "engine start failed: " + s.ToString());
  }
  node->SetReplicationListener([this, site](const ReplicationEvent& e) {
    metrics().RecordReplication(site, e.what == ReplicationEvent::What::kData,
                                e.applied_at - e.written_at, e.applied_at);
  });
  nodes_[site] = std::move(node);
  ++record_.sites[site].lives;
  RetryPendingSeeds();
  // The site's clients went down with it (its host was off); they come back with it.
  if (ready_ && record_.sites[site].lives > 1) SpawnWorkloadActor(*this, site, true);
}

void SimulationState::SetReady() {
  ready_ = true;
  for (size_t site = 0; site < sources_.size(); ++site) {
    if (cluster_.runtime(static_cast<NodeId>(site)).up())
      SpawnWorkloadActor(*this, static_cast<SiteId>(site), false);
  }
}

void SimulationState::SetSources(std::vector<std::unique_ptr<OpSource>> sources) {
  sources_ = std::move(sources);
  pending_ops_.assign(sources_.size(), std::nullopt);
}

void SimulationState::Retire(SiteId site) {
  EngineNode* n = nodes_[site].get();
  if (n == nullptr) return;
  SiteTotals& t = record_.sites[site];
  if (const SiteCache* c = n->cache()) {
    t.cache += c->stats();
    t.cache_used_bytes = c->used_bytes();
  }
  t.bytes_sent_onprem += n->BytesSentOnPrem();
  t.conflicts += n->conflicts().size();
  t.engine += n->stats();
  nodes_[site].reset();
  // Clients of the crashed site lose their connections: their operations fail.
  const TimeNs now = cluster_.runtime(site).Now();
  for (auto it = outstanding_.begin(); it != outstanding_.end();) {
    if (it->second.site != site) {
      ++it;
      continue;
    }
    OpSample s = it->second;
    s.completed = now;
    s.outcome = Outcome::kUnavailable;
    metrics().RecordOp(s);
    it = outstanding_.erase(it);
  }
}

void SimulationState::SeedOnFirstTouch(const std::string& bucket, const std::string& name,
                                       uint64_t size) {
  if (!seeded_.insert(bucket + "/" + name).second) return;
  ObjectMeta meta;
  meta.bucket = bucket;
  meta.name = name;
  meta.generation = 1;
  meta.size = size;
  ++record_.objects_seeded;
  for (size_t site = 0; site < nodes_.size(); ++site) {
    if (nodes_[site] == nullptr || !nodes_[site]->Seed(meta).ok()) {
      pending_seeds_[site].push_back(meta);
    }
  }
}

void SimulationState::RetryPendingSeeds() {
  for (size_t site = 0; site < nodes_.size(); ++site) {
    if (nodes_[site] == nullptr || pending_seeds_[site].empty()) continue;
    std::vector<ObjectMeta> left;
    for (const ObjectMeta& m : pending_seeds_[site]) {
      if (!nodes_[site]->Seed(m).ok()) left.push_back(m);
    }
    pending_seeds_[site] = std::move(left);
  }
}

void SimulationState::Issue(SiteId site, const PlannedOp& op) {
  Result<ResolvedMount> mount = deployment_.engine.mounts.Resolve(op.bucket, op.name);
  const ConsistencyMode mode = mount.ok() ? deployment_.engine.mounts.PolicyAt(mount->index).mode
                                          : ConsistencyMode::kEventual;
  SimGridRuntime& rt = cluster_.runtime(site);
  if (!mount.ok()) {
    OpSample s{.op = op.op, .site = site, .mode = mode, .issued = rt.Now(), .completed = rt.Now()};
    s.outcome = Outcome::kError;
    metrics().RecordOp(s);
    return;
  }
  if (op.op != OpKind::kList) SeedOnFirstTouch(op.bucket, op.name, op.size);
  if (nodes_[site] == nullptr) {
    metrics().RecordRejected(op.op, site, mode, rt.Now());
    return;
  }
  ClientContext* client = clients_[site][next_client_[site]++ % clients_[site].size()].get();
  rt.Post([this, site, op, mode, client, &rt] {
    EngineNode* node = nodes_[site].get();
    const TimeNs issued = rt.Now();
    if (node == nullptr) {
      metrics().RecordRejected(op.op, site, mode, issued);
      return;
    }
    const uint64_t id = next_op_id_++;
    outstanding_[id] = OpSample{.op = op.op, .site = site, .mode = mode, .issued = issued};
    const std::string key = op.bucket + "/" + op.name;
    auto finish = [this, id, &rt](OpKind, const Status& st, bool stale, bool hit, uint64_t bytes) {
      auto it = outstanding_.find(id);
      if (it == outstanding_.end()) return;
      OpSample s = it->second;
      outstanding_.erase(it);
      s.completed = rt.Now();
      s.outcome = OutcomeOf(st);
      s.stale = stale;
      s.cache_hit = hit;
      s.bytes = bytes;
      metrics().RecordOp(s);
    };
    switch (op.op) {
      case OpKind::kRead: {
        const RunMetrics::Expected expected = metrics().ExpectedAt(key);
        node->ReadData(
            *client, op.bucket, op.name, [finish, expected, site, &rt](const Result<DataRead>& r) {
              const bool found = r.ok();
              const int64_t gen = found ? r->meta.generation : 0;
              const bool stale = (found || r.status().code() == StatusCode::kNotFound) &&
                                 RunMetrics::IsStale(expected, found, gen);
              const bool hit = found && site != kGcpSite && r->cache_hit;
              const uint64_t size = found ? r->meta.size : 0;
              const Status st = r.ok() ? Status::Ok() : r.status();
              // An on-prem hit is served from the site's disk: the read takes the disk's
              // time for the object (a miss already paid for the disk when the bytes landed).
              if (hit && size > 0 && rt.QueueDiskIo(false, size, [finish, st, stale, hit, size] {
                                         finish(OpKind::kRead, st, stale, hit, size);
                                       }).ok()) {
                return;
              }
              finish(OpKind::kRead, st, stale, hit, size);
            });
        break;
      }
      case OpKind::kWrite: {
        ObjectWrite w;
        w.size = op.size;
        node->Insert(*client, op.bucket, op.name, w, {},
                     [this, finish, key, size = op.size](const Result<ObjectMeta>& r) {
                       if (r.ok()) metrics().NoteAcknowledged(key, r->generation, false);
                       finish(OpKind::kWrite, r.ok() ? Status::Ok() : r.status(), false, false,
                              size);
                     });
        break;
      }
      case OpKind::kDelete:
        node->Delete(*client, op.bucket, op.name, std::nullopt, {},
                     [this, finish, key](const Result<ObjectMeta>& r) {
                       if (r.ok()) metrics().NoteAcknowledged(key, r->generation, true);
                       finish(OpKind::kDelete, r.ok() ? Status::Ok() : r.status(), false, false, 0);
                     });
        break;
      case OpKind::kList: {
        ListOptions lo;
        lo.prefix = op.name;
        lo.delimiter = "/";
        lo.max_results = 100;
        node->List(*client, op.bucket, lo, [finish](const Result<ListPage>& r) {
          finish(OpKind::kList, r.ok() ? Status::Ok() : r.status(), false, false, 0);
        });
        break;
      }
    }
  });
}

}  // namespace estate::sim

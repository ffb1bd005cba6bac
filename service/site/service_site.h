// ServiceSite: one running site of the service: its engine node on an event loop, its
// metadata in RocksDB (<data_dir>/meta), its object bytes in an ObjectStore (<data_dir>), and
// its peer links. The HTTP front end reaches the engine only through Call() and Inspect(),
// which run work on the loop thread and wait for it.
//
// Threading: every public method is thread-safe except Stop() and destruction, which must not
// race with calls.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "engine/node/engine_node.h"
#include "service/ops/json_log.h"
#include "service/runtime/event_loop.h"
#include "service/runtime/peer_network.h"
#include "service/runtime/rocksdb_blob_store.h"
#include "service/runtime/service_runtime.h"
#include "service/site/site_call.h"
#include "service/storage/object_store.h"

namespace estate::service {

struct SiteOptions {
  SiteId self = 0;
  // Holds meta/ (RocksDB: journal, Raft log, replication stream) and the object files.
  std::string data_dir;
  EngineOptions engine;
  std::string peer_listen_host = "127.0.0.1";
  int peer_listen_port = 0;  // 0: any free port (see peer_port())
  std::string secret;        // shared by every site; authenticates peer links
  std::map<SiteId, PeerAddress> peers;
  PeerLinkOptions link;  // connection timing (self, peer, stream, secret are filled in)
};

class ServiceSite {
 public:
  // Opens storage, recovers the engine from it and starts the loop and the peer links.
  // Errors: storage that cannot be opened (e.g. held by another process), a peer address
  // that cannot be bound, or a failed engine recovery; each names what failed.
  static Result<std::unique_ptr<ServiceSite>> Open(SiteOptions options, JsonLog& log);
  ServiceSite(const ServiceSite&) = delete;
  ServiceSite& operator=(const ServiceSite&) = delete;
  ~ServiceSite();

  // Stops the peer links and the loop; the engine stops with them. Idempotent.
  void Stop();

  // Runs op on the loop thread with a ClientContext that lives until op completes, and waits
  // at most `timeout` for the completion (then 503: the outcome is unknown).
  template <typename T>
  using Op = std::function<void(EngineNode&, ClientContext&, std::function<void(Result<T>)>)>;
  template <typename T>
  Result<T> Call(DurationNs timeout, Op<T> op);
  // Runs fn on the loop thread and returns its value: reads of engine state.
  template <typename T>
  Result<T> Inspect(DurationNs timeout, std::function<T(const EngineNode&)> fn) {
    return Call<T>(timeout,
                   [fn = std::move(fn)](EngineNode& e, ClientContext&, auto done) { done(fn(e)); });
  }

  // Makes every metadata write so far durable (fsyncs RocksDB's write-ahead log).
  Status SyncMetadata() { return store_->Sync(); }

  SiteId self() const { return options_.self; }
  // The deployment's mount table (the same at every site; never changes).
  const MountTable& mounts() const { return options_.engine.mounts; }
  // Every site of the deployment.
  const std::vector<SiteId>& sites() const { return options_.engine.sites; }
  int peer_port() const { return network_->port(); }
  void SetPeer(SiteId site, PeerAddress address) { network_->SetPeer(site, std::move(address)); }
  ObjectStore& objects() { return *objects_; }
  PeerStats peer_stats() const { return network_->stats(); }
  size_t loop_backlog() const { return loop_.pending(); }
  // Messages that arrived without the object bytes they stand for and were dropped.
  uint64_t rejected_deliveries() const { return rejected_deliveries_; }

 private:
  explicit ServiceSite(SiteOptions options) : options_(std::move(options)) {}

  SiteOptions options_;
  std::unique_ptr<RocksDbBlobStore> store_;
  std::unique_ptr<ObjectStore> objects_;
  EventLoop loop_;
  std::unique_ptr<PeerNetwork> network_;
  std::unique_ptr<ServiceRuntime> runtime_;
  std::unique_ptr<EngineNode> engine_;
  std::atomic<uint64_t> next_client_{1};
  std::atomic<uint64_t> rejected_deliveries_{0};
  bool stopped_ = false;
};

template <typename T>
Result<T> ServiceSite::Call(DurationNs timeout, Op<T> op) {
  auto call = std::make_shared<SiteCall<T>>();
  auto ctx = std::make_shared<ClientContext>();
  ctx->client_id = next_client_++;
  const bool posted = loop_.Post([this, op = std::move(op), call, ctx] {
    op(*engine_, *ctx, [call, ctx](Result<T> r) { call->Complete(std::move(r)); });
  });
  if (!posted) return Status::Unavailable("the site is shutting down");
  return call->Wait(timeout);
}

}  // namespace estate::service

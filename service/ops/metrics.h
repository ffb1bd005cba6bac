// Metrics: the service's counters and latency histograms in Prometheus text exposition format
// (version 0.0.4), with the engine's figures (replication lag, queue depths, cache bytes)
// added from a snapshot at scrape time.
//
// Threading: thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/node/engine_node.h"
#include "service/runtime/peer_stats.h"

namespace estate::service {

// The engine's state at scrape time, read on the loop thread.
struct EngineSnapshot {
  EngineStats stats;
  struct Peer {
    SiteId site = 0;
    double stream_lag_seconds = 0;  // age of the oldest entry the peer has not applied
    uint64_t stream_backlog = 0;    // entries the peer has not applied
    uint64_t data_queued = 0;       // object transfers waiting for a stream
    uint64_t data_queued_bytes = 0;
    uint64_t data_in_flight = 0;
    uint64_t data_bytes_sent = 0;
  };
  std::vector<Peer> peers;
  uint64_t cache_used_bytes = 0;
  uint64_t cache_dirty_bytes = 0;
  uint64_t live_objects = 0;
  uint64_t live_bytes = 0;
  bool raft_leader = false;
};

// Reads the snapshot. REQUIRES: the engine's loop thread.
EngineSnapshot SnapshotOf(const EngineNode& engine, const std::vector<SiteId>& sites);

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static const std::vector<double>& LatencyBuckets();

  void RecordRequest(std::string_view operation, int code, double seconds);
  void RecordUploadBytes(uint64_t bytes);
  void RecordDownloadBytes(uint64_t bytes);

  // Everything, in Prometheus text format.
  std::string Render(const EngineSnapshot& engine, const PeerStats& peers,
                     size_t loop_backlog) const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative counts are computed at render time
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // (operation, code)
  std::map<std::string, Histogram> latency_;                  // by operation
  uint64_t upload_bytes_ = 0;
  uint64_t download_bytes_ = 0;
};

}  // namespace estate::service

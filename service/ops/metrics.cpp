#include "service/ops/metrics.h"

#include <cstdio>
#include <sstream>

namespace estate::service {
namespace {

std::string Label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void Header(std::ostringstream& o, const char* name, const char* type, const char* help) {
  o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

EngineSnapshot SnapshotOf(const EngineNode& engine, const std::vector<SiteId>& sites) {
  EngineSnapshot s;
  s.stats = engine.stats();
  for (SiteId peer : sites) {
    if (peer == engine.self()) continue;
    EngineSnapshot::Peer p;
    p.site = peer;
    p.stream_lag_seconds = static_cast<double>(engine.StreamLag(peer)) / 1e9;
    p.stream_backlog = engine.stream().Backlog(peer);
    const LinkStats link = engine.data().stats(peer);
    p.data_queued = link.queued;
    p.data_queued_bytes = link.queued_bytes;
    p.data_in_flight = link.in_flight;
    p.data_bytes_sent = link.bytes_sent;
    s.peers.push_back(p);
  }
  if (const SiteCache* cache = engine.cache()) {
    s.cache_used_bytes = cache->used_bytes();
    s.cache_dirty_bytes = cache->dirty_bytes();
  }
  s.live_objects = engine.ns().LiveObjectCount();
  s.live_bytes = engine.ns().LiveBytes();
  s.raft_leader = engine.raft().IsLeader();
  return s;
}

const std::vector<double>& Metrics::LatencyBuckets() {
  static const std::vector<double> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                               0.25,  0.5,    1,     2.5,  5,     10,   30};
  return kBuckets;
}

void Metrics::RecordRequest(std::string_view operation, int code, double seconds) {
  const std::vector<double>& bounds = LatencyBuckets();
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(operation), code}];
  Histogram& h = latency_[std::string(operation)];
  if (h.buckets.empty()) h.buckets.assign(bounds.size(), 0);
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (seconds <= bounds[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::RecordUploadBytes(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  upload_bytes_ += bytes;
}

void Metrics::RecordDownloadBytes(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  download_bytes_ += bytes;
}

std::string Metrics::Render(const EngineSnapshot& e, const PeerStats& peers,
                            size_t loop_backlog) const {
  std::ostringstream o;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Header(o, "estate_http_requests_total", "counter", "HTTP requests by operation and status.");
    for (const auto& [key, n] : requests_) {
      o << "estate_http_requests_total{operation=\"" << Label(key.first) << "\",code=\""
        << key.second << "\"} " << n << '\n';
    }
    Header(o, "estate_http_request_duration_seconds", "histogram",
           "HTTP request latency by operation.");
    const std::vector<double>& bounds = LatencyBuckets();
    for (const auto& [op, h] : latency_) {
      uint64_t cumulative = 0;
      for (size_t i = 0; i < bounds.size(); ++i) {
        cumulative += h.buckets[i];
        o << "estate_http_request_duration_seconds_bucket{operation=\"" << Label(op) << "\",le=\""
          << Number(bounds[i]) << "\"} " << cumulative << '\n';
      }
      o << "estate_http_request_duration_seconds_bucket{operation=\"" << Label(op)
        << "\",le=\"+Inf\"} " << h.count << '\n';
      o << "estate_http_request_duration_seconds_sum{operation=\"" << Label(op) << "\"} "
        << Number(h.sum) << '\n';
      o << "estate_http_request_duration_seconds_count{operation=\"" << Label(op) << "\"} "
        << h.count << '\n';
    }
    Header(o, "estate_http_upload_bytes_total", "counter", "Object bytes received from clients.");
    o << "estate_http_upload_bytes_total " << upload_bytes_ << '\n';
    Header(o, "estate_http_download_bytes_total", "counter", "Object bytes sent to clients.");
    o << "estate_http_download_bytes_total " << download_bytes_ << '\n';
  }

  Header(o, "estate_replication_lag_seconds", "gauge",
         "Age of the oldest replication-stream entry a peer has not applied.");
  for (const auto& p : e.peers)
    o << "estate_replication_lag_seconds{peer=\"" << p.site << "\"} "
      << Number(p.stream_lag_seconds) << '\n';
  Header(o, "estate_replication_backlog_entries", "gauge",
         "Replication-stream entries a peer has not applied.");
  for (const auto& p : e.peers)
    o << "estate_replication_backlog_entries{peer=\"" << p.site << "\"} " << p.stream_backlog
      << '\n';
  Header(o, "estate_data_queue_depth", "gauge", "Object transfers waiting for a stream, by peer.");
  for (const auto& p : e.peers)
    o << "estate_data_queue_depth{peer=\"" << p.site << "\"} " << p.data_queued << '\n';
  Header(o, "estate_data_queue_bytes", "gauge", "Bytes of object transfers waiting, by peer.");
  for (const auto& p : e.peers)
    o << "estate_data_queue_bytes{peer=\"" << p.site << "\"} " << p.data_queued_bytes << '\n';
  Header(o, "estate_data_in_flight", "gauge", "Object transfers sent and not yet acknowledged.");
  for (const auto& p : e.peers)
    o << "estate_data_in_flight{peer=\"" << p.site << "\"} " << p.data_in_flight << '\n';
  Header(o, "estate_data_sent_bytes_total", "counter", "Object bytes sent to a peer.");
  for (const auto& p : e.peers)
    o << "estate_data_sent_bytes_total{peer=\"" << p.site << "\"} " << p.data_bytes_sent << '\n';
  Header(o, "estate_cache_bytes", "gauge", "Bytes in this site's cache.");
  o << "estate_cache_bytes " << e.cache_used_bytes << '\n';
  Header(o, "estate_cache_dirty_bytes", "gauge", "Cached bytes not yet written back to GCS.");
  o << "estate_cache_dirty_bytes " << e.cache_dirty_bytes << '\n';
  Header(o, "estate_live_objects", "gauge", "Live objects in this site's namespace.");
  o << "estate_live_objects " << e.live_objects << '\n';
  Header(o, "estate_live_bytes", "gauge", "Bytes of live objects in this site's namespace.");
  o << "estate_live_bytes " << e.live_bytes << '\n';
  Header(o, "estate_raft_leader", "gauge", "1 when this site leads the strong-mode log.");
  o << "estate_raft_leader " << (e.raft_leader ? 1 : 0) << '\n';
  Header(o, "estate_engine_writes_total", "counter", "Engine writes by outcome.");
  o << "estate_engine_writes_total{outcome=\"ok\"} " << e.stats.writes_ok << '\n';
  o << "estate_engine_writes_total{outcome=\"failed\"} " << e.stats.writes_failed << '\n';
  Header(o, "estate_engine_reads_total", "counter", "Engine reads by where they were served.");
  o << "estate_engine_reads_total{served=\"local\"} " << e.stats.reads_local << '\n';
  o << "estate_engine_reads_total{served=\"forwarded\"} " << e.stats.reads_forwarded << '\n';
  Header(o, "estate_engine_unavailable_total", "counter", "Engine requests answered 503.");
  o << "estate_engine_unavailable_total " << e.stats.unavailable << '\n';
  Header(o, "estate_event_loop_queue_depth", "gauge", "Tasks and timers waiting on the loop.");
  o << "estate_event_loop_queue_depth " << loop_backlog << '\n';
  Header(o, "estate_peer_frames_sent_total", "counter", "Frames sent to peers.");
  o << "estate_peer_frames_sent_total " << peers.frames_sent << '\n';
  Header(o, "estate_peer_frames_received_total", "counter", "Frames received from peers.");
  o << "estate_peer_frames_received_total " << peers.frames_received << '\n';
  Header(o, "estate_peer_bytes_sent_total", "counter", "Bytes sent to peers.");
  o << "estate_peer_bytes_sent_total " << peers.bytes_sent << '\n';
  Header(o, "estate_peer_messages_dropped_total", "counter", "Peer messages lost.");
  o << "estate_peer_messages_dropped_total " << peers.dropped << '\n';
  Header(o, "estate_peer_queue_depth", "gauge", "Messages waiting in outgoing peer queues.");
  o << "estate_peer_queue_depth " << peers.queued << '\n';
  Header(o, "estate_peer_handshakes_failed_total", "counter",
         "Outgoing peer connections refused or not proved.");
  o << "estate_peer_handshakes_failed_total " << peers.handshakes_failed << '\n';
  Header(o, "estate_peer_connections_refused_total", "counter",
         "Incoming peer connections that failed the shared-secret handshake.");
  o << "estate_peer_connections_refused_total " << peers.peers_refused << '\n';
  return o.str();
}

}  // namespace estate::service

// Counters of a site's peer network, readable from any thread (for /metrics and tests).
#pragma once

#include <atomic>
#include <cstdint>

namespace estate::service {

struct PeerStats {
  uint64_t frames_sent = 0;
  uint64_t frames_received = 0;
  uint64_t bytes_sent = 0;  // frame headers, payloads and bodies
  uint64_t bytes_received = 0;
  uint64_t dropped = 0;            // messages lost: queue overflow, failed send, missing body
  uint64_t connects = 0;           // outgoing connections that passed the handshake
  uint64_t handshakes_failed = 0;  // outgoing connections refused or not proved
  uint64_t peers_refused = 0;      // incoming connections that failed the handshake
  uint64_t queued = 0;             // messages waiting in outgoing queues now
};

// The live counters behind PeerStats.
struct PeerCounters {
  std::atomic<uint64_t> frames_sent{0};
  std::atomic<uint64_t> frames_received{0};
  std::atomic<uint64_t> bytes_sent{0};
  std::atomic<uint64_t> bytes_received{0};
  std::atomic<uint64_t> dropped{0};
  std::atomic<uint64_t> connects{0};
  std::atomic<uint64_t> handshakes_failed{0};
  std::atomic<uint64_t> peers_refused{0};
  std::atomic<uint64_t> queued{0};

  PeerStats Snapshot() const {
    PeerStats s;
    s.frames_sent = frames_sent;
    s.frames_received = frames_received;
    s.bytes_sent = bytes_sent;
    s.bytes_received = bytes_received;
    s.dropped = dropped;
    s.connects = connects;
    s.handshakes_failed = handshakes_failed;
    s.peers_refused = peers_refused;
    s.queued = queued;
    return s;
  }
};

}  // namespace estate::service

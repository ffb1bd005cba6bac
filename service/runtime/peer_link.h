// PeerLink: the sending half of one (peer site, stream) channel. It owns a thread that
// connects to the peer, proves the shared secret (peer_handshake.h), and writes queued
// messages as frames in order, with their object bytes when a body key is attached. When the
// connection fails it reconnects with exponential backoff; the message being written when it
// broke is lost, as the engine's protocols allow (they retransmit). The queue is bounded: when
// full, the oldest message is dropped.
//
// Threading: Send and Stop are thread-safe; everything else runs on the link's thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/runtime.h"
#include "service/runtime/peer_body_store.h"
#include "service/runtime/peer_stats.h"
#include "service/runtime/tcp_socket.h"

namespace estate::service {

struct PeerAddress {
  std::string host;
  int port = 0;
};

struct PeerLinkOptions {
  SiteId self = 0;
  SiteId peer = 0;
  uint16_t stream = 0;
  std::string secret;
  DurationNs connect_timeout = 2 * kSecond;
  DurationNs handshake_timeout = 5 * kSecond;
  // A write blocked this long means the peer stopped reading; the connection is dropped.
  DurationNs write_timeout = 60 * kSecond;
  DurationNs backoff_min = 50 * kMillisecond;
  DurationNs backoff_max = 2 * kSecond;
  size_t max_queued = 65536;
};

class PeerLink {
 public:
  // The peer's current address, or nullopt while it is unknown.
  using AddressFn = std::function<std::optional<PeerAddress>()>;
  using LogFn = std::function<void(LogLevel, const std::string&)>;

  PeerLink(PeerLinkOptions options, AddressFn address, PeerBodyStore* bodies,
           PeerCounters& counters, LogFn log);
  PeerLink(const PeerLink&) = delete;
  PeerLink& operator=(const PeerLink&) = delete;
  ~PeerLink();

  // Queues msg; body_key names object bytes to send after it ("" for none). Never blocks.
  void Send(Message msg, std::string body_key);
  // Stops the thread; queued messages are dropped. Idempotent.
  void Stop();

 private:
  struct Outbound {
    Message msg;
    std::string body_key;
  };

  void Run();
  // Connects and handshakes, backing off between failures. False when stopping.
  bool Connect(std::unique_lock<std::mutex>& lock);
  Status Write(const Outbound& out);

  PeerLinkOptions options_;
  AddressFn address_;
  PeerBodyStore* bodies_;
  PeerCounters& counters_;
  LogFn log_;

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Outbound> queue_;
  bool stopping_ = false;
  TcpSocket socket_;  // replaced only by the link thread, under mu_
  DurationNs backoff_ = 0;
  std::thread thread_;
};

}  // namespace estate::service

// PeerNetwork: a site's TCP links to the other sites. It listens for peers' connections
// (each proved with the shared secret, then read frame by frame) and keeps one outgoing
// PeerLink per (peer, stream), created on first use: stream 0 carries control messages and
// each data stream has its own connection, so a small Raft heartbeat never waits behind an
// object transfer.
//
// Delivery is best effort, as the engine's Runtime::Send promises: messages to an unknown or
// unreachable peer wait in a bounded queue while the link reconnects, and are lost when it
// overflows or a connection breaks mid-write.
//
// Threading: every public method is thread-safe. `deliver` is called on connection threads,
// in frame order per connection.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/runtime.h"
#include "service/runtime/peer_body_store.h"
#include "service/runtime/peer_link.h"
#include "service/runtime/peer_stats.h"
#include "service/runtime/tcp_socket.h"

namespace estate::service {

struct PeerNetworkOptions {
  SiteId self = 0;
  std::string listen_host = "127.0.0.1";
  int listen_port = 0;  // 0: any free port (see port())
  // Shared by every site of the deployment. REQUIRES: not empty.
  std::string secret;
  // Connection, handshake, backoff and queue settings of the outgoing links (self, peer,
  // stream and secret are filled in per link).
  PeerLinkOptions link;
};

class PeerNetwork {
 public:
  // body_key names the object bytes that arrived with msg and are now stored ("" for none).
  using DeliverFn = std::function<void(SiteId from, Message msg, const std::string& body_key)>;
  using LogFn = PeerLink::LogFn;

  // bodies may be null when no message carries object bytes.
  PeerNetwork(PeerNetworkOptions options, DeliverFn deliver, PeerBodyStore* bodies, LogFn log);
  PeerNetwork(const PeerNetwork&) = delete;
  PeerNetwork& operator=(const PeerNetwork&) = delete;
  ~PeerNetwork();

  // Starts listening. Errors: 503/400 when the address cannot be bound.
  Status Start();
  // Stops listening, closes every connection and joins every thread. Idempotent.
  void Stop();
  // The port peers connect to. REQUIRES: Start() succeeded.
  int port() const { return port_; }

  // Sets or changes where site `site` listens.
  void SetPeer(SiteId site, PeerAddress address);
  // Queues msg for site `to` on the connection of msg.stream; body_key names object bytes
  // that follow it ("" for none). Never blocks.
  void Send(SiteId to, Message msg, std::string body_key = {});

  PeerStats stats() const { return counters_.Snapshot(); }

 private:
  struct Inbound {
    TcpSocket socket;
    std::thread thread;
    bool done = false;  // guarded by mu_
  };

  void AcceptLoop();
  void Serve(Inbound* conn);
  // Reads one frame and delivers its message. False when the connection must close.
  bool ReadFrame(const TcpSocket& socket, SiteId from);
  // Joins the threads of finished inbound connections. REQUIRES: mu_ held.
  void ReapLocked(std::vector<std::unique_ptr<Inbound>>* finished);

  PeerNetworkOptions options_;
  DeliverFn deliver_;
  PeerBodyStore* bodies_;
  LogFn log_;
  PeerCounters counters_;
  int port_ = 0;

  mutable std::mutex mu_;
  bool stopping_ = false;
  TcpSocket listener_;
  std::thread accept_thread_;
  std::vector<std::unique_ptr<Inbound>> inbound_;
  std::map<SiteId, PeerAddress> peers_;
  std::map<std::pair<SiteId, uint16_t>, std::unique_ptr<PeerLink>> links_;
};

}  // namespace estate::service

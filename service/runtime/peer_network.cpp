#include "service/runtime/peer_network.h"

#include <chrono>

#include "service/runtime/peer_frame.h"
#include "service/runtime/peer_handshake.h"

namespace estate::service {
namespace {

constexpr size_t kBodyChunk = 256 * 1024;

}  // namespace

PeerNetwork::PeerNetwork(PeerNetworkOptions options, DeliverFn deliver, PeerBodyStore* bodies,
                         LogFn log)
    : options_(std::move(options)),
      deliver_(std::move(deliver)),
      bodies_(bodies),
      log_(std::move(log)) {}

PeerNetwork::~PeerNetwork() {
  Stop();
}

Status PeerNetwork::Start() {
  Result<TcpSocket> s = TcpSocket::Listen(options_.listen_host, options_.listen_port);
  if (!s.ok()) return s.status();
  listener_ = std::move(*s);
  port_ = listener_.LocalPort();
  accept_thread_ = std::thread([this] { AcceptLoop(); });
  return Status::Ok();
}

void PeerNetwork::Stop() {
  std::map<std::pair<SiteId, uint16_t>, std::unique_ptr<PeerLink>> links;
  std::vector<std::unique_ptr<Inbound>> inbound;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    listener_.Shutdown();
    for (auto& c : inbound_)
      c->socket.Shutdown();
    links.swap(links_);
  }
  if (accept_thread_.joinable()) accept_thread_.join();
  {
    // No new connection can be added now that the accept thread is gone.
    std::lock_guard<std::mutex> lock(mu_);
    inbound.swap(inbound_);
  }
  for (auto& c : inbound) {
    if (c->thread.joinable()) c->thread.join();
  }
  links.clear();  // each link stops and joins its thread
  listener_.Close();
}

void PeerNetwork::SetPeer(SiteId site, PeerAddress address) {
  std::lock_guard<std::mutex> lock(mu_);
  peers_[site] = std::move(address);
}

void PeerNetwork::Send(SiteId to, Message msg, std::string body_key) {
  PeerLink* link = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    auto& slot = links_[{to, msg.stream}];
    if (!slot) {
      PeerLinkOptions o = options_.link;
      o.self = options_.self;
      o.peer = to;
      o.stream = msg.stream;
      o.secret = options_.secret;
      auto address = [this, to]() -> std::optional<PeerAddress> {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = peers_.find(to);
        if (it == peers_.end()) return std::nullopt;
        return it->second;
      };
      slot = std::make_unique<PeerLink>(std::move(o), address, bodies_, counters_, log_);
    }
    link = slot.get();
  }
  // Links live until Stop(), which callers do not race with Send.
  link->Send(std::move(msg), std::move(body_key));
}

void PeerNetwork::ReapLocked(std::vector<std::unique_ptr<Inbound>>* finished) {
  for (auto it = inbound_.begin(); it != inbound_.end();) {
    if ((*it)->done) {
      finished->push_back(std::move(*it));
      it = inbound_.erase(it);
    } else {
      ++it;
    }
  }
}

void PeerNetwork::AcceptLoop() {
  for (;;) {
    Result<TcpSocket> s = listener_.Accept();
    std::vector<std::unique_ptr<Inbound>> finished;
    bool stop = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ReapLocked(&finished);
      stop = stopping_;
      if (!stop && s.ok()) {
        auto conn = std::make_unique<Inbound>();
        conn->socket = std::move(*s);
        Inbound* raw = conn.get();
        inbound_.push_back(std::move(conn));
        raw->thread = std::thread([this, raw] { Serve(raw); });
      }
    }
    for (auto& f : finished)
      f->thread.join();
    if (stop) return;
    // Out of descriptors or a transient failure: wait a little rather than spin.
    if (!s.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void PeerNetwork::Serve(Inbound* conn) {
  const TcpSocket& socket = conn->socket;
  socket.SetTimeouts(options_.link.handshake_timeout, options_.link.handshake_timeout);
  Result<PeerHello> hello = AcceptHandshake(socket, options_.secret, options_.self);
  if (!hello.ok()) {
    if (hello.status().code() == StatusCode::kForbidden) {
      ++counters_.peers_refused;
      if (log_) log_(LogLevel::kWarning, "peer connection refused: " + hello.status().message());
    }
  } else {
    // Data streams may stay idle for long: no read timeout once the peer is proved.
    socket.SetTimeouts(0, options_.link.write_timeout);
    while (ReadFrame(socket, hello->site)) {
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  socket.Shutdown();
  conn->done = true;
}

bool PeerNetwork::ReadFrame(const TcpSocket& socket, SiteId from) {
  std::string head(kFrameHeaderSize, '\0');
  if (!socket.ReadExact(head.data(), head.size()).ok()) return false;
  Result<FrameHeader> h = DecodeFrameHeader(head);
  if (!h.ok()) {
    if (log_) {
      log_(LogLevel::kError,
           "closing the link from site " + std::to_string(from) + ": " + h.status().message());
    }
    return false;
  }
  Message msg;
  msg.type = h->type;
  msg.stream = h->stream;
  msg.payload.resize(h->payload_len);
  if (!socket.ReadExact(msg.payload.data(), msg.payload.size()).ok()) return false;
  std::string key(h->body_key_len, '\0');
  if (!socket.ReadExact(key.data(), key.size()).ok()) return false;
  counters_.bytes_received += kFrameHeaderSize + h->payload_len + h->body_key_len + h->body_len;
  bool deliver = true;
  // A body key announces object bytes, possibly none at all (an empty object).
  if (!key.empty()) {
    std::unique_ptr<BodySink> sink;
    if (bodies_ != nullptr) {
      Result<std::unique_ptr<BodySink>> begun = bodies_->BeginBody(key, h->body_len);
      if (begun.ok()) sink = std::move(*begun);
    }
    Status stored = sink ? Status::Ok() : Status::Internal("no store for object bytes");
    std::string chunk;
    for (uint64_t left = h->body_len; left > 0;) {
      chunk.resize(static_cast<size_t>(std::min<uint64_t>(left, kBodyChunk)));
      if (!socket.ReadExact(chunk.data(), chunk.size()).ok()) return false;
      left -= chunk.size();
      if (stored.ok()) stored = sink->Append(chunk);
    }
    if (stored.ok()) stored = sink->Finish();
    if (!stored.ok()) {
      deliver = false;
      ++counters_.dropped;
      if (log_) {
        log_(LogLevel::kError,
             "object bytes from site " + std::to_string(from) + " not stored: " + stored.message());
      }
    }
  }
  ++counters_.frames_received;
  if (!deliver) return true;
  deliver_(from, std::move(msg), key);
  return true;
}

}  // namespace estate::service

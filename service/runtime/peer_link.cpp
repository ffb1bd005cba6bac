#include "service/runtime/peer_link.h"

#include <chrono>
#include <random>

#include "service/runtime/peer_frame.h"
#include "service/runtime/peer_handshake.h"

namespace estate::service {

PeerLink::PeerLink(PeerLinkOptions options, AddressFn address, PeerBodyStore* bodies,
                   PeerCounters& counters, LogFn log)
    : options_(std::move(options)),
      address_(std::move(address)),
      bodies_(bodies),
      counters_(counters),
      log_(std::move(log)) {
  thread_ = std::thread([this] { Run(); });
}

PeerLink::~PeerLink() {
  Stop();
}

void PeerLink::Send(Message msg, std::string body_key) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    if (queue_.size() >= options_.max_queued) {
      queue_.pop_front();
      ++counters_.dropped;
      --counters_.queued;
    }
    queue_.push_back({std::move(msg), std::move(body_key)});
    ++counters_.queued;
  }
  wake_.notify_one();
}

void PeerLink::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    socket_.Shutdown();  // unblocks a write in progress
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  counters_.queued -= queue_.size();
  queue_.clear();
}

bool PeerLink::Connect(std::unique_lock<std::mutex>& lock) {
  std::minstd_rand jitter(std::random_device{}());
  while (!stopping_) {
    if (socket_.valid()) return true;
    if (backoff_ > 0) {
      // Up to 50% jitter, so sites that lost each other do not reconnect in lock step.
      const DurationNs wait = backoff_ + static_cast<DurationNs>(jitter() % (backoff_ / 2 + 1));
      wake_.wait_for(lock, std::chrono::nanoseconds(wait), [this] { return stopping_; });
      if (stopping_) return false;
    }
    backoff_ = std::min(options_.backoff_max, std::max(options_.backoff_min, backoff_ * 2));
    std::optional<PeerAddress> where = address_();
    if (!where) continue;
    lock.unlock();
    Result<TcpSocket> s = TcpSocket::Connect(where->host, where->port, options_.connect_timeout);
    Status hs = s.status();
    if (s.ok()) {
      s->SetTimeouts(options_.handshake_timeout, options_.handshake_timeout);
      hs = DialHandshake(*s, options_.secret, options_.self, options_.peer, options_.stream);
      if (!hs.ok()) {
        ++counters_.handshakes_failed;
        if (log_) {
          log_(LogLevel::kError,
               "peer link to site " + std::to_string(options_.peer) + ": " + hs.message());
        }
      }
    }
    lock.lock();
    if (!hs.ok()) continue;
    s->SetTimeouts(0, options_.write_timeout);
    socket_ = std::move(*s);
    backoff_ = 0;
    ++counters_.connects;
    if (stopping_) socket_.Shutdown();
  }
  return false;
}

void PeerLink::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    if (!Connect(lock)) return;
    Outbound out = std::move(queue_.front());
    queue_.pop_front();
    --counters_.queued;
    lock.unlock();
    Status s = Write(out);
    lock.lock();
    if (!s.ok()) {
      ++counters_.dropped;
      // A failed body lookup leaves the connection usable; anything else broke it.
      if (!s.IsNotFound()) {
        socket_.Close();
        backoff_ = options_.backoff_min;
      }
    }
  }
}

Status PeerLink::Write(const Outbound& out) {
  FrameHeader h;
  h.type = out.msg.type;
  h.stream = out.msg.stream;
  h.payload_len = static_cast<uint32_t>(out.msg.payload.size());
  std::optional<BodyFile> body;
  if (!out.body_key.empty()) {
    if (bodies_ == nullptr) return Status::NotFound("this site stores no object bytes");
    Result<BodyFile> opened = bodies_->OpenBody(out.body_key);
    if (!opened.ok()) return Status::NotFound(opened.status().message());
    body.emplace(std::move(*opened));
    h.body_key_len = static_cast<uint16_t>(out.body_key.size());
    h.body_len = body->size();
  }
  std::string head = EncodeFrameHeader(h);
  head += out.msg.payload;
  if (body) head += out.body_key;
  Status s = socket_.WriteAll(head);
  if (s.ok() && body) s = socket_.SendFile(body->fd(), body->size());
  if (!s.ok()) return s;
  ++counters_.frames_sent;
  counters_.bytes_sent += head.size() + h.body_len;
  return Status::Ok();
}

}  // namespace estate::service

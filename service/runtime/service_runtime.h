// ServiceRuntime: the engine's Runtime in the real service. Time is the RealClock, timers
// and message deliveries run on the site's EventLoop thread, messages go out through a send
// function (the PeerNetwork), storage is the given BlobStore (RocksDB), randomness is seeded
// from the operating system, and Buggify is always false.
//
// A message that stands for object bytes (a data transfer) travels with them: a body
// resolver, called on the loop thread for every outgoing message, names the bytes to attach,
// and the network sends them from the site's object store (service/storage). Messages to
// this node itself go to the send function too, which delivers them back through Deliver().
//
// Threading: the Runtime methods are called by the engine on the loop thread; Deliver() is
// thread-safe.
#pragma once

#include <functional>
#include <random>
#include <string>

#include "engine/runtime.h"
#include "service/ops/json_log.h"
#include "service/runtime/event_loop.h"

namespace estate::service {

class ServiceRuntime : public Runtime {
 public:
  using SendFn = std::function<void(SiteId to, Message msg, std::string body_key)>;
  // The key of the object bytes that must travel with msg ("" for none), or an error when they
  // should but cannot (the message is then dropped, as a lost message would be).
  using BodyResolver = std::function<Result<std::string>(const Message&)>;

  // `loop`, `storage` and `log` must outlive the runtime.
  ServiceRuntime(SiteId self, EventLoop& loop, BlobStore& storage, SendFn send, JsonLog& log);

  // REQUIRES: called on the loop thread, or before the loop runs engine code.
  void SetBodyResolver(BodyResolver resolver) { body_resolver_ = std::move(resolver); }
  // Hands a message from `from` to the engine's handler on the loop thread. Thread-safe.
  void Deliver(SiteId from, Message msg);

  NodeId self() const override { return self_; }
  TimeNs Now() const override { return loop_.Now(); }
  TimerId Schedule(DurationNs delay, std::function<void()> fn) override {
    return loop_.Schedule(delay, std::move(fn));
  }
  bool Cancel(TimerId id) override { return loop_.Cancel(id); }
  void Send(NodeId to, Message msg) override;
  void SetMessageHandler(MessageHandler handler) override { handler_ = std::move(handler); }
  BlobStore& Storage() override { return storage_; }
  uint64_t Random() override { return rng_(); }
  bool Buggify(std::string_view) override { return false; }
  void Log(LogLevel level, std::string_view message) override;

 private:
  SiteId self_;
  EventLoop& loop_;
  BlobStore& storage_;
  SendFn send_;
  JsonLog& log_;
  BodyResolver body_resolver_;
  MessageHandler handler_;  // loop thread only
  std::mt19937_64 rng_;
};

}  // namespace estate::service

// Runtime: every service the engine uses from the outside world. The engine reaches time,
// timers, peers, storage, randomness and logging only through the Runtime it is given, so the
// same engine code runs under the deterministic test runtime (tests/support), under SimGrid
// (sim/) and as a real service. Nothing in engine/ includes SimGrid, Qt, sockets or clocks.
//
// Threading: a runtime calls the engine from one thread (or one SimGrid actor) at a time.
// Timer callbacks and message deliveries never run re-entrantly inside a Runtime call.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "engine/site.h"
#include "engine/status.h"
#include "engine/time.h"

namespace estate {

using NodeId = SiteId;  // one engine node per site
using TimerId = uint64_t;
constexpr TimerId kNoTimer = 0;

// A message between engine nodes. The payload holds real serialized bytes; wire_bytes is the
// size the transfer occupies on the network, which is larger than the payload when the
// message stands for object data the simulator does not materialise.
struct Message {
  uint32_t type = 0;        // engine-defined message kind
  std::string payload;      // serialized message body
  uint64_t wire_bytes = 0;  // simulated size; 0 means payload.size()
  // 0 is the control channel. 1..N are data streams: each is its own FIFO, so a small control
  // message never waits behind bulk data.
  uint16_t stream = 0;

  uint64_t size_on_wire() const { return wire_bytes ? wire_bytes : payload.size(); }
};

// Local durable storage of one node: a sorted key-value store of blobs. Writes with
// sync=false may be lost by a crash until sync() returns (the test runtime does lose them).
class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // Stores value under key, replacing any previous value.
  virtual Status Put(std::string_view key, std::string_view value, bool sync) = 0;
  // Returns NotFound when key is absent.
  virtual Result<std::string> Get(std::string_view key) const = 0;
  // Removing an absent key is OK.
  virtual Status Delete(std::string_view key, bool sync) = 0;
  // Keys that start with prefix, in ascending byte order.
  virtual std::vector<std::string> Keys(std::string_view prefix) const = 0;
  // Makes every earlier write durable.
  virtual Status Sync() = 0;
};

enum class LogLevel { kDebug, kInfo, kWarning, kError };

class Runtime {
 public:
  using MessageHandler = std::function<void(NodeId from, Message msg)>;

  virtual ~Runtime() = default;

  // The node this runtime hosts.
  virtual NodeId self() const = 0;
  // Current time. Monotonic within a run; in simulation it is virtual time.
  virtual TimeNs Now() const = 0;
  // Runs fn once, delay from now (delay <= 0 runs it at the next opportunity, never inline).
  // Returns an id for Cancel; never kNoTimer.
  virtual TimerId Schedule(DurationNs delay, std::function<void()> fn) = 0;
  // Cancels a pending timer. Returns false when it already ran or was cancelled.
  virtual bool Cancel(TimerId id) = 0;
  // Sends msg to node `to`. Delivery is best effort: messages may be delayed, dropped,
  // reordered or partitioned away, and the engine's protocols must cope.
  virtual void Send(NodeId to, Message msg) = 0;
  // Installs the handler that receives this node's messages. REQUIRES: called before any
  // message is sent to this node.
  virtual void SetMessageHandler(MessageHandler handler) = 0;
  // This node's durable local storage.
  virtual BlobStore& Storage() = 0;
  // Uniform 64-bit random number from the run's seeded source. The only randomness the
  // engine may use.
  virtual uint64_t Random() = 0;
  // True when a rare path named `site` should be exercised now. Always false in the service;
  // seeded per site in the test and SimGrid runtimes (FoundationDB's buggify).
  virtual bool Buggify(std::string_view site) = 0;
  virtual void Log(LogLevel level, std::string_view message) = 0;
};

// Forwards every call to another runtime, so a test overrides only what it needs.
class RuntimeWrapper : public Runtime {
 public:
  explicit RuntimeWrapper(Runtime* target) : target_(target) {}

  NodeId self() const override { return target_->self(); }
  TimeNs Now() const override { return target_->Now(); }
  TimerId Schedule(DurationNs delay, std::function<void()> fn) override {
    return target_->Schedule(delay, std::move(fn));
  }
  bool Cancel(TimerId id) override { return target_->Cancel(id); }
  void Send(NodeId to, Message msg) override { target_->Send(to, std::move(msg)); }
  void SetMessageHandler(MessageHandler handler) override {
    target_->SetMessageHandler(std::move(handler));
  }
  BlobStore& Storage() override { return target_->Storage(); }
  uint64_t Random() override { return target_->Random(); }
  bool Buggify(std::string_view site) override { return target_->Buggify(site); }
  void Log(LogLevel level, std::string_view message) override { target_->Log(level, message); }

 protected:
  Runtime* target() const { return target_; }

 private:
  Runtime* target_;
};

}  // namespace estate

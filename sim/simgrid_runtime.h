// SimGridRuntime: estate::Runtime for one engine node inside a SimGrid 3.32 simulation.
//
// The node's engine runs inside one s4u actor on the node's host (see node_actor.h), so engine
// code never runs concurrently and never in kernel context. Time is SimGrid's clock in
// integer nanoseconds; timers live in a heap the actor waits on; messages travel as SimGrid
// communications over the platform's links, one FIFO mailbox per (destination, source, lane)
// where lane 0 is the control channel and lanes 1..N the data streams. A node can crash
// (host off: its actor, timers, in-flight messages and unsynced blobs are lost) and restart
// (host on: a new actor boots a new engine on the surviving durable storage).
//
// Thread/actor contract: engine callbacks (boot, message handler, timers, disk completions,
// posted work) run in the node actor. Other actors reach the engine only through Post().
#pragma once

#include <simgrid/forward.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/runtime.h"
#include "engine/storage/memory_blob_store.h"
#include "sim/node_random.h"
#include "sim/sim_options.h"
#include "sim/timer_queue.h"

namespace estate::sim {

class SimCluster;
class NodeActor;

// Messages sent together on one (destination, lane), as one SimGrid communication.
struct MessageBatch {
  NodeId from = 0;
  uint64_t from_incarnation = 0;  // the sender's incarnation when it sent the batch
  std::vector<Message> messages;
  uint64_t bytes = 0;  // simulated size: sum of size_on_wire() + header per message
  TimeNs sent_at = 0;  // when the communication started
};

class SimGridRuntime : public Runtime {
 public:
  // Created by SimCluster::AddNode.
  SimGridRuntime(SimCluster* cluster, NodeId id, simgrid::s4u::Host* host);
  ~SimGridRuntime() override;
  SimGridRuntime(const SimGridRuntime&) = delete;
  SimGridRuntime& operator=(const SimGridRuntime&) = delete;

  // --- Runtime ---
  NodeId self() const override { return id_; }
  // SimGrid's clock rounded to the nearest nanosecond.
  TimeNs Now() const override;
  // fn runs in the node actor at Now() + max(delay, 0), after every timer scheduled earlier
  // for the same instant. While the node is down the timer is discarded (its id is valid and
  // Cancel returns false).
  TimerId Schedule(DurationNs delay, std::function<void()> fn) override;
  bool Cancel(TimerId id) override;
  // Best effort: dropped (and counted) when this node or `to` is down, `to` is unknown or
  // unreachable, or either host fails during the transfer. A message to self is delivered
  // through a zero-delay timer, without the network. Messages sent from engine code go out
  // when the current event finishes (same simulated instant). REQUIRES, when called outside
  // the node actor: the calling actor runs on this node's host (the transfer starts there).
  void Send(NodeId to, Message msg) override;
  void SetMessageHandler(MessageHandler handler) override;
  BlobStore& Storage() override { return storage_; }
  uint64_t Random() override { return random_.Next(); }
  bool Buggify(std::string_view site) override { return random_.Buggify(site); }
  void Log(LogLevel level, std::string_view message) override;

  // --- Lifecycle (called by the simulator, never by engine code) ---
  // Runs in the node actor each time the node starts (first start and every restart),
  // before any message or timer; it creates the node's engine on this runtime.
  void SetBootHandler(std::function<void()> boot) { boot_ = std::move(boot); }
  // Runs when the node crashes, after its timers and handler are dropped and before its
  // host goes off: the owner destroys the engine object here (in the caller's context).
  void SetCrashHandler(std::function<void()> on_crash) { on_crash_ = std::move(on_crash); }
  // Spawns the node actor. REQUIRES: the node is down and its host is on.
  void Start();
  // Crashes the node: pending timers, posted work, unsent and in-flight messages to it are
  // lost, storage drops unsynced writes, the host turns off (killing its actors). No-op when
  // already down. REQUIRES: not called from this node's actor or engine code.
  void Crash();
  // Turns the host back on and Start()s a new incarnation. REQUIRES: the node is down.
  void Restart();
  bool up() const { return up_; }
  // Starts so far (1 after the first Start).
  uint64_t incarnation() const { return incarnation_; }

  // Runs fn in the node actor as soon as possible (at the current simulated instant when
  // called from an actor on this node's host). Use it to call engine APIs from workload
  // actors. Dropped while the node is down.
  void Post(std::function<void()> fn);

  // --- Disk (the host's first disk; see docs/SIMULATION.md) ---
  // Blocking I/O of `bytes` on this node's disk in the CALLING actor. Fails with Invalid when
  // called from the node actor (it would stall every timer and message of the engine and
  // move Now() under a running callback) or when the host has no disk; Unavailable when
  // the host fails during the I/O.
  Status DiskWrite(uint64_t bytes);
  Status DiskRead(uint64_t bytes);
  // Non-blocking I/O for engine code: starts the I/O and calls done(status) in the node
  // actor when it completes. Returns Invalid (and never calls done) when the host has no
  // disk or when not called from the node actor; the I/O is lost with a crash.
  Status DiskWriteAsync(uint64_t bytes, std::function<void(Status)> done);
  Status DiskReadAsync(uint64_t bytes, std::function<void(Status)> done);
  // A disk as a FIFO queue per direction, at the host disk's bandwidth: done() runs in the
  // node actor when this I/O and every earlier one in its direction have had their time.
  // Far cheaper than a SimGrid disk I/O (whose model cost the simulator 3-4x its wall time
  // at realistic I/O counts); no sharing between concurrent I/Os beyond the queueing.
  // Returns Invalid (and never calls done) when the host has no disk. The I/O is lost with
  // a crash.
  Status QueueDiskIo(bool write, uint64_t bytes, std::function<void()> done);

  // --- Introspection ---
  MemoryBlobStore& storage() { return storage_; }
  simgrid::s4u::Host* host() const { return host_; }
  // True while engine code of this node runs (inside the node actor).
  bool in_node_actor() const { return in_actor_; }
  uint64_t messages_sent() const { return sent_; }
  uint64_t messages_delivered() const { return delivered_; }
  uint64_t messages_dropped() const { return dropped_ + in_flight_->lost; }
  // SimGrid communications started (fewer than messages_sent() when coalescing).
  uint64_t transfers_started() const { return transfers_; }

 private:
  friend class NodeActor;
  struct InFlight {
    std::unordered_map<uint64_t, MessageBatch> batches;  // looked up by id, never iterated
    uint64_t next_id = 0;
    uint64_t lost = 0;  // messages whose batch failed in flight or was cut by a crash
  };

  int lane_count() const;
  int LaneOf(uint16_t stream) const;
  simgrid::s4u::Mailbox* InboxFor(NodeId from, int lane) const;
  // Starts the transfer of batch to dst's inbox on `lane`, or drops it.
  void Transmit(SimGridRuntime* dst, int lane, MessageBatch batch);
  // Sends what engine code queued during the current event.
  void FlushOutbox();
  // Hands the batch registered under id to the message handler.
  void DeliverBatch(uint64_t id);
  void Deliver(NodeId from, Message msg);
  // Runs posted work and due timers until none is left at the current instant.
  void RunReady();
  // Rings the node actor's doorbell so it re-reads posted work and its next timer.
  void Wake();
  Status DiskIoAsync(bool write, uint64_t bytes, std::function<void(Status)> done);
  Status DiskIo(bool write, uint64_t bytes);
  simgrid::s4u::Disk* disk() const;

  SimCluster* cluster_;
  NodeId id_;
  simgrid::s4u::Host* host_;
  MemoryBlobStore storage_;
  NodeRandom random_;
  TimerQueue timers_;
  std::shared_ptr<MessageHandler> handler_;
  std::function<void()> boot_;
  std::function<void()> on_crash_;
  std::vector<std::function<void()>> posted_;

  bool up_ = false;
  bool in_actor_ = false;
  bool wake_pending_ = false;
  uint64_t incarnation_ = 0;
  simgrid::s4u::ActorPtr actor_;
  NodeActor* loop_ = nullptr;  // the running incarnation's loop, on the actor's stack
  // This incarnation's mailboxes: index from * lane_count() + lane; nullptr for self/gaps.
  std::vector<simgrid::s4u::Mailbox*> inbox_;
  simgrid::s4u::Mailbox* doorbell_ = nullptr;
  // Batches travelling to this node, keyed by the id the communication carries. Shared so
  // that SimGrid's clean-up of a failed communication can find it, or see it is gone.
  std::shared_ptr<InFlight> in_flight_;
  // Lets a node actor that unwinds after this runtime is gone know not to touch it.
  std::shared_ptr<char> alive_;
  // Messages queued by engine code during the current event, per (destination, lane).
  std::map<std::pair<NodeId, int>, MessageBatch> outbox_;

  TimeNs disk_free_at_[2] = {0, 0};  // QueueDiskIo: when each direction's queue drains
  uint64_t sent_ = 0;
  uint64_t delivered_ = 0;
  uint64_t dropped_ = 0;
  uint64_t transfers_ = 0;
};

}  // namespace estate::sim

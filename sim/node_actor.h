// NodeActor: the body of the s4u actor that hosts one engine node (one per incarnation).
// It keeps a receive pending on each of the node's mailboxes plus a doorbell, waits on them
// (and on the node's disk I/Os) with Activity::wait_any_for bounded by the next timer, and
// runs the engine's callbacks: boot, due timers, posted work, message deliveries, I/O
// completions. It lives on the actor's stack; a crash kills the actor and unwinds it.
#pragma once

#include <simgrid/forward.h>

#include <functional>
#include <memory>
#include <vector>

#include "engine/runtime.h"
#include "engine/status.h"

namespace estate::sim {

class SimGridRuntime;

class NodeActor {
 public:
  explicit NodeActor(SimGridRuntime* runtime);
  ~NodeActor();
  NodeActor(const NodeActor&) = delete;
  NodeActor& operator=(const NodeActor&) = delete;

  // Boots the engine and serves it until the actor is killed (crash or end of simulation).
  // REQUIRES: runs in the actor created by SimGridRuntime::Start.
  void Run();
  // Adds a started disk I/O to the wait set; done(Ok) runs in this actor when it completes,
  // done(Unavailable) if it fails. REQUIRES: called from this actor.
  void AddIo(simgrid::s4u::IoPtr io, std::function<void(Status)> done);

 private:
  struct Slot {
    simgrid::s4u::Mailbox* mailbox;
    bool doorbell;
    void* data = nullptr;  // the receive's destination: the in-flight batch id
  };

  // (Re)posts the receive of slot i into waits_[i].
  void Receive(size_t i);
  void HandleCompletion(size_t index);
  // After wait_any_for threw: reposts failed receives, fails failed I/Os.
  void RecoverFailures();
  // Seconds until the next timer; -1 when none.
  double WaitTimeout() const;

  SimGridRuntime* rt_;
  std::weak_ptr<char> rt_alive_;
  std::vector<Slot> slots_;
  std::vector<std::function<void(Status)>> io_done_;
  // waits_[i] for i < slots_.size() is slot i's receive; the rest are the I/Os of io_done_.
  std::vector<simgrid::s4u::ActivityPtr> waits_;
};

}  // namespace estate::sim

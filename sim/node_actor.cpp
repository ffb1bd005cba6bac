// NodeActor: the wait/dispatch loop of one engine node.
#include "sim/node_actor.h"

#include <algorithm>
#include <simgrid/Exception.hpp>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Comm.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Io.hpp>
#include <simgrid/s4u/Mailbox.hpp>

#include "sim/sim_cluster.h"
#include "sim/sim_time.h"
#include "sim/simgrid_runtime.h"

namespace estate::sim {

namespace sg4 = simgrid::s4u;

NodeActor::NodeActor(SimGridRuntime* runtime) : rt_(runtime), rt_alive_(runtime->alive_) {}

NodeActor::~NodeActor() {
  // Unwinding after a crash or at engine shutdown: the runtime may have moved on to a new
  // incarnation, or be gone.
  if (rt_alive_.expired()) return;
  if (rt_->loop_ == this) {
    rt_->loop_ = nullptr;
    rt_->in_actor_ = false;
  }
}

void NodeActor::Receive(size_t i) {
  Slot& s = slots_[i];
  s.data = nullptr;
  waits_[i] = s.mailbox->get_async<void>(&s.data);
}

void NodeActor::Run() {
  rt_->loop_ = this;
  sg4::ActorPtr self = sg4::Actor::self();
  if (rt_->cluster_->options().daemon_actors) self->daemonize();
  // Eager mailboxes: a send starts moving as soon as it is posted, whether or not a receive
  // is pending, so the transfer time never depends on when this actor gets to it.
  for (sg4::Mailbox* mb : rt_->inbox_) {
    if (mb == nullptr) continue;
    mb->set_receiver(self);
    slots_.push_back(Slot{mb, false});
  }
  rt_->doorbell_->set_receiver(self);
  slots_.push_back(Slot{rt_->doorbell_, true});
  waits_.resize(slots_.size());
  for (size_t i = 0; i < slots_.size(); ++i)
    Receive(i);

  rt_->in_actor_ = true;
  if (rt_->boot_) rt_->boot_();
  const TimeNs stop_at = rt_->cluster_->options().stop_at;
  for (;;) {
    rt_->in_actor_ = true;
    rt_->RunReady();
    rt_->in_actor_ = false;
    if (stop_at > 0 && rt_->Now() >= stop_at) {
      for (sg4::ActivityPtr& w : waits_)
        w->cancel();
      return;
    }
    ssize_t index;
    try {
      index = sg4::Activity::wait_any_for(waits_, WaitTimeout());
    } catch (const simgrid::Exception&) {
      // A peer's host failed mid-transfer, or an I/O failed: not an engine event.
      rt_->in_actor_ = true;
      RecoverFailures();
      continue;
    }
    rt_->in_actor_ = true;
    if (index >= 0 && static_cast<size_t>(index) < waits_.size()) HandleCompletion(index);
  }
}

double NodeActor::WaitTimeout() const {
  std::optional<TimeNs> next = rt_->timers_.NextDue();
  const TimeNs stop_at = rt_->cluster_->options().stop_at;
  if (stop_at > 0 && (!next || *next > stop_at)) next = stop_at;
  if (!next) return -1;
  return std::max(0.0, NsToSeconds(*next) - sg4::Engine::get_clock());
}

void NodeActor::HandleCompletion(size_t index) {
  if (index < slots_.size()) {
    void* data = slots_[index].data;
    bool doorbell = slots_[index].doorbell;
    Receive(index);
    if (doorbell) {
      rt_->wake_pending_ = false;  // posted work and timers run at the top of the loop
    } else {
      rt_->DeliverBatch(reinterpret_cast<uintptr_t>(data));
    }
    return;
  }
  size_t io = index - slots_.size();
  std::function<void(Status)> done = std::move(io_done_[io]);
  io_done_.erase(io_done_.begin() + io);
  waits_.erase(waits_.begin() + index);
  done(Status::Ok());
}

void NodeActor::RecoverFailures() {
  // wait_any_for does not say which activity failed, and a failed communication's s4u state
  // can still read STARTED; test() raises its failure again, which identifies it. Looking at
  // states alone left a failed receive in place, and the next wait threw at once, forever
  // (a partition cutting a link with transfers in flight did it).
  for (size_t i = 0; i < slots_.size(); ++i) {
    bool done = false;
    try {
      done = waits_[i]->test();
    } catch (const simgrid::Exception&) {
      Receive(i);
      continue;
    }
    if (done) HandleCompletion(i);
  }
  for (size_t i = waits_.size(); i-- > slots_.size();) {
    bool done = false;
    try {
      done = waits_[i]->test();
    } catch (const simgrid::Exception&) {
      const size_t io = i - slots_.size();
      std::function<void(Status)> fail = std::move(io_done_[io]);
      io_done_.erase(io_done_.begin() + io);
      waits_.erase(waits_.begin() + i);
      fail(Status::Unavailable("disk I/O failed"));
      continue;
    }
    if (done) HandleCompletion(i);
  }
}

void NodeActor::AddIo(sg4::IoPtr io, std::function<void(Status)> done) {
  io_done_.push_back(std::move(done));
  waits_.push_back(std::move(io));
}

}  // namespace estate::sim

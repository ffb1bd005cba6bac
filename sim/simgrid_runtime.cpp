// SimGridRuntime: messages, timers, crash/restart and disk I/O of one simulated node.
#include "sim/simgrid_runtime.h"

#include <algorithm>
#include <simgrid/Exception.hpp>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Comm.hpp>
#include <simgrid/s4u/Disk.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Io.hpp>
#include <simgrid/s4u/Mailbox.hpp>
#include <string>

#include "sim/node_actor.h"
#include "sim/sim_cluster.h"
#include "sim/sim_time.h"

namespace estate::sim {

namespace sg4 = simgrid::s4u;

SimGridRuntime::SimGridRuntime(SimCluster* cluster, NodeId id, sg4::Host* host)
    : cluster_(cluster),
      id_(id),
      host_(host),
      random_(cluster->options().seed, id, cluster->options().buggify),
      in_flight_(std::make_shared<InFlight>()),
      alive_(std::make_shared<char>(0)) {}

SimGridRuntime::~SimGridRuntime() = default;

TimeNs SimGridRuntime::Now() const {
  return SimNow();
}

TimerId SimGridRuntime::Schedule(DurationNs delay, std::function<void()> fn) {
  TimerId id = timers_.Add(Now() + std::max<DurationNs>(delay, 0), std::move(fn));
  if (!up_) {
    timers_.Cancel(id);
    return id;
  }
  // From another actor, the node actor may be asleep until a later timer.
  if (!in_actor_) Wake();
  return id;
}

bool SimGridRuntime::Cancel(TimerId id) {
  return timers_.Cancel(id);
}

void SimGridRuntime::SetMessageHandler(MessageHandler handler) {
  handler_ = std::make_shared<MessageHandler>(std::move(handler));
}

void SimGridRuntime::Log(LogLevel level, std::string_view message) {
  const LogSink& sink = cluster_->options().log;
  if (sink) sink(FormatLogLine(Now(), id_, level, message));
}

int SimGridRuntime::lane_count() const {
  return 1 + cluster_->options().data_streams;
}

int SimGridRuntime::LaneOf(uint16_t stream) const {
  if (stream == 0) return 0;
  return 1 + (stream - 1) % cluster_->options().data_streams;
}

sg4::Mailbox* SimGridRuntime::InboxFor(NodeId from, int lane) const {
  size_t index = static_cast<size_t>(from) * lane_count() + lane;
  return index < inbox_.size() ? inbox_[index] : nullptr;
}

void SimGridRuntime::Send(NodeId to, Message msg) {
  if (!up_) {
    ++dropped_;
    return;
  }
  ++sent_;
  if (to == id_) {
    Schedule(0, [this, m = std::move(msg)]() mutable { Deliver(id_, std::move(m)); });
    return;
  }
  SimGridRuntime* dst = cluster_->Find(to);
  if (dst == nullptr) {
    ++dropped_;
    return;
  }
  int lane = LaneOf(msg.stream);
  uint64_t bytes = msg.size_on_wire() + cluster_->options().header_bytes;
  // Engine code: batch until the current event ends. Before the run (maestro) there is no
  // actor to send from; the node actor sends the outbox when it starts.
  bool defer = (in_actor_ && cluster_->options().coalesce) || sg4::this_actor::is_maestro();
  if (defer) {
    MessageBatch& batch = outbox_[{to, lane}];
    batch.from = id_;
    batch.from_incarnation = incarnation_;
    batch.bytes += bytes;
    batch.messages.push_back(std::move(msg));
    return;
  }
  MessageBatch batch{id_, incarnation_, {}, bytes};
  batch.messages.push_back(std::move(msg));
  Transmit(dst, lane, std::move(batch));
}

void SimGridRuntime::Transmit(SimGridRuntime* dst, int lane, MessageBatch batch) {
  uint64_t count = batch.messages.size();
  sg4::Mailbox* mailbox = dst->InboxFor(id_, lane);
  if (!dst->up_ || mailbox == nullptr || !dst->host_->is_on()) {
    dropped_ += count;
    return;
  }
  std::shared_ptr<InFlight> table = dst->in_flight_;
  uint64_t id = ++table->next_id;
  uint64_t bytes = batch.bytes;
  batch.sent_at = Now();
  table->batches.emplace(id, std::move(batch));
  try {
    // The communication carries only the batch id (SimGrid refuses a null payload, and ids
    // start at 1). If it fails, SimGrid calls the clean-up with that id.
    mailbox->put_init(reinterpret_cast<void*>(static_cast<uintptr_t>(id)), bytes)
        ->detach([weak = std::weak_ptr<InFlight>(table)](void* data) {
          std::shared_ptr<InFlight> t = weak.lock();
          if (!t) return;
          auto it = t->batches.find(reinterpret_cast<uintptr_t>(data));
          if (it == t->batches.end()) return;
          t->lost += it->second.messages.size();
          t->batches.erase(it);
        });
    ++transfers_;
  } catch (const std::exception& e) {
    // No route between the hosts, or a host failed as the transfer started.
    table->batches.erase(id);
    dropped_ += count;
    Log(LogLevel::kWarning,
        std::string("send to n") + std::to_string(dst->id_) + " failed: " + e.what());
  }
}

void SimGridRuntime::FlushOutbox() {
  if (outbox_.empty()) return;
  std::map<std::pair<NodeId, int>, MessageBatch> out;
  out.swap(outbox_);
  for (auto& [key, batch] : out) {
    SimGridRuntime* dst = cluster_->Find(key.first);
    Transmit(dst, key.second, std::move(batch));
  }
}

void SimGridRuntime::DeliverBatch(uint64_t id) {
  auto it = in_flight_->batches.find(id);
  if (it == in_flight_->batches.end()) return;  // cut by a crash of an earlier incarnation
  MessageBatch batch = std::move(it->second);
  in_flight_->batches.erase(it);
  // SimGrid lets a detached transfer finish after its sender's host went off; a real
  // connection would be cut. Approximation: a batch whose sender crashed before delivery is
  // lost, even if its last byte had left (within one latency of the crash).
  SimGridRuntime* sender = cluster_->Find(batch.from);
  if (sender == nullptr || !sender->up_ || sender->incarnation_ != batch.from_incarnation) {
    in_flight_->lost += batch.messages.size();
    return;
  }
  if (const auto& observe = cluster_->transfer_observer())
    observe(batch.from, id_, batch.bytes, batch.sent_at, Now());
  // Object bytes land on the site's disk before the engine hears of them (and acknowledges
  // them), so a slow disk backs up replication as it would in a real site.
  uint64_t data_bytes = 0;
  if (cluster_->options().data_to_disk) {
    for (const Message& m : batch.messages)
      data_bytes += m.stream != 0 ? m.size_on_wire() : 0;
  }
  if (data_bytes > 0) {  // QueueDiskIo fails (and the batch goes on) when there is no disk
    auto held = std::make_shared<MessageBatch>(std::move(batch));
    Status s = QueueDiskIo(true, data_bytes, [this, held] {
      for (Message& m : held->messages)
        Deliver(held->from, std::move(m));
    });
    if (s.ok()) return;
    batch = std::move(*held);
  }
  for (Message& m : batch.messages)
    Deliver(batch.from, std::move(m));
}

void SimGridRuntime::Deliver(NodeId from, Message msg) {
  // A copy: the handler may replace itself.
  std::shared_ptr<MessageHandler> handler = handler_;
  if (!handler || !up_) {
    ++dropped_;
    return;
  }
  ++delivered_;
  (*handler)(from, std::move(msg));
}

void SimGridRuntime::RunReady() {
  for (;;) {
    if (!posted_.empty()) {
      std::vector<std::function<void()>> work;
      work.swap(posted_);
      for (auto& fn : work)
        fn();
      continue;
    }
    std::optional<std::function<void()>> timer = timers_.PopDue(Now());
    if (!timer) break;
    (*timer)();
  }
  FlushOutbox();
}

void SimGridRuntime::Wake() {
  if (in_actor_ || !up_ || wake_pending_ || doorbell_ == nullptr) return;
  // Before the run the actor has not started; it reads posted work and timers first thing.
  if (sg4::this_actor::is_maestro()) return;
  wake_pending_ = true;
  // A zero-byte message from the node's own host crosses the loopback at once.
  doorbell_->put_init(this, 0)->detach();
}

void SimGridRuntime::Post(std::function<void()> fn) {
  if (!up_) return;
  posted_.push_back(std::move(fn));
  Wake();
}

void SimGridRuntime::Start() {
  ++incarnation_;
  up_ = true;
  wake_pending_ = false;
  int lanes = lane_count();
  int limit = cluster_->id_limit();
  std::string prefix = "n" + std::to_string(id_) + ".i" + std::to_string(incarnation_) + "/";
  inbox_.assign(static_cast<size_t>(limit) * lanes, nullptr);
  for (int from = 0; from < limit; ++from) {
    if (from == id_ || cluster_->Find(static_cast<NodeId>(from)) == nullptr) continue;
    for (int lane = 0; lane < lanes; ++lane) {
      std::string name = prefix + (lane == 0 ? "ctl" : "s" + std::to_string(lane)) + "/from" +
                         std::to_string(from);
      inbox_[static_cast<size_t>(from) * lanes + lane] = sg4::Mailbox::by_name(name);
    }
  }
  doorbell_ = sg4::Mailbox::by_name(prefix + "wake");
  actor_ = sg4::Actor::create("node" + std::to_string(id_), host_, [this] {
    NodeActor actor(this);
    actor.Run();
  });
}

void SimGridRuntime::Crash() {
  if (!up_) return;
  up_ = false;
  // What the engine held in memory is gone, and its queued disk I/Os with it.
  timers_.Clear();
  disk_free_at_[0] = disk_free_at_[1] = 0;
  posted_.clear();
  outbox_.clear();
  handler_.reset();
  if (on_crash_) on_crash_();
  storage_.DropUnsynced();
  for (auto& [id, batch] : in_flight_->batches)
    in_flight_->lost += batch.messages.size();
  in_flight_->batches.clear();
  for (sg4::Mailbox* mb : inbox_) {
    if (mb != nullptr) mb->set_receiver(nullptr);
  }
  doorbell_->set_receiver(nullptr);
  inbox_.clear();
  doorbell_ = nullptr;
  loop_ = nullptr;
  in_actor_ = false;
  host_->turn_off();  // kills the node actor (and any other actor on the host)
  actor_ = nullptr;
}

void SimGridRuntime::Restart() {
  host_->turn_on();
  Start();
}

sg4::Disk* SimGridRuntime::disk() const {
  std::vector<sg4::Disk*> disks = host_->get_disks();
  return disks.empty() ? nullptr : disks.front();
}

Status SimGridRuntime::DiskIo(bool write, uint64_t bytes) {
  if (in_actor_) {
    return Status::Invalid("blocking disk I/O would stall node " + std::to_string(id_) +
                           "'s actor; use the async variant from engine code");
  }
  sg4::Disk* d = disk();
  if (d == nullptr) return Status::Invalid("node " + std::to_string(id_) + " has no disk");
  try {
    if (write) {
      d->write(bytes);
    } else {
      d->read(bytes);
    }
  } catch (const simgrid::Exception& e) {
    return Status::Unavailable(std::string("disk I/O failed: ") + e.what());
  }
  return Status::Ok();
}

Status SimGridRuntime::DiskWrite(uint64_t bytes) {
  return DiskIo(true, bytes);
}
Status SimGridRuntime::DiskRead(uint64_t bytes) {
  return DiskIo(false, bytes);
}

Status SimGridRuntime::DiskIoAsync(bool write, uint64_t bytes, std::function<void(Status)> done) {
  if (!in_actor_ || loop_ == nullptr) {
    return Status::Invalid("async disk I/O must start in node " + std::to_string(id_) + "'s actor");
  }
  sg4::Disk* d = disk();
  if (d == nullptr) return Status::Invalid("node " + std::to_string(id_) + " has no disk");
  loop_->AddIo(write ? d->write_async(bytes) : d->read_async(bytes), std::move(done));
  return Status::Ok();
}

Status SimGridRuntime::QueueDiskIo(bool write, uint64_t bytes, std::function<void()> done) {
  sg4::Disk* d = disk();
  if (d == nullptr) return Status::Invalid("node " + std::to_string(id_) + " has no disk");
  const double bandwidth = write ? d->get_write_bandwidth() : d->get_read_bandwidth();
  if (bandwidth <= 0) return Status::Invalid("node " + std::to_string(id_) + " has no bandwidth");
  TimeNs& free_at = disk_free_at_[write ? 1 : 0];
  const TimeNs start = std::max(Now(), free_at);
  free_at = start + static_cast<TimeNs>(static_cast<double>(bytes) / bandwidth * 1e9);
  Schedule(free_at - Now(), std::move(done));
  return Status::Ok();
}

Status SimGridRuntime::DiskWriteAsync(uint64_t bytes, std::function<void(Status)> done) {
  return DiskIoAsync(true, bytes, std::move(done));
}
Status SimGridRuntime::DiskReadAsync(uint64_t bytes, std::function<void(Status)> done) {
  return DiskIoAsync(false, bytes, std::move(done));
}

}  // namespace estate::sim

#include "engine/data/data_mover.h"

#include <algorithm>

namespace estate {

DataMover::DataMover(Runtime& rt, DataMoverOptions options, ReceiveFn on_receive, AckFn on_ack)
    : rt_(rt),
      options_(std::move(options)),
      on_receive_(std::move(on_receive)),
      on_ack_(std::move(on_ack)) {
  // Ids are unique per node life, so an acknowledgement meant for a previous life is ignored.
  next_transfer_ = rt_.Random() & 0xffffffff00000000ull;
}

DataMover::~DataMover() {
  for (auto& [to, link] : links_) {
    rt_.Cancel(link.wake);
    for (auto& [id, f] : link.in_flight)
      rt_.Cancel(f.second);
  }
}

DataMover::Link& DataMover::LinkTo(NodeId to) {
  auto [it, fresh] = links_.try_emplace(to);
  if (fresh) {
    for (int s = 1; s <= std::max(1, options_.streams_per_link); ++s) {
      it->second.free_streams.insert(static_cast<uint16_t>(s));
    }
  }
  return it->second;
}

void DataMover::Enqueue(NodeId to, TransferPurpose purpose, const ObjectRef& object, int priority) {
  Link& link = LinkTo(to);
  Job job;
  job.transfer.transfer_id = ++next_transfer_;
  job.transfer.purpose = purpose;
  job.transfer.object = object;
  job.priority = priority;
  job.enqueued = rt_.Now();
  link.stats.queued += 1;
  link.stats.queued_bytes += object.size;
  link.queue.emplace(std::make_pair(-priority, ++next_seq_), std::move(job));
  Pump(to);
}

void DataMover::Pump(NodeId to) {
  Link& link = LinkTo(to);
  auto cap_it = options_.cap_bytes_per_second.find(to);
  const double cap = cap_it == options_.cap_bytes_per_second.end() ? 0 : cap_it->second;
  while (!link.queue.empty() && !link.free_streams.empty()) {
    const TimeNs now = rt_.Now();
    if (cap > 0 && link.free_at > now) {
      if (link.wake == kNoTimer) {
        link.wake = rt_.Schedule(link.free_at - now, [this, to] {
          LinkTo(to).wake = kNoTimer;
          Pump(to);
        });
      }
      return;
    }
    auto first = link.queue.begin();
    Job job = std::move(first->second);
    link.queue.erase(first);
    link.stats.queued -= 1;
    link.stats.queued_bytes -= job.transfer.object.size;
    if (cap > 0) {
      const double seconds = static_cast<double>(job.transfer.object.size) / cap;
      link.free_at = std::max(link.free_at, now) + static_cast<DurationNs>(seconds * 1e9);
    }
    Start(to, link, std::move(job));
  }
}

void DataMover::Start(NodeId to, Link& link, Job job) {
  const uint16_t stream = *link.free_streams.begin();
  link.free_streams.erase(link.free_streams.begin());
  const uint64_t id = job.transfer.transfer_id;
  const uint64_t size = job.transfer.object.size;
  Message msg;
  msg.type = kDataTransferMessage;
  msg.payload = EncodeDataTransfer(job.transfer);
  msg.wire_bytes = size + options_.header_bytes;
  msg.stream = stream;
  const DurationNs timeout = options_.ack_timeout_base +
                             static_cast<DurationNs>(static_cast<double>(size) /
                                                     options_.assumed_min_bytes_per_second * 1e9);
  TimerId timer = rt_.Schedule(timeout, [this, to, id] { OnTimeout(to, id); });
  link.stream_of[id] = stream;
  link.in_flight.emplace(id, std::make_pair(std::move(job), timer));
  link.stats.in_flight = link.in_flight.size();
  link.stats.transfers_sent += 1;
  link.stats.bytes_sent += size;
  rt_.Send(to, std::move(msg));
}

void DataMover::OnTimeout(NodeId to, uint64_t transfer_id) {
  Link& link = LinkTo(to);
  auto it = link.in_flight.find(transfer_id);
  if (it == link.in_flight.end()) return;
  Job job = std::move(it->second.first);
  link.in_flight.erase(it);
  link.free_streams.insert(link.stream_of[transfer_id]);
  link.stream_of.erase(transfer_id);
  link.stats.in_flight = link.in_flight.size();
  link.stats.retransmissions += 1;
  link.stats.queued += 1;
  link.stats.queued_bytes += job.transfer.object.size;
  // Back to the front of its priority: it has waited longest.
  link.queue.emplace(std::make_pair(-job.priority, --front_seq_), std::move(job));
  Pump(to);
}

void DataMover::OnMessage(NodeId from, const Message& msg) {
  if (msg.type == kDataTransferMessage) {
    Result<DataTransfer> t = DecodeDataTransfer(msg.payload);
    if (!t.ok()) return;
    on_receive_(from, *t);
    Message ack;
    ack.type = kDataAckMessage;
    ack.payload = EncodeDataAck(DataAck{t->transfer_id});
    rt_.Send(from, std::move(ack));
    return;
  }
  if (msg.type != kDataAckMessage) return;
  Result<DataAck> a = DecodeDataAck(msg.payload);
  if (!a.ok()) return;
  Link& link = LinkTo(from);
  auto it = link.in_flight.find(a->transfer_id);
  if (it == link.in_flight.end()) return;  // a duplicate, or a transfer already retried
  rt_.Cancel(it->second.second);
  DataTransfer done = std::move(it->second.first.transfer);
  link.in_flight.erase(it);
  link.free_streams.insert(link.stream_of[a->transfer_id]);
  link.stream_of.erase(a->transfer_id);
  link.stats.in_flight = link.in_flight.size();
  link.stats.transfers_acked += 1;
  on_ack_(from, done);
  Pump(from);
}

LinkStats DataMover::stats(NodeId to) const {
  auto it = links_.find(to);
  return it == links_.end() ? LinkStats{} : it->second.stats;
}

DurationNs DataMover::OldestPendingAge(NodeId to) const {
  auto it = links_.find(to);
  if (it == links_.end()) return 0;
  TimeNs oldest = rt_.Now();
  for (const auto& [key, job] : it->second.queue)
    oldest = std::min(oldest, job.enqueued);
  for (const auto& [id, f] : it->second.in_flight)
    oldest = std::min(oldest, f.first.enqueued);
  return rt_.Now() - oldest;
}

}  // namespace estate

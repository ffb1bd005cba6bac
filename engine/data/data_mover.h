// DataMover: moves object bytes to other sites. Each destination link has a priority queue
// drained by a bounded number of parallel streams (never one flow per object: a stream sends
// one object at a time and takes the next when the receiver acknowledges), and an optional
// bandwidth cap that paces when transfers may start. A transfer not acknowledged in time is
// queued again; receivers handle duplicates idempotently.
//
// Threading: driven by its node's runtime.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>

#include "engine/data/data_messages.h"
#include "engine/runtime.h"

namespace estate {

struct DataMoverOptions {
  int streams_per_link = 8;  // parallel transfers per destination
  // Replication bandwidth cap per destination, bytes per second; absent or 0: uncapped.
  std::map<SiteId, double> cap_bytes_per_second;
  // A transfer is retried when unacknowledged after this plus its size at the assumed rate.
  DurationNs ack_timeout_base = 5 * kSecond;
  double assumed_min_bytes_per_second = 12.5e6;  // 100 Mb/s: generous for a WAN stream
  uint32_t header_bytes = 256;                   // per transfer, on top of the object
};

struct LinkStats {
  uint64_t bytes_sent = 0;  // including retransmissions
  uint64_t transfers_sent = 0;
  uint64_t transfers_acked = 0;
  uint64_t retransmissions = 0;
  uint64_t queued = 0;        // waiting for a stream
  uint64_t queued_bytes = 0;  // waiting for a stream
  uint64_t in_flight = 0;
};

class DataMover {
 public:
  using ReceiveFn = std::function<void(NodeId from, const DataTransfer&)>;
  using AckFn = std::function<void(NodeId to, const DataTransfer&)>;

  DataMover(Runtime& rt, DataMoverOptions options, ReceiveFn on_receive, AckFn on_ack);
  DataMover(const DataMover&) = delete;
  DataMover& operator=(const DataMover&) = delete;
  ~DataMover();

  // Queues object for `to`; higher priority drains first, FIFO within a priority.
  void Enqueue(NodeId to, TransferPurpose purpose, const ObjectRef& object, int priority);
  // Handles kDataTransferMessage and kDataAckMessage.
  void OnMessage(NodeId from, const Message& msg);

  LinkStats stats(NodeId to) const;
  // Age of the oldest transfer queued or in flight to `to`; 0 when idle.
  DurationNs OldestPendingAge(NodeId to) const;

 private:
  struct Job {
    DataTransfer transfer;
    int priority = 0;
    TimeNs enqueued = 0;
  };
  struct Link {
    std::map<std::pair<int, uint64_t>, Job> queue;          // (-priority, seq)
    std::map<uint64_t, std::pair<Job, TimerId>> in_flight;  // by transfer id
    std::set<uint16_t> free_streams;
    std::map<uint64_t, uint16_t> stream_of;  // transfer id → stream
    TimeNs free_at = 0;  // pacing: when the next transfer may start under the cap
    TimerId wake = kNoTimer;
    LinkStats stats;
  };

  Link& LinkTo(NodeId to);
  void Pump(NodeId to);
  void Start(NodeId to, Link& link, Job job);
  void OnTimeout(NodeId to, uint64_t transfer_id);

  Runtime& rt_;
  DataMoverOptions options_;
  ReceiveFn on_receive_;
  AckFn on_ack_;
  std::map<NodeId, Link> links_;
  int64_t next_seq_ = 0;
  int64_t front_seq_ = 0;  // decreasing: retried transfers go ahead of their priority
  uint64_t next_transfer_ = 0;
};

}  // namespace estate

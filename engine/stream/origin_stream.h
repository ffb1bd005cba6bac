// OriginStream: the sending half of a site's ordered replication stream. Every mutation a
// site originates outside the strong-mode log is appended here, made durable, and shipped in
// order to every other site, with retransmission until acknowledged. Entries are kept until
// every follower reports them durable, so a follower that crashes and loses unsynced state can
// be re-fed from where it really is.
//
// Threading: called only from its node's runtime (timers and message delivery).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/clock/hlc.h"
#include "engine/runtime.h"
#include "engine/stream/stream_messages.h"

namespace estate {

struct OriginStreamOptions {
  // Period of the send loop: heartbeats, retransmission checks and window refills.
  DurationNs tick_interval = 50 * kMillisecond;
  // An idle follower gets an empty batch (a heartbeat, which proves freshness and draws an
  // ack) when nothing was sent to it for this long; checked every tick.
  DurationNs heartbeat_interval = 50 * kMillisecond;
  // Unacknowledged entries are sent again after this long without progress.
  DurationNs retransmit_after = 400 * kMillisecond;
  // Entries per batch message.
  size_t max_batch_entries = 128;
  // Entries sent but not yet acknowledged, per follower.
  size_t max_inflight_entries = 4096;
  // BlobStore key prefix of the persisted entries.
  std::string storage_prefix = "stream/out/";
  // BlobStore key of the highest sequence number trimmed, so that a restart after every entry
  // was trimmed continues the numbering instead of starting again at 1.
  std::string trimmed_key = "stream/trimmed-through";
};

class OriginStream {
 public:
  using HlcSource = std::function<HlcTimestamp()>;
  using AckListener = std::function<void(NodeId follower, uint64_t applied_seq)>;

  OriginStream(Runtime& rt, std::vector<NodeId> followers, OriginStreamOptions options,
               HlcSource hlc);
  OriginStream(const OriginStream&) = delete;
  OriginStream& operator=(const OriginStream&) = delete;
  ~OriginStream();

  // Reloads entries persisted before a crash. Followers are then assumed to have nothing
  // beyond the oldest retained entry; their acknowledgements correct that within a tick.
  // REQUIRES: called before Start() and Append().
  Status Recover();
  // Starts the send loop.
  void Start();

  // Appends a mutation, syncs it to storage and ships it. Returns its sequence number.
  // `durable` asks receivers to sync before acknowledging it (sync-sites writes).
  uint64_t Append(std::string mutation, bool durable);
  // Handles a follower's acknowledgement.
  void OnAck(NodeId from, const StreamAck& ack);
  void SetAckListener(AckListener listener) { ack_listener_ = std::move(listener); }

  uint64_t last_seq() const { return last_seq_; }
  // Highest sequence `follower` has applied, as last reported.
  uint64_t applied_seq(NodeId follower) const;
  // Age of the oldest entry `follower` has not applied; 0 when it is caught up.
  DurationNs Lag(NodeId follower, TimeNs now) const;
  // Number of entries `follower` has not applied.
  uint64_t Backlog(NodeId follower) const;
  // When `follower` last acknowledged anything; -1 when never.
  TimeNs last_ack_time(NodeId follower) const;
  size_t retained_entries() const { return entries_.size(); }

 private:
  struct Follower {
    uint64_t applied = 0;
    uint64_t durable = 0;
    uint64_t next_to_send = 1;
    TimeNs last_progress = 0;  // last time `applied` advanced or a send restarted
    TimeNs last_ack = -1;
    TimeNs last_sent = -1;  // -1: never
  };

  void Tick();
  // Makes the next tick happen no later than `at`.
  void ScheduleTick(TimeNs at);
  void Pump(NodeId id, Follower& f, bool heartbeat_due);
  void SendBatch(NodeId id, uint64_t from_seq, uint64_t to_seq);
  void Trim();
  std::string KeyFor(uint64_t seq) const;
  const StreamEntry* EntryAt(uint64_t seq) const;

  Runtime& rt_;
  OriginStreamOptions options_;
  HlcSource hlc_;
  std::map<NodeId, Follower> followers_;
  std::deque<StreamEntry> entries_;  // consecutive, from first_retained_
  uint64_t first_retained_ = 1;
  uint64_t last_seq_ = 0;
  TimerId tick_timer_ = kNoTimer;
  TimeNs tick_at_ = 0;  // when tick_timer_ fires
  AckListener ack_listener_;
};

}  // namespace estate

// StreamReceiver: the receiving half of the ordered replication streams. It applies each
// origin's entries exactly once and in sequence order (buffering ones that arrive early),
// acknowledges what it applied and what is durable, and tracks how fresh its copy of each
// origin is. Freshness is what lets a site serve bounded-staleness and session reads
// locally: "I have applied everything origin O had at O's time h / HLC position p".
//
// Threading: called only from its node's runtime.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>

#include "engine/runtime.h"
#include "engine/stream/stream_messages.h"

namespace estate {

struct OriginProgress {
  uint64_t applied_seq = 0;     // entries applied, in order
  uint64_t durable_seq = 0;     // entries that survive a crash of this node
  uint64_t known_last_seq = 0;  // the origin's newest sequence this node has heard of
  // This node has applied everything the origin had written by origin time fresh_as_of
  // (-1: nothing proven yet) and by HLC position fresh_hlc.
  TimeNs fresh_as_of = -1;
  HlcTimestamp fresh_hlc;
  TimeNs last_heard = -1;  // local time of the last batch or heartbeat from the origin
};

class StreamReceiver {
 public:
  // Applies one entry to the node's state; the node journals it (without syncing).
  using ApplyFn = std::function<void(NodeId origin, const StreamEntry& entry)>;

  StreamReceiver(Runtime& rt, ApplyFn apply) : rt_(rt), apply_(std::move(apply)) {}

  // Sets the position rebuilt from the node's journal after a restart. Everything replayed
  // from the journal is durable.
  void SetRecoveredPosition(NodeId origin, uint64_t applied_seq);
  // Applies what can be applied from a batch and acknowledges it.
  void OnBatch(NodeId from, const StreamBatch& batch);

  // Progress of one origin; a default (all zero) record when never heard from.
  OriginProgress progress(NodeId origin) const;
  // Entries buffered because an earlier one has not arrived yet.
  size_t buffered_entries() const;

 private:
  struct Freshness {
    uint64_t last_seq;
    TimeNs origin_time;
    HlcTimestamp hlc;
  };
  struct OriginState {
    OriginProgress progress;
    std::map<uint64_t, StreamEntry> early;  // seq > applied + 1
    std::deque<Freshness> pending;          // claims waiting for applied_seq to reach them
  };

  void ApplyInOrder(NodeId origin, OriginState& st, bool* needs_sync);
  void PromoteFreshness(OriginState& st);

  static constexpr size_t kMaxEarlyEntries = 1 << 16;
  static constexpr size_t kMaxPendingClaims = 1 << 10;

  Runtime& rt_;
  ApplyFn apply_;
  std::map<NodeId, OriginState> origins_;
};

}  // namespace estate

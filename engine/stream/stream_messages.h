// Messages of the ordered replication stream: each site ships the mutations it originates, in
// sequence order, to every other site; receivers acknowledge the highest sequence they have
// applied. A batch with no entries is a heartbeat that tells the receiver how far the origin
// has got, which bounded-staleness and session reads need to prove freshness.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/clock/hlc.h"
#include "engine/message_types.h"
#include "engine/result.h"
#include "engine/time.h"

namespace estate {

constexpr uint32_t kStreamBatchMessage = kStreamMessageFirst;
constexpr uint32_t kStreamAckMessage = kStreamMessageFirst + 1;

struct StreamEntry {
  uint64_t seq = 0;
  TimeNs origin_time = 0;  // when the origin appended it
  bool durable = false;    // the receiver must sync before acknowledging it
  std::string mutation;    // EncodeMutation bytes

  friend bool operator==(const StreamEntry&, const StreamEntry&) = default;
};

struct StreamBatch {
  std::vector<StreamEntry> entries;  // consecutive sequence numbers
  uint64_t origin_last_seq = 0;      // the origin's newest sequence when it sent this
  TimeNs origin_time = 0;            // the origin's clock when it sent this
  HlcTimestamp origin_hlc;           // the origin's HLC when it sent this

  friend bool operator==(const StreamBatch&, const StreamBatch&) = default;
};

struct StreamAck {
  uint64_t applied_seq = 0;     // every entry up to this one is applied
  uint64_t durable_seq = 0;     // every entry up to this one survives a receiver crash
  TimeNs echo_origin_time = 0;  // origin_time of the batch that produced this ack
};

std::string EncodeStreamBatch(const StreamBatch& b);
Result<StreamBatch> DecodeStreamBatch(std::string_view bytes);
std::string EncodeStreamAck(const StreamAck& a);
Result<StreamAck> DecodeStreamAck(std::string_view bytes);

}  // namespace estate

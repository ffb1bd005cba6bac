#include "engine/stream/stream_messages.h"

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {

std::string EncodeStreamBatch(const StreamBatch& b) {
  WireWriter w;
  w.PutVarint(b.entries.size());
  for (const StreamEntry& e : b.entries) {
    w.PutVarint(e.seq);
    w.PutSignedVarint(e.origin_time);
    w.PutBool(e.durable);
    w.PutString(e.mutation);
  }
  w.PutVarint(b.origin_last_seq);
  w.PutSignedVarint(b.origin_time);
  w.PutSignedVarint(b.origin_hlc.ticks);
  return w.Take();
}

Result<StreamBatch> DecodeStreamBatch(std::string_view bytes) {
  WireReader r(bytes);
  StreamBatch b;
  uint64_t n = 0;
  // Each entry takes at least four bytes, which bounds a forged count.
  if (!r.GetVarint(&n) || n > bytes.size() / 4) {
    return Status::Invalid("malformed stream batch: entry count");
  }
  b.entries.resize(n);
  for (StreamEntry& e : b.entries) {
    r.GetVarint(&e.seq);
    r.GetSignedVarint(&e.origin_time);
    r.GetBool(&e.durable);
    r.GetString(&e.mutation);
  }
  r.GetVarint(&b.origin_last_seq);
  r.GetSignedVarint(&b.origin_time);
  r.GetSignedVarint(&b.origin_hlc.ticks);
  if (!r.done()) return Status::Invalid("malformed stream batch: truncated or trailing bytes");
  for (size_t i = 1; i < b.entries.size(); ++i) {
    if (b.entries[i].seq != b.entries[i - 1].seq + 1) {
      return Status::Invalid("malformed stream batch: sequence numbers not consecutive");
    }
  }
  return b;
}

std::string EncodeStreamAck(const StreamAck& a) {
  WireWriter w;
  w.PutVarint(a.applied_seq);
  w.PutVarint(a.durable_seq);
  w.PutSignedVarint(a.echo_origin_time);
  return w.Take();
}

Result<StreamAck> DecodeStreamAck(std::string_view bytes) {
  WireReader r(bytes);
  StreamAck a;
  r.GetVarint(&a.applied_seq);
  r.GetVarint(&a.durable_seq);
  r.GetSignedVarint(&a.echo_origin_time);
  if (!r.done()) return Status::Invalid("malformed stream ack");
  return a;
}

}  // namespace estate

#include "engine/node/journal.h"

#include <cstdio>

#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {

std::string Journal::KeyFor(uint64_t n) const {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%020llu", static_cast<unsigned long long>(n));
  return prefix_ + digits;
}

Status Journal::Append(const JournalRecord& r, bool sync) {
  WireWriter w;
  w.PutU8(static_cast<uint8_t>(r.source));
  w.PutVarint(r.origin);
  w.PutVarint(r.position);
  w.PutSignedVarint(r.applied_at);
  w.PutString(r.mutation);
  Status s = store_.Put(KeyFor(next_), w.data(), sync);
  if (s.ok()) ++next_;
  return s;
}

Status Journal::Replay(const std::function<void(const JournalRecord&)>& visit) {
  std::vector<std::string> keys = store_.Keys(prefix_);
  next_ = 1;
  for (const std::string& key : keys) {
    if (key != KeyFor(next_)) return Status::Internal("journal gap or foreign key at " + key);
    Result<std::string> bytes = store_.Get(key);
    if (!bytes.ok()) return bytes.status();
    WireReader rd(*bytes);
    JournalRecord r;
    uint8_t source = 0;
    uint64_t origin = 0;
    rd.GetU8(&source);
    rd.GetVarint(&origin);
    rd.GetVarint(&r.position);
    rd.GetSignedVarint(&r.applied_at);
    rd.GetString(&r.mutation);
    if (!rd.done() || source < 1 || source > 3 || origin >= kMaxSites) {
      return Status::Internal("corrupt journal record " + key);
    }
    r.source = static_cast<JournalSource>(source);
    r.origin = static_cast<NodeId>(origin);
    visit(r);
    ++next_;
  }
  return Status::Ok();
}

}  // namespace estate

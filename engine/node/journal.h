// Journal: the node's local record of every mutation it applied, in application order, with
// where each came from. After a crash the node rebuilds its namespace by replaying it, and
// learns from it how far it had got in the strong-mode log and in each origin's stream.
// Entries written with sync=false can be lost by a crash; the stream and Raft protocols
// re-send whatever a node reports it no longer has.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "engine/runtime.h"

namespace estate {

enum class JournalSource : uint8_t {
  kRaft = 1,    // position = Raft log index
  kStream = 2,  // position = sequence in origin's stream
  kSeed = 3,    // an object that existed before the node's history began; position unused
};

struct JournalRecord {
  JournalSource source = JournalSource::kStream;
  NodeId origin = 0;      // kStream: the stream's origin site (self for own writes)
  uint64_t position = 0;  // see JournalSource
  TimeNs applied_at = 0;  // local time of the original apply
  std::string mutation;   // EncodeMutation bytes
};

class Journal {
 public:
  explicit Journal(BlobStore& store, std::string prefix = "journal/")
      : store_(store), prefix_(std::move(prefix)) {}

  // Appends a record after every earlier one.
  Status Append(const JournalRecord& record, bool sync);
  // Calls visit for every stored record in order. Stops at, and returns, the first error.
  Status Replay(const std::function<void(const JournalRecord&)>& visit);
  uint64_t size() const { return next_ - 1; }

 private:
  std::string KeyFor(uint64_t n) const;

  BlobStore& store_;
  std::string prefix_;
  uint64_t next_ = 1;
};

}  // namespace estate

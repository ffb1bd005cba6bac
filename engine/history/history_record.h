// HistoryRecord: one client operation as an external checker sees it, one JSON object per
// line. docs/HISTORY.md documents every field. The engine produces these (EngineNode's history
// sink); tests/support's linearizability checker and external tools (Knossos, Porcupine, Elle
// style) consume them.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/result.h"
#include "engine/site.h"
#include "engine/time.h"

namespace estate {

struct HistoryRecord {
  std::string op;  // "insert", "get", "patch", "delete", "list"
  std::string bucket;
  std::string object;  // object name; the prefix for "list"
  // insert/patch: the generation written; get: the generation observed (0: observed absent);
  // delete: the generation removed.
  int64_t generation = 0;
  std::string digest;  // content digest written or observed: CRC32C as 8 hex digits, or ""
  TimeNs call_ns = 0;
  TimeNs return_ns = 0;
  uint64_t client = 0;
  SiteId site = 0;
  // "ok", or the GCS reason of the failure ("conditionNotMet", "notFound",
  // "backendError", ...), "refused" for a 503 that certainly had no effect, or "timeout"
  // when the client never heard back.
  std::string outcome = "ok";
  std::optional<int64_t> if_generation_match;
  std::string mode;  // consistency mode of the object's mount

  friend bool operator==(const HistoryRecord&, const HistoryRecord&) = default;
};

// One line of JSON, without the trailing newline. Keys in a fixed order.
std::string ToJsonLine(const HistoryRecord& r);
// Parses one line. Errors: 400 Invalid naming the field and what was expected, e.g.
// `history line: field "call_ns": expected an integer, found "x"`.
Result<HistoryRecord> ParseHistoryLine(std::string_view line);

// Appends records as JSON lines to a stream.
class HistoryWriter {
 public:
  explicit HistoryWriter(std::ostream& out) : out_(out) {}
  void Write(const HistoryRecord& r) { out_ << ToJsonLine(r) << '\n'; }

 private:
  std::ostream& out_;
};

}  // namespace estate

// Readers of recorded request traces, for replaying real workloads instead of generating
// synthetic ones. Formats:
//   "csv"      header "timestamp_s,op,bucket,key,size,site", op one of read, write, list,
//              delete; RFC 4180 quoting for fields that contain commas or quotes.
//   "jsonl"    one JSON object per line with those fields as keys; blank lines skipped.
//   "ibm-cos"  the IBM Cloud Object Storage traces (SNIA IOTTA): "timestamp op key [size]
//              [start end]", whitespace separated, timestamp in integer milliseconds.
// Every rejection names the file, the line and the field, and says what was expected and
// what was found. No input makes the readers throw or crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "engine/time.h"

namespace estate {

struct TraceOp {
  enum class Kind { kRead, kWrite, kList, kDelete };

  TimeNs at = 0;  // since the start of the trace
  Kind kind = Kind::kRead;
  std::string bucket;
  std::string key;    // for a list, the prefix (may be empty)
  uint64_t size = 0;  // the object's size in bytes; 0 when the trace does not say
  std::string site;   // where the request comes from; empty: any site
  // A ranged read covers bytes [range_start, range_end) of the object; a zero-length range
  // is a metadata-only read (HEAD).
  uint64_t range_start = 0;
  uint64_t range_end = 0;
  bool ranged = false;
};

// "read", "write", "list" or "delete".
std::string_view KindName(TraceOp::Kind kind);

struct Trace {
  std::vector<TraceOp> ops;  // sorted by time; ties keep file order
  // Well-formed lines the format's mapping leaves out (ibm-cos: bucket operations, multipart
  // aborts and listings and the like), so that a replay can report how much it ignored.
  uint64_t skipped = 0;
};

// Reads the trace at `path` in `format` ("csv", "jsonl" or "ibm-cos"). Operations with no
// bucket (all of ibm-cos, and csv or jsonl records with an empty or absent bucket) get
// default_bucket.
Result<Trace> ReadTrace(const std::string& path, const std::string& format,
                        const std::string& default_bucket);
// The same on text already in memory; `name` stands for the file in messages.
Result<Trace> ParseTrace(std::string_view text, std::string_view name, std::string_view format,
                         const std::string& default_bucket);

}  // namespace estate

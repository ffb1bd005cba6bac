// Hybrid logical clock (Kulkarni et al., 2014), with the logical counter folded into the
// physical part. A timestamp counts ticks of 10 µs since the runtime's epoch (the Unix epoch
// for a deployed service, the start of a simulation). While a node makes fewer versions than
// ticks go by, the clock follows physical time; faster, each version takes the next tick and
// the clock runs ahead of physical time until the load falls. It never repeats or goes back.
// Session tokens carry an HLC position, last-writer-wins compares HLC timestamps, and object
// generations are derived from them.
//
// Why folded: a generation must stay below 2^53, as GCS's (microseconds) do, because clients
// such as the Node library hold generations as JavaScript numbers. Microseconds, a logical
// counter and a site id need 63 bits; 10-µs ticks and a site id need 53 until the year 2059.
// The price is that the deployment as a whole makes at most 100,000 versions a second before
// the clock leads physical time.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "engine/site.h"
#include "engine/time.h"

namespace estate {

inline constexpr DurationNs kHlcTick = 10 * kMicrosecond;

struct HlcTimestamp {
  int64_t ticks = 0;

  TimeNs time() const { return ticks * kHlcTick; }
  friend auto operator<=>(const HlcTimestamp&, const HlcTimestamp&) = default;
  std::string ToString() const;  // the tick count
};

// A totally ordered version: HLC timestamp, then the writing site as the tie-break.
struct Version {
  HlcTimestamp hlc;
  SiteId site = 0;

  friend auto operator<=>(const Version&, const Version&) = default;
};

// The GCS generation for a version: an int64 that increases with (hlc, site), so ordering
// generations orders versions, and every site derives the same generation for a write.
// Layout: ticks << 5 | site. Below 2^53 while ticks < 2^48, i.e. until the year 2059.
// REQUIRES: 0 <= ticks < 2^58, site < kMaxSites.
int64_t GenerationOf(const Version& v);
// Inverse of GenerationOf.
Version VersionOfGeneration(int64_t generation);

class HybridClock {
 public:
  // Timestamp for an event that makes a version or a send, at physical time `now`: the
  // current tick, or the tick after the last timestamp if that is not earlier.
  HlcTimestamp Tick(TimeNs now);
  // Merges a timestamp received from a peer, so that every later Tick is past it. A receive
  // is not an event of its own (it makes no version), so it does not advance the clock
  // beyond the remote timestamp; returns the merged timestamp.
  HlcTimestamp Observe(TimeNs now, HlcTimestamp remote);
  HlcTimestamp last() const { return last_; }

 private:
  HlcTimestamp last_;
};

}  // namespace estate

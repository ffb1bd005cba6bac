// Hybrid logical clock (Kulkarni et al., 2014). A timestamp is physical time in microseconds
// plus a logical counter, so it tracks real time closely yet orders causally related events
// even when clocks drift. Session tokens carry an HLC position, last-writer-wins compares HLC
// timestamps, and object generations are derived from them.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "engine/site.h"
#include "engine/time.h"

namespace estate {

struct HlcTimestamp {
  int64_t physical_us = 0;
  uint32_t logical = 0;

  friend auto operator<=>(const HlcTimestamp&, const HlcTimestamp&) = default;
  std::string ToString() const;  // "123456.7"
};

// A totally ordered version: HLC timestamp, then the writing site as the tie-break.
struct Version {
  HlcTimestamp hlc;
  SiteId site = 0;

  friend auto operator<=>(const Version&, const Version&) = default;
};

// The GCS generation for a version: an int64 that increases with (hlc, site), so ordering
// generations orders versions, and every site derives the same generation for a write.
// Layout: physical_us << 12 | (logical & 0x7f) << 5 | site. Physical microseconds since the
// Unix epoch need 51 bits until the year 2041, so the result stays positive.
// REQUIRES: site < kMaxSites and logical < 128 (HybridClock guarantees both).
int64_t GenerationOf(const Version& v);
// Inverse of GenerationOf.
Version VersionOfGeneration(int64_t generation);

class HybridClock {
 public:
  static constexpr uint32_t kMaxLogical = 127;

  // Timestamp for a local event or send at physical time `now`.
  HlcTimestamp Tick(TimeNs now);
  // Merges a timestamp received from a peer, and returns the timestamp of the receive event.
  HlcTimestamp Observe(TimeNs now, HlcTimestamp remote);
  HlcTimestamp last() const { return last_; }

 private:
  // Keeps logical within its 7 bits by borrowing the next microsecond, which stays within the
  // HLC drift bound because it only happens after 128 events in one microsecond.
  void Normalize();

  HlcTimestamp last_;
};

}  // namespace estate

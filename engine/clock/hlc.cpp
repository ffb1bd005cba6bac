#include "engine/clock/hlc.h"

#include <algorithm>

namespace estate {

std::string HlcTimestamp::ToString() const {
  return std::to_string(physical_us) + "." + std::to_string(logical);
}

int64_t GenerationOf(const Version& v) {
  return (v.hlc.physical_us << 12) | (static_cast<int64_t>(v.hlc.logical & 0x7f) << 5) |
         static_cast<int64_t>(v.site & 0x1f);
}

Version VersionOfGeneration(int64_t generation) {
  Version v;
  v.hlc.physical_us = generation >> 12;
  v.hlc.logical = static_cast<uint32_t>((generation >> 5) & 0x7f);
  v.site = static_cast<SiteId>(generation & 0x1f);
  return v;
}

HlcTimestamp HybridClock::Tick(TimeNs now) {
  const int64_t pt = now / kMicrosecond;
  if (pt > last_.physical_us) {
    last_ = {pt, 0};
  } else {
    ++last_.logical;
  }
  Normalize();
  return last_;
}

HlcTimestamp HybridClock::Observe(TimeNs now, HlcTimestamp remote) {
  const int64_t pt = now / kMicrosecond;
  const int64_t max_pt = std::max({pt, last_.physical_us, remote.physical_us});
  uint32_t logical = 0;
  if (max_pt == last_.physical_us && max_pt == remote.physical_us) {
    logical = std::max(last_.logical, remote.logical) + 1;
  } else if (max_pt == last_.physical_us) {
    logical = last_.logical + 1;
  } else if (max_pt == remote.physical_us) {
    logical = remote.logical + 1;
  }
  last_ = {max_pt, logical};
  Normalize();
  return last_;
}

void HybridClock::Normalize() {
  if (last_.logical > kMaxLogical) {
    ++last_.physical_us;
    last_.logical = 0;
  }
}

}  // namespace estate

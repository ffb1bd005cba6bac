#include "engine/clock/hlc.h"

#include <algorithm>

namespace estate {

namespace {

constexpr int kSiteBits = 5;
static_assert(kMaxSites <= (1 << kSiteBits), "a site id must fit the generation's site bits");

}  // namespace

std::string HlcTimestamp::ToString() const {
  return std::to_string(ticks);
}

int64_t GenerationOf(const Version& v) {
  return (v.hlc.ticks << kSiteBits) | static_cast<int64_t>(v.site);
}

Version VersionOfGeneration(int64_t generation) {
  Version v;
  v.hlc.ticks = generation >> kSiteBits;
  v.site = static_cast<SiteId>(generation & ((1 << kSiteBits) - 1));
  return v;
}

HlcTimestamp HybridClock::Tick(TimeNs now) {
  last_.ticks = std::max(now / kHlcTick, last_.ticks + 1);
  return last_;
}

HlcTimestamp HybridClock::Observe(TimeNs now, HlcTimestamp remote) {
  last_.ticks = std::max({now / kHlcTick, last_.ticks, remote.ticks});
  return last_;
}

}  // namespace estate

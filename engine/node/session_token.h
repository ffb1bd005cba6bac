// SessionToken: what a session has written or read, as one HLC position per origin site.
// A site may serve the session once, for every origin, it has applied that origin's stream
// up to the position: then it holds every write the session wrote or saw, which gives
// read-your-writes and monotonic reads. Per-origin positions (rather than one scalar) let a
// site serve a session's read of its own fresh write at once, without waiting to hear from
// sites the session never touched.
#pragma once

#include <map>
#include <string>

#include "engine/clock/hlc.h"
#include "engine/site.h"

namespace estate {

struct SessionToken {
  std::map<SiteId, HlcTimestamp> positions;

  // Adds a write or an observed version.
  void Observe(const Version& v) {
    HlcTimestamp& p = positions[v.site];
    if (v.hlc > p) p = v.hlc;
  }
  // "site:ticks,..." for logs and histories.
  std::string ToString() const {
    std::string out;
    for (const auto& [site, hlc] : positions) {
      if (!out.empty()) out += ',';
      out += std::to_string(site) + ':' + hlc.ToString();
    }
    return out;
  }
};

}  // namespace estate

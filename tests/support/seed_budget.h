#pragma once

#include <cstdint>

namespace estate::testing {

// Property suites run their full seed range in the default preset. Under ASan at -O0 a seed
// costs about ten times as much, and what the sanitizers look for (memory and undefined-
// behaviour errors) shows up on the code paths, not on the number of seeds: a fifth of the
// range still takes every path the full range takes and keeps CI within its time budget.
constexpr uint64_t SeedsForThisBuild(uint64_t full_range) {
#if defined(ESTATE_UNDER_ASAN)
  return full_range / 5 > 0 ? full_range / 5 : 1;
#else
  return full_range;
#endif
}

}  // namespace estate::testing

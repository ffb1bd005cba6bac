// t-visibility, as in Probabilistically Bounded Staleness (Bailis et al.): the probability that
// a read issued t after a write, at another site, sees it. The simulator measures it from the
// metadata replication lag: for each (write, remote replica) pair, the time from the write at
// its origin to its metadata being applied at the replica (RunMetrics::RecordReplication). A
// read at that replica later than the lag sees the write; an earlier one does not, unless the
// mode makes it wait or forward. Strong mode's reads are linearizable (read-index), so there
// it is derived as 1 at every t rather than measured.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/mount/policy.h"
#include "sim/metrics/latency_histogram.h"

namespace estate::sim {

// The t values, in milliseconds, at which result.json reports t-visibility.
inline constexpr std::array<int64_t, 11> kTVisibilityMs = {0,   1,   5,   10,   20,  50,
                                                           100, 200, 500, 1000, 5000};

enum class VisibilityBasis : uint8_t {
  kMeasured,      // fractions of (write, remote replica) pairs from the lag histogram
  kLinearizable,  // strong mode: every read after an acknowledged write sees it
};
const char* VisibilityBasisName(VisibilityBasis b);

struct TVisibilityCurve {
  VisibilityBasis basis = VisibilityBasis::kMeasured;
  uint64_t pairs = 0;  // (write, remote replica) pairs the measurement rests on
  // One per kTVisibilityMs entry; nullopt when measured over no pairs (nothing to say).
  std::vector<std::optional<double>> fraction;
};

// The fraction of the recorded lags (nanoseconds) at or below each t, at the histogram's
// bucket resolution (0.4%).
TVisibilityCurve MeasuredTVisibility(const LatencyHistogram& lag);
// 1 at every t; `pairs` is kept for the record.
TVisibilityCurve LinearizableTVisibility(uint64_t pairs);
// What a read of a mount in `mode` sees: linearizable for strong, measured otherwise.
TVisibilityCurve TVisibilityFor(ConsistencyMode mode, const LatencyHistogram& lag);

}  // namespace estate::sim

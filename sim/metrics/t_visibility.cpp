#include "sim/metrics/t_visibility.h"

#include "engine/time.h"

namespace estate::sim {

const char* VisibilityBasisName(VisibilityBasis b) {
  return b == VisibilityBasis::kLinearizable ? "linearizable" : "measured";
}

TVisibilityCurve MeasuredTVisibility(const LatencyHistogram& lag) {
  TVisibilityCurve c;
  c.basis = VisibilityBasis::kMeasured;
  c.pairs = lag.count();
  for (int64_t t_ms : kTVisibilityMs) {
    if (lag.count() == 0) {
      c.fraction.push_back(std::nullopt);
    } else {
      c.fraction.push_back(lag.FractionAtOrBelow(t_ms * kMillisecond));
    }
  }
  return c;
}

TVisibilityCurve LinearizableTVisibility(uint64_t pairs) {
  TVisibilityCurve c;
  c.basis = VisibilityBasis::kLinearizable;
  c.pairs = pairs;
  c.fraction.assign(kTVisibilityMs.size(), 1.0);
  return c;
}

TVisibilityCurve TVisibilityFor(ConsistencyMode mode, const LatencyHistogram& lag) {
  return mode == ConsistencyMode::kStrong ? LinearizableTVisibility(lag.count())
                                          : MeasuredTVisibility(lag);
}

}  // namespace estate::sim

// RateCurve: the offered load of one site over time, a base rate shaped by a daily cycle and
// by bursts, and the arrivals of the non-homogeneous Poisson process with that rate.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/result.h"
#include "engine/time.h"
#include "models/workload/zipf_sampler.h"

namespace estate {

// Multiplies the rate by `multiplier` over [at, at + duration). Overlapping bursts multiply.
struct RateBurst {
  TimeNs at = 0;
  DurationNs duration = 0;
  double multiplier = 1;
};

class RateCurve {
 public:
  // base_ops_per_s >= 0; amplitude in [0, 1] so the rate never goes negative; peak_hour is
  // the hour after the simulation's epoch (taken as midnight) at which the cycle peaks, any
  // finite number. Bursts need at >= 0, duration >= 0 and multiplier >= 0 (below 1 is a
  // lull, 0 an outage of demand).
  static Result<RateCurve> Make(double base_ops_per_s, double amplitude, double peak_hour,
                                std::vector<RateBurst> bursts);

  // Operations per second at t:
  //   base * (1 + amplitude * cos(2 pi (t_hours - peak_hour) / 24)) * (active multipliers).
  double RateAt(TimeNs t) const;
  // The supremum of RateAt over [from, to] (exact, not just a bound: thinning wastes draws in
  // proportion to the slack). 0 when to < from.
  double MaxRate(TimeNs from, TimeNs to) const;
  // The first arrival after `now` of the Poisson process with rate RateAt, rounded to the
  // nanosecond (so it may equal `now` at rates near 1e9/s), if it falls before `until`;
  // nullopt otherwise. Lewis-Shedler thinning against MaxRate over pieces of at most an hour,
  // split at burst edges. The work is bounded by the number of pieces in the window plus the
  // expected number of candidates, and zero-rate stretches are skipped whole, so it cannot
  // spin whatever the curve (until = INT64_MAX is fine).
  std::optional<TimeNs> NextArrival(TimeNs now, TimeNs until, SplitMix64& rng) const;

 private:
  RateCurve(double base, double amplitude, double peak_hour, std::vector<RateBurst> bursts)
      : base_(base), amplitude_(amplitude), peak_hour_(peak_hour), bursts_(std::move(bursts)) {}

  double Diurnal(TimeNs t) const;
  double DiurnalMax(TimeNs from, TimeNs to) const;
  double BurstFactor(TimeNs t) const;
  // The first burst edge (start or end) strictly after t, or INT64_MAX.
  TimeNs NextBurstEdge(TimeNs t) const;

  double base_;
  double amplitude_;
  double peak_hour_;
  std::vector<RateBurst> bursts_;
};

}  // namespace estate

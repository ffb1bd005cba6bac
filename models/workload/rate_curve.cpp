#include "models/workload/rate_curve.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "models/number_text.h"

namespace estate {
namespace {

constexpr TimeNs kForever = std::numeric_limits<TimeNs>::max();
// The longest thinning piece when the rate is flat between burst edges: short enough that
// offsets within it are exact in a double to a quarter nanosecond.
constexpr DurationNs kLongestPiece = DurationNs{1} << 50;

TimeNs SaturatingAdd(TimeNs a, DurationNs b) {
  return a > kForever - b ? kForever : a + b;
}

TimeNs BurstEnd(const RateBurst& b) {
  return SaturatingAdd(b.at, b.duration);
}

// Hours from the cycle's peak, reduced to [0, 24) first so that cos sees a small argument
// even a year into a run.
double HoursFromPeak(TimeNs t, double peak_hour) {
  const double h = std::fmod(static_cast<double>(t) / kHour - peak_hour, 24.0);
  return h < 0 ? h + 24 : h;
}

}  // namespace

Result<RateCurve> RateCurve::Make(double base_ops_per_s, double amplitude, double peak_hour,
                                  std::vector<RateBurst> bursts) {
  if (!(base_ops_per_s >= 0) || !std::isfinite(base_ops_per_s))
    return Status::Invalid("rate: expected a base rate >= 0 ops/s, found " +
                           NumberText(base_ops_per_s));
  if (!(amplitude >= 0 && amplitude <= 1))
    return Status::Invalid("rate: diurnal amplitude: expected a number in [0, 1], found " +
                           NumberText(amplitude));
  if (!std::isfinite(peak_hour))
    return Status::Invalid("rate: diurnal peak hour: expected a finite number, found " +
                           NumberText(peak_hour));
  for (size_t i = 0; i < bursts.size(); ++i) {
    const RateBurst& b = bursts[i];
    const std::string at = "rate: burst " + std::to_string(i) + ": ";
    if (b.at < 0)
      return Status::Invalid(at + "expected a start >= 0 ns, found " + std::to_string(b.at));
    if (b.duration < 0)
      return Status::Invalid(at + "expected a duration >= 0 ns, found " +
                             std::to_string(b.duration));
    if (!(b.multiplier >= 0) || !std::isfinite(b.multiplier))
      return Status::Invalid(at + "expected a multiplier >= 0, found " + NumberText(b.multiplier));
  }
  return RateCurve(base_ops_per_s, amplitude, peak_hour, std::move(bursts));
}

double RateCurve::Diurnal(TimeNs t) const {
  if (amplitude_ == 0) return 1;
  return 1 + amplitude_ * std::cos(2 * std::numbers::pi * HoursFromPeak(t, peak_hour_) / 24);
}

// cos has one maximum per period, so on a window shorter than a day it peaks either at a
// crossing of the peak hour or at one of the window's ends.
double RateCurve::DiurnalMax(TimeNs from, TimeNs to) const {
  if (amplitude_ == 0) return 1;
  const double hours = (static_cast<double>(to) - static_cast<double>(from)) / kHour;
  if (hours >= 24 || HoursFromPeak(from, peak_hour_) + hours >= 24) return 1 + amplitude_;
  return std::max(Diurnal(from), Diurnal(to));
}

double RateCurve::BurstFactor(TimeNs t) const {
  double f = 1;
  for (const RateBurst& b : bursts_)
    if (b.at <= t && t < BurstEnd(b)) f *= b.multiplier;
  return f;
}

TimeNs RateCurve::NextBurstEdge(TimeNs t) const {
  TimeNs next = kForever;
  for (const RateBurst& b : bursts_) {
    if (b.at > t) next = std::min(next, b.at);
    if (BurstEnd(b) > t) next = std::min(next, BurstEnd(b));
  }
  return next;
}

double RateCurve::RateAt(TimeNs t) const {
  return base_ * Diurnal(t) * BurstFactor(t);
}

double RateCurve::MaxRate(TimeNs from, TimeNs to) const {
  if (to < from || base_ == 0) return 0;
  // Between consecutive burst edges the burst factor is constant; the diurnal maximum is
  // taken over the closed piece, which covers the supremum as the piece's end is approached.
  double best = 0;
  for (TimeNs x = from;;) {
    const TimeNs y = std::min(NextBurstEdge(x), to);
    best = std::max(best, BurstFactor(x) * DiurnalMax(x, y));
    if (y >= to) {
      best = std::max(best, BurstFactor(to) * Diurnal(to));
      break;
    }
    x = y;
  }
  return base_ * best;
}

std::optional<TimeNs> RateCurve::NextArrival(TimeNs now, TimeNs until, SplitMix64& rng) const {
  if (base_ == 0) return std::nullopt;
  // Pieces start and end on integer nanoseconds; only the offset inside a piece is a double.
  // A double absolute time would lose nanoseconds past 2^53 ns (104 days) and could then stop
  // advancing. Hour-long pieces keep the bound close to the rate: the daily cycle moves by
  // at most 2 pi / 24 of its amplitude in an hour, so few candidates are thrown away.
  for (TimeNs start = now; start < until;) {
    const DurationNs piece = amplitude_ > 0 ? kHour : kLongestPiece;
    const TimeNs end = std::min({until, NextBurstEdge(start), SaturatingAdd(start, piece)});
    // Candidates fall on [start, end - 1]; end may open a burst that must not inflate this
    // piece's bound.
    const double bound = MaxRate(start, end - 1);
    if (bound <= 0) {
      // A zero burst factor holds until the next burst edge, however far: skip it whole.
      start = BurstFactor(start) == 0 ? std::min(until, NextBurstEdge(start)) : end;
      continue;
    }
    const double length = static_cast<double>(end - start);
    for (double offset = 0;;) {
      offset += -std::log1p(-rng.Uniform()) / bound * kSecond;
      if (offset >= length) break;
      const TimeNs at = std::min<TimeNs>(start + std::llround(offset), end - 1);
      if (rng.Uniform() * bound < RateAt(at)) return at;
    }
    start = end;
  }
  return std::nullopt;
}

}  // namespace estate

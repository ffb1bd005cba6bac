// The steady-state hit ratio of an LRU cache under the independent reference model with Zipf
// popularity, by Che's approximation (Che, Tung and Wang, IEEE JSAC 2002): an object stays
// cached for a characteristic time T after its last request, where T makes the expected
// number of cached objects equal the cache size. It is the analytical cross-check of the
// miss-ratio curves measured from a run's requests: it has no cold misses (an infinitely long
// run) and assumes popularity does not drift.
#pragma once

#include <cstdint>

namespace estate {

class ZipfCheModel {
 public:
  // n objects, P(rank r) proportional to r^-alpha. REQUIRES: n >= 1, alpha >= 0.
  ZipfCheModel(double n, double alpha);

  // The expected hit ratio of an LRU cache holding `objects` objects.
  double HitRatio(double objects) const;
  // The smallest cache, in objects, whose hit ratio reaches target; n when target >= 1.
  double ObjectsForHitRatio(double target) const;

 private:
  // Sums f over ranks 1..n: exactly over the head, then an integral over the tail, where
  // f changes slowly from one rank to the next (Euler-Maclaurin's midpoint form).
  template <typename F>
  double SumOverRanks(F f) const;
  double Probability(double rank) const;
  // Expected objects cached and hit ratio for characteristic time t (in requests).
  double Occupancy(double t) const;
  double HitRatioAt(double t) const;

  double n_;
  double alpha_;
  double norm_ = 1;
};

}  // namespace estate

#include "models/cache/che_approximation.h"

#include <algorithm>
#include <cmath>

namespace estate {
namespace {

constexpr double kExactHead = 4096;  // ranks summed term by term
constexpr int kTailPoints = 4000;    // Simpson points over log(rank) for the rest

}  // namespace

ZipfCheModel::ZipfCheModel(double n, double alpha) : n_(std::max(1.0, n)), alpha_(alpha) {
  norm_ = 1.0 / SumOverRanks([this](double r) { return std::pow(r, -alpha_); });
}

template <typename F>
double ZipfCheModel::SumOverRanks(F f) const {
  const double head = std::min(n_, kExactHead);
  double sum = 0;
  for (double r = 1; r <= head; ++r)
    sum += f(r);
  if (n_ <= head) return sum;
  // The remaining ranks head+1..n as the integral of f from head + 1/2 to n + 1/2, taken over
  // u = log(x) (dx = x du) so that equal steps cover every decade alike.
  const double a = std::log(head + 0.5), b = std::log(n_ + 0.5);
  const double h = (b - a) / kTailPoints;
  double integral = 0;
  for (int i = 0; i <= kTailPoints; ++i) {
    const double x = std::exp(a + h * i);
    const double weight = (i == 0 || i == kTailPoints) ? 1 : (i % 2 == 1 ? 4 : 2);
    integral += weight * f(x) * x;
  }
  return sum + integral * h / 3;
}

double ZipfCheModel::Probability(double rank) const {
  return norm_ * std::pow(rank, -alpha_);
}

double ZipfCheModel::Occupancy(double t) const {
  return SumOverRanks([this, t](double r) { return -std::expm1(-Probability(r) * t); });
}

double ZipfCheModel::HitRatioAt(double t) const {
  return SumOverRanks([this, t](double r) {
    const double p = Probability(r);
    return p * -std::expm1(-p * t);
  });
}

double ZipfCheModel::HitRatio(double objects) const {
  if (objects <= 0) return 0;
  if (objects >= n_) return 1;
  // Occupancy grows with t from 0 towards n: bisect on log(t).
  double lo = 0, hi = 1;
  while (Occupancy(hi) < objects)
    hi *= 2;
  for (int i = 0; i < 100 && hi - lo > 1e-9 * hi; ++i) {
    const double mid = lo == 0 ? hi / 2 : std::sqrt(lo * hi);
    (Occupancy(mid) < objects ? lo : hi) = mid;
  }
  return HitRatioAt(hi);
}

double ZipfCheModel::ObjectsForHitRatio(double target) const {
  if (target <= 0) return 0;
  if (target >= 1) return n_;
  double lo = 0, hi = 1;
  while (HitRatioAt(hi) < target && Occupancy(hi) < n_ * (1 - 1e-12))
    hi *= 2;
  for (int i = 0; i < 100 && hi - lo > 1e-9 * hi; ++i) {
    const double mid = lo == 0 ? hi / 2 : std::sqrt(lo * hi);
    (HitRatioAt(mid) < target ? lo : hi) = mid;
  }
  return std::min(n_, Occupancy(hi));
}

}  // namespace estate

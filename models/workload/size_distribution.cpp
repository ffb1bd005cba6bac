#include "models/workload/size_distribution.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "models/number_text.h"
#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

// Acklam's coefficients: a rational function in r = (p - 1/2)^2 for the central region and
// one in q = sqrt(-2 log p) for the tails, each with relative error below 1.15e-9.
constexpr double kCentralNum[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                  -2.759285104469687e+02, 1.383577518672690e+02,
                                  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr double kCentralDen[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                  -1.556989798598866e+02, 6.680131188771972e+01,
                                  -1.328068155288572e+01, 1.0};
constexpr double kTailNum[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
constexpr double kTailDen[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00, 1.0};
constexpr double kTailBelow = 0.02425;

template <size_t N>
double Horner(const double (&c)[N], double x) {
  double y = 0;
  for (double k : c)
    y = y * x + k;
  return y;
}

// The lower tail, p < kTailBelow.
double LowerTail(double p) {
  const double q = std::sqrt(-2 * std::log(p));
  return Horner(kTailNum, q) / Horner(kTailDen, q);
}

Status Bad(std::string_view kind, const std::string& what) {
  return Status::Invalid("size distribution \"" + std::string(kind) + "\": " + what);
}

Status CheckCdf(const std::vector<std::pair<double, double>>& cdf) {
  if (cdf.empty()) return Bad("empirical", "expected at least one [size, p] point, found none");
  for (size_t i = 0; i < cdf.size(); ++i) {
    const auto [size, p] = cdf[i];
    const std::string at = "point " + std::to_string(i) + ": ";
    if (!(size >= 0) || !std::isfinite(size))
      return Bad("empirical", at + "expected a size >= 0 bytes, found " + NumberText(size));
    if (i > 0 && size < cdf[i - 1].first)
      return Bad("empirical", at + "expected a size >= " + NumberText(cdf[i - 1].first) +
                                  " (sizes in increasing order), found " + NumberText(size));
    if (!(p > 0 && p <= 1))
      return Bad("empirical",
                 at + "expected a cumulative probability in (0, 1], found " + NumberText(p));
    if (i > 0 && p < cdf[i - 1].second)
      return Bad("empirical",
                 at + "expected a cumulative probability >= " + NumberText(cdf[i - 1].second) +
                     " (nondecreasing), found " + NumberText(p));
  }
  if (cdf.back().second != 1)
    return Bad("empirical", "point " + std::to_string(cdf.size() - 1) +
                                ": expected the last cumulative probability to be 1, found " +
                                NumberText(cdf.back().second));
  return Status::Ok();
}

}  // namespace

double InverseNormalCdf(double p) {
  if (!(p > 0 && p < 1)) {
    if (p == 0) return -std::numeric_limits<double>::infinity();
    if (p == 1) return std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
  }
  // Work in the lower half, where Phi(x) = erfc(-x / sqrt 2) / 2 is a small number computed
  // to full relative precision; 1 - p is exact for p >= 1/2, so the upper half is exact too.
  if (p > 0.5) return -InverseNormalCdf(1 - p);
  double x;
  if (p < kTailBelow) {
    x = LowerTail(p);
  } else {
    const double q = p - 0.5;
    x = q * Horner(kCentralNum, q * q) / Horner(kCentralDen, q * q);
  }
  // One Halley step on Phi(x) - p takes the 1e-9 approximation to full double precision.
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  if (!std::isfinite(u)) return x;  // p so deep in a tail (below 1e-300) that exp overflows
  return x - u / (1 + x * u / 2);
}

Result<SizeDistribution> SizeDistribution::Make(std::string_view kind, double size_bytes,
                                                double sigma,
                                                std::vector<std::pair<double, double>> cdf) {
  if (kind == "fixed") {
    if (!(size_bytes >= 1) || !std::isfinite(size_bytes))
      return Bad(kind, "expected a size >= 1 byte, found " + NumberText(size_bytes));
    return SizeDistribution(Kind::kFixed, size_bytes, 0, {});
  }
  if (kind == "lognormal") {
    if (!(size_bytes > 0) || !std::isfinite(size_bytes))
      return Bad(kind, "expected a median size > 0 bytes, found " + NumberText(size_bytes));
    if (!(sigma >= 0) || !std::isfinite(sigma))
      return Bad(kind, "expected a sigma >= 0, found " + NumberText(sigma));
    return SizeDistribution(Kind::kLognormal, size_bytes, sigma, {});
  }
  if (kind == "empirical") {
    if (Status s = CheckCdf(cdf); !s.ok()) return s;
    return SizeDistribution(Kind::kEmpirical, 0, 0, std::move(cdf));
  }
  return Status::Invalid(
      "size distribution: expected a kind \"fixed\", \"lognormal\" or \"empirical\", found \"" +
      std::string(kind) + "\"");
}

double SizeDistribution::Quantile(double u) const {
  switch (kind_) {
    case Kind::kFixed:
      return size_bytes_;
    case Kind::kLognormal:
      return size_bytes_ * std::exp(sigma_ * InverseNormalCdf(u));
    case Kind::kEmpirical:
      break;
  }
  // The first point whose cumulative p exceeds u: u falls in the step that ends there.
  const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u,
                                   [](double v, const auto& point) { return v < point.second; });
  if (it == cdf_.begin()) return cdf_.front().first;
  if (it == cdf_.end()) return cdf_.back().first;
  const auto& [lo_size, lo_p] = *(it - 1);
  const auto& [hi_size, hi_p] = *it;
  return lo_size + (u - lo_p) / (hi_p - lo_p) * (hi_size - lo_size);
}

double SizeDistribution::Mean() const {
  switch (kind_) {
    case Kind::kFixed:
      return size_bytes_;
    case Kind::kLognormal:
      return size_bytes_ * std::exp(sigma_ * sigma_ / 2);
    case Kind::kEmpirical:
      break;
  }
  double mean = cdf_.front().first * cdf_.front().second;
  for (size_t i = 1; i < cdf_.size(); ++i)
    mean += (cdf_[i].second - cdf_[i - 1].second) * (cdf_[i - 1].first + cdf_[i].first) / 2;
  return mean;
}

SizeMoments SizeDistribution::Moments() const {
  switch (kind_) {
    case Kind::kFixed:
      return {size_bytes_, size_bytes_ * size_bytes_};
    case Kind::kLognormal:
      return {Mean(), size_bytes_ * size_bytes_ * std::exp(2 * sigma_ * sigma_)};
    case Kind::kEmpirical:
      break;
  }
  const double first = cdf_.front().first;
  double second = first * first * cdf_.front().second;
  for (size_t i = 1; i < cdf_.size(); ++i) {
    const double a = cdf_[i - 1].first, b = cdf_[i].first;
    second += (cdf_[i].second - cdf_[i - 1].second) * (a * a + a * b + b * b) / 3;
  }
  return {Mean(), second};
}

uint64_t SizeDistribution::SizeOf(uint64_t object_id, uint64_t seed) const {
  // Mixing the seed before adding the id keeps runs with nearby seeds unrelated; the top 53
  // bits, offset by half a step, give a uniform strictly inside (0, 1).
  const uint64_t h = SplitMix64::Mix(object_id + SplitMix64::Mix(seed ^ 0x5851f42d4c957f2dull));
  const double u = (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
  // Clamped below 2^62 so the conversion is defined even for absurd sigmas.
  const double bytes = std::min(std::round(Quantile(u)), 0x1.0p62);
  return bytes < 1 ? 1 : static_cast<uint64_t>(bytes);
}

}  // namespace estate

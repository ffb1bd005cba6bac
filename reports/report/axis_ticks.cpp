#include "reports/report/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace estate::reports {
namespace {

// The nice step nearest above `raw`: 1, 2 or 5 times a power of ten.
double NiceStep(double raw) {
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

std::string Shortest(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

AxisRange LinearAxisRange(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) return LinearAxisRange(0, 1, target);
  if (lo == hi) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.5;
    // A constant non-negative figure (an RPO that stayed 0) is not drawn below zero.
    lo = lo >= 0 ? std::max(0.0, lo - pad) : lo - pad;
    hi += pad;
  }
  const double step = NiceStep((hi - lo) / target);
  AxisRange r;
  r.min = std::floor(lo / step + 1e-9) * step;
  r.max = std::ceil(hi / step - 1e-9) * step;
  const int steps = static_cast<int>(std::lround((r.max - r.min) / step));
  for (int i = 0; i <= steps; ++i) {
    double t = r.min + i * step;
    if (std::fabs(t) < step * 1e-9) t = 0;  // no "-0"
    r.ticks.push_back(t);
  }
  return r;
}

AxisRange LogAxisRange(double lo, double hi) {
  const int first = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  int last = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
  if (last <= first) last = first + 1;
  const int every = (last - first + 7) / 8;
  AxisRange r;
  r.min = std::pow(10, first);
  r.max = std::pow(10, last);
  for (int e = first; e <= last; e += every)
    r.ticks.push_back(std::pow(10, e));
  return r;
}

std::string TickLabel(double v, const std::string& unit) {
  if (unit == "bytes") {
    static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB"};
    int u = 0;
    double x = v;
    while (std::fabs(x) >= 1000 && u < 7) {
      x /= 1000;
      ++u;
    }
    return Shortest(x) + " " + kUnits[u];
  }
  if (unit == "%") return Shortest(v) + "%";
  return Shortest(v);
}

}  // namespace estate::reports

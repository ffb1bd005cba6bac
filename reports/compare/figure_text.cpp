#include "reports/compare/figure_text.h"

#include <cmath>
#include <cstdio>

namespace estate::reports {
std::string FormatFigure(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string Latency(double seconds) {
  const double ms = seconds * 1e3;
  // Local writes take microseconds (one decimal would show 0.0); sampled runs stretch cache
  // misses to minutes (docs/RUNNING.md, Sampling).
  if (std::fabs(ms) < 1) return FormatFigure("%.3f ms", ms);
  if (std::fabs(seconds) < 10) return FormatFigure("%.1f ms", ms);
  return FormatFigure("%.1f s", seconds);
}

std::string Percent(double ratio, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%%", decimals, ratio * 100);
  return buf;
}

std::string Probability(std::optional<double> p) {
  return p ? FormatFigure("%.3f", *p) : "n/a";
}

namespace {

std::string ScaledBytes(double bytes, double base, const char* const (&units)[6]) {
  if (std::fabs(bytes) < base) return FormatFigure("%.0f B", bytes);
  double v = bytes;
  int unit = -1;
  while (std::fabs(v) >= base && unit < 5) {
    v /= base;
    ++unit;
  }
  return FormatFigure("%.1f ", v) + units[unit];
}

}  // namespace

std::string BinaryBytes(double bytes) {
  static const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  return ScaledBytes(bytes, 1024, kUnits);
}

std::string DecimalBytes(double bytes) {
  static const char* const kUnits[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  return ScaledBytes(bytes, 1000, kUnits);
}

std::string Duration(double seconds) {
  if (seconds < 120) return FormatFigure("%.0f s", seconds);
  if (seconds < 7200) return FormatFigure("%.1f min", seconds / 60);
  return FormatFigure("%.1f h", seconds / 3600);
}

std::string Money(double amount, const std::string& currency) {
  // A short run's egress can cost a fraction of a cent; two significant digits then.
  const bool tiny = amount != 0 && std::fabs(amount) < 0.01;
  return FormatFigure(tiny ? "%.2g " : "%.2f ", amount) + currency;
}

}  // namespace estate::reports

#include "reports/report/report_text.h"

#include <cmath>
#include <cstdio>

#include "reports/compare/figure_text.h"

namespace estate::reports {
std::string Bandwidth(double bps) {
  if (std::fabs(bps) < 1e9) return FormatFigure("%.1f Mb/s", bps / 1e6);
  return FormatFigure("%.2f Gb/s", bps / 1e9);
}

std::string Terabytes(double bytes) {
  return FormatFigure("%.1f TB", bytes / 1e12);
}

std::string Count(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Number(double v) {
  return FormatFigure("%g", v);
}

std::string ResultFigure(const std::string& path, double v) {
  auto ends = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  auto has = [&](const char* word) { return path.find(word) != std::string::npos; };
  if (ends("_bps")) return Bandwidth(v);
  if (ends("_bytes")) return DecimalBytes(v);
  if (has("availability") || has("ratio")) return Percent(v, 3);
  if (has("latency") || has("lag") || has("rpo")) return Latency(v);
  return Number(v);
}

}  // namespace estate::reports

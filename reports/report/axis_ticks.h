// Axis ranges and tick marks for the report's charts: "nice" linear steps (1, 2 or 5 times a
// power of ten) and whole decades on log axes, so that tick labels are short round numbers.
#pragma once

#include <string>
#include <vector>

namespace estate::reports {

struct AxisRange {
  double min = 0;
  double max = 1;
  std::vector<double> ticks;  // ascending, within [min, max]
};

// A range covering [lo, hi] that starts and ends on a tick, with about `target` steps. An empty
// range (lo == hi) is widened around its value; non-finite inputs give [0, 1].
AxisRange LinearAxisRange(double lo, double hi, int target = 5);

// Whole decades covering [lo, hi], at most about 8 ticks (every k-th decade beyond that).
// REQUIRES: 0 < lo <= hi.
AxisRange LogAxisRange(double lo, double hi);

// A tick's label in the axis's unit: "1 GB" for bytes, "40%" for %, "0.25" otherwise.
std::string TickLabel(double value, const std::string& unit);

}  // namespace estate::reports

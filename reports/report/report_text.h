// Figures as the report's readers see them, beyond compare/figure_text.h: bandwidths and
// decimal byte sizes (what circuits and disks are sold in), counts and plain numbers. One fixed
// format per kind, so the same numbers always give the same text in every output.
#pragma once

#include <cstdint>
#include <string>

#include "reports/compare/figure_text.h"

namespace estate::reports {

// "47.48 Gb/s", from bit/s; "850.0 Mb/s" below 1 Gb/s.
std::string Bandwidth(double bps);
// "425708.2 TB": always in TB, for the sizing table's column.
std::string Terabytes(double bytes);
// "15,000,000,000".
std::string Count(uint64_t n);
// "0.9", "1.25e+09": %g, for assumptions written as numbers.
std::string Number(double v);
// A figure of result.json named by its dotted path ("wan_peak_bps", "rpo.p99"), in that
// file's units, in the format of its kind: bandwidth, bytes, ratio or duration; else Number.
std::string ResultFigure(const std::string& path, double v);

}  // namespace estate::reports

// How the dashboard writes figures: bandwidths in Gb/s, sizes in decimal units, durations in
// ms or s, ratios in percent, each to 4 significant digits.
#pragma once

#include <QString>

namespace estate::studio {

enum class FigureUnit { kBitsPerSecond, kBytes, kSeconds, kRatio, kCount };

// "37.12 Gb/s", "1.66 TB", "50.2 ms", "12.5 s", "99.9%", "228".
QString FormatFigure(double value, FigureUnit unit);

}  // namespace estate::studio

// Figures as people read them in comparison.md and the recommendation: one fixed format per
// kind of figure, so that the same numbers always give the same text.
#pragma once

#include <optional>
#include <string>

namespace estate::reports {

// One number through a printf format with a single double conversion ("%.1f Gb/s"); the
// building block of the figure formats below and of the report's own.
std::string FormatFigure(const char* fmt, double v);

// "48.2 ms", from seconds; "0.052 ms" below a millisecond, "102.8 s" from 10 s.
std::string Latency(double seconds);
// "0.37%", from a ratio, with `decimals` decimals.
std::string Percent(double ratio, int decimals = 2);
// "0.954", a probability; "n/a" when not measured.
std::string Probability(std::optional<double> p);
// "1.5 GiB", "312.0 MiB", "17 B": binary units, one decimal above bytes.
std::string BinaryBytes(double bytes);
// "1.5 GB", "312.0 MB", "17 B": the same in decimal units.
std::string DecimalBytes(double bytes);
// "30 s", "45.0 min", "24.0 h": a simulated duration.
std::string Duration(double seconds);
// "12.34 USD"; "0.0011 USD" below a cent.
std::string Money(double amount, const std::string& currency);

}  // namespace estate::reports

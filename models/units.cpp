#include "models/units.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

namespace estate {
namespace {

template <size_t N>
std::optional<double> ParseWithUnits(
    std::string_view text, const std::array<std::pair<std::string_view, double>, N>& units) {
  size_t split = 0;
  while (split < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[split])) || text[split] == '.' ||
          text[split] == 'e' || text[split] == '-' || text[split] == '+')) {
    // An 'e' is an exponent only when digits follow; otherwise it starts a unit ("EB").
    if (text[split] == 'e' &&
        (split + 1 >= text.size() || !(std::isdigit(static_cast<unsigned char>(text[split + 1])) ||
                                       text[split + 1] == '-' || text[split + 1] == '+'))) {
      break;
    }
    ++split;
  }
  if (split == 0) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + split, value);
  if (ec != std::errc() || ptr != text.data() + split || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  std::string_view unit = text.substr(split);
  while (!unit.empty() && unit.front() == ' ')
    unit.remove_prefix(1);
  for (const auto& [name, factor] : units) {
    if (unit == name) return value * factor;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, double>, 5> kBandwidth = {
    {{"bps", 1.0}, {"Kbps", 1e3}, {"Mbps", 1e6}, {"Gbps", 1e9}, {"Tbps", 1e12}}};
constexpr std::array<std::pair<std::string_view, double>, 7> kDuration = {{{"ns", 1.0},
                                                                           {"us", 1e3},
                                                                           {"ms", 1e6},
                                                                           {"s", 1e9},
                                                                           {"min", 60e9},
                                                                           {"h", 3600e9},
                                                                           {"d", 86400e9}}};
constexpr std::array<std::pair<std::string_view, double>, 13> kBytes = {{
    {"B", 1.0},
    {"KB", 1e3},
    {"MB", 1e6},
    {"GB", 1e9},
    {"TB", 1e12},
    {"PB", 1e15},
    {"EB", 1e18},
    {"KiB", 1024.0},
    {"MiB", 1048576.0},
    {"GiB", 1073741824.0},
    {"TiB", 1099511627776.0},
    {"PiB", 1125899906842624.0},
    {"EiB", 1152921504606846976.0},
}};

}  // namespace

std::optional<double> ParseBandwidthBps(std::string_view text) {
  return ParseWithUnits(text, kBandwidth);
}
std::optional<double> ParseDurationNs(std::string_view text) {
  return ParseWithUnits(text, kDuration);
}
std::optional<double> ParseBytes(std::string_view text) {
  return ParseWithUnits(text, kBytes);
}

}  // namespace estate

// Parsing of the units scenarios are written in: bandwidths ("100Gbps"), durations ("15ms"),
// sizes ("64MiB"). One parser for every reader of scenarios, so "10Gbps" means the same thing
// to the simulator, the models and the reports.
#pragma once

#include <optional>
#include <string_view>

namespace estate {

// Bits per second from "<number><unit>", unit one of bps, Kbps, Mbps, Gbps, Tbps (decimal).
std::optional<double> ParseBandwidthBps(std::string_view text);
// Nanoseconds from "<number><unit>", unit one of ns, us, ms, s, min, h, d.
std::optional<double> ParseDurationNs(std::string_view text);
// Bytes from "<number><unit>", unit one of B, KB, MB, GB, TB, PB, EB (decimal) or KiB, MiB,
// GiB, TiB, PiB, EiB (binary).
std::optional<double> ParseBytes(std::string_view text);

}  // namespace estate

// Parses SLO assertions such as "replication_lag.p99 < 15min", "egress_bytes < 2PB",
// "availability.strong >= 99.9%": a dot-separated metric path, a comparator (<, <=, >, >=,
// ==) and a value that is a duration, a size, a bandwidth, a percentage or a plain number.
#pragma once

#include <string_view>

#include "engine/result.h"
#include "sim/scenario/scenario.h"

namespace estate {

// Errors: Invalid with what was expected, e.g. `a comparator (<, <=, >, >=, ==)`.
Result<Expectation> ParseExpectation(std::string_view text);

}  // namespace estate

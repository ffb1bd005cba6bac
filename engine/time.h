// Engine time is an integer count of nanoseconds since the runtime's epoch. Integers keep
// arithmetic exact and runs reproducible; the SimGrid runtime converts from its double clock
// in one place.
#pragma once

#include <cstdint>

namespace estate {

using TimeNs = int64_t;
using DurationNs = int64_t;

constexpr DurationNs kMicrosecond = 1'000;
constexpr DurationNs kMillisecond = 1'000'000;
constexpr DurationNs kSecond = 1'000'000'000;
constexpr DurationNs kMinute = 60 * kSecond;
constexpr DurationNs kHour = 60 * kMinute;

}  // namespace estate

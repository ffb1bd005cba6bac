// Conversions between SimGrid's clock (double seconds) and engine time (int64 nanoseconds).
// Every conversion in sim/ goes through here so that rounding happens in one place.
#pragma once

#include "engine/time.h"

namespace estate::sim {

// Seconds to nanoseconds, rounded to the nearest nanosecond (halves away from zero). A double
// holds SimGrid's clock to better than 0.5 ns for any run shorter than about 10^6 s (11 days),
// so a date computed as ns / 1e9 converts back to exactly the same ns.
TimeNs SecondsToNs(double seconds);

// Nanoseconds to seconds for SimGrid calls (timeouts, dates).
double NsToSeconds(TimeNs ns);

// The current SimGrid clock as engine time. REQUIRES: an s4u::Engine exists.
TimeNs SimNow();

}  // namespace estate::sim

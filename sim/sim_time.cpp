// Conversions between SimGrid's double clock and engine nanoseconds.
#include "sim/sim_time.h"

#include <cmath>
#include <simgrid/s4u/Engine.hpp>

namespace estate::sim {

TimeNs SecondsToNs(double seconds) {
  return static_cast<TimeNs>(std::llround(seconds * 1e9));
}

double NsToSeconds(TimeNs ns) {
  return static_cast<double>(ns) / 1e9;
}

TimeNs SimNow() {
  return SecondsToNs(simgrid::s4u::Engine::get_clock());
}

}  // namespace estate::sim

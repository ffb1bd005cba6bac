// RealClock: the service's engine time. It is monotonic (it follows steady_clock, so a wall
// clock step never makes time go backwards within a process life) and anchored at the wall
// clock when the process starts, so that the hybrid logical clocks of different sites and of
// successive lives of one site stay close to each other, as the engine's replication-lag
// figures and generation numbers assume.
#pragma once

#include <chrono>

#include "engine/time.h"

namespace estate::service {

class RealClock {
 public:
  RealClock();

  // Nanoseconds since the Unix epoch at the anchor, advanced by steady_clock since then.
  // Thread-safe.
  TimeNs Now() const;

 private:
  TimeNs anchor_wall_ns_;
  std::chrono::steady_clock::time_point anchor_steady_;
};

}  // namespace estate::service

#include "service/runtime/real_clock.h"

namespace estate::service {

RealClock::RealClock()
    : anchor_wall_ns_(std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count()),
      anchor_steady_(std::chrono::steady_clock::now()) {}

TimeNs RealClock::Now() const {
  const auto elapsed = std::chrono::steady_clock::now() - anchor_steady_;
  return anchor_wall_ns_ + std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
}

}  // namespace estate::service

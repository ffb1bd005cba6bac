// Eventually: waits for a condition that other threads make true (a message delivered, a
// peer connected). The deadline only stops a broken test from hanging; tests assert the
// condition, never how long it took.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace estate::service::testing {

inline bool Eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace estate::service::testing

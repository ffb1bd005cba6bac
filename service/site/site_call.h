// SiteCall<T>: hands an engine operation from an HTTP thread to the site's loop thread and
// waits for its completion, at most for a deadline. The state is shared, so a completion that
// arrives after the waiter gave up (or after the site stopped) writes into a live object.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

#include "engine/result.h"
#include "engine/time.h"

namespace estate::service {

template <typename T>
class SiteCall {
 public:
  void Complete(Result<T> r) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (result_) return;
      result_.emplace(std::move(r));
    }
    done_.notify_all();
  }

  // The completion, or 503 when none came within `timeout` (the operation may still take
  // effect: its outcome is unknown to the caller, as with a lost reply).
  Result<T> Wait(DurationNs timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!done_.wait_for(lock, std::chrono::nanoseconds(timeout),
                        [this] { return result_.has_value(); })) {
      return Status::Unavailable("the engine did not answer in time");
    }
    return std::move(*result_);
  }

 private:
  std::mutex mu_;
  std::condition_variable done_;
  std::optional<Result<T>> result_;
};

}  // namespace estate::service

// EventLoop: the one thread that owns a site's engine. Every engine call, timer callback and
// message delivery runs here, one at a time, so the single-threaded engine needs no locks.
// Other threads (HTTP handlers, peer connections) hand work to it with Post().
//
// Tasks and timers share one queue ordered by (due time, order of scheduling): tasks posted
// or timers scheduled for the same time run in the order they were added.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "engine/runtime.h"
#include "service/runtime/real_clock.h"

namespace estate::service {

class EventLoop {
 public:
  EventLoop() = default;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;
  // Stops the loop and joins its thread; pending tasks are discarded.
  ~EventLoop();

  // Starts the loop thread. REQUIRES: not started.
  void Start();
  // Stops after the task that is running, discards the rest and joins the thread. Idempotent.
  // REQUIRES: not called from the loop thread.
  void Stop();

  // Runs fn on the loop thread as soon as possible, after everything already due. Thread-safe.
  // Returns false when the loop is stopped (fn is dropped).
  bool Post(std::function<void()> fn);
  // Runs fn once, delay from now (delay <= 0: like Post). Thread-safe. Never returns kNoTimer.
  TimerId Schedule(DurationNs delay, std::function<void()> fn);
  // Cancels a pending timer. False when it already ran, was cancelled or never existed.
  bool Cancel(TimerId id);

  TimeNs Now() const { return clock_.Now(); }
  bool InLoopThread() const { return std::this_thread::get_id() == thread_.get_id(); }
  // Timers and tasks waiting to run.
  size_t pending() const;

 private:
  void Run();
  TimerId Add(DurationNs delay, std::function<void()> fn, bool* accepted);

  RealClock clock_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  // (due, id) -> task. Ids grow, so equal due times run in scheduling order.
  std::map<std::pair<TimeNs, TimerId>, std::function<void()>> queue_;
  std::map<TimerId, TimeNs> due_of_;  // pending ids, for Cancel
  TimerId next_id_ = kNoTimer;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace estate::service

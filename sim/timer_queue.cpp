// TimerQueue: min-heap of (time, id) with lazy cancellation.
#include "sim/timer_queue.h"

namespace estate::sim {

TimerId TimerQueue::Add(TimeNs at, std::function<void()> fn) {
  TimerId id = ++next_id_;
  heap_.push(Entry{at, id});
  callbacks_.emplace(id, std::move(fn));
  return id;
}

bool TimerQueue::Cancel(TimerId id) {
  return callbacks_.erase(id) > 0;
}

void TimerQueue::SkipCancelled() {
  while (!heap_.empty() && !callbacks_.count(heap_.top().id))
    heap_.pop();
}

std::optional<TimeNs> TimerQueue::NextDue() {
  SkipCancelled();
  if (heap_.empty()) return std::nullopt;
  return heap_.top().at;
}

std::optional<std::function<void()>> TimerQueue::PopDue(TimeNs now) {
  SkipCancelled();
  if (heap_.empty() || heap_.top().at > now) return std::nullopt;
  auto it = callbacks_.find(heap_.top().id);
  heap_.pop();
  std::function<void()> fn = std::move(it->second);
  callbacks_.erase(it);
  return fn;
}

void TimerQueue::Clear() {
  heap_ = {};
  callbacks_.clear();
}

}  // namespace estate::sim

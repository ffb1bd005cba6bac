#include "service/runtime/event_loop.h"

namespace estate::service {

EventLoop::~EventLoop() {
  Stop();
}

void EventLoop::Start() {
  thread_ = std::thread([this] { Run(); });
}

void EventLoop::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::map<std::pair<TimeNs, TimerId>, std::function<void()>> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    dropped.swap(queue_);
    due_of_.clear();
  }
  // Tasks are destroyed outside the lock: their captures may post or cancel on destruction.
  dropped.clear();
}

bool EventLoop::Post(std::function<void()> fn) {
  bool accepted = false;
  Add(0, std::move(fn), &accepted);
  return accepted;
}

TimerId EventLoop::Schedule(DurationNs delay, std::function<void()> fn) {
  bool accepted = false;
  return Add(delay, std::move(fn), &accepted);
}

TimerId EventLoop::Add(DurationNs delay, std::function<void()> fn, bool* accepted) {
  const TimeNs due = Now() + (delay > 0 ? delay : 0);
  TimerId id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    id = ++next_id_;
    // After Stop the task never runs, but its id stays unique (Cancel returns false).
    if (stopping_) return id;
    queue_.emplace(std::make_pair(due, id), std::move(fn));
    due_of_.emplace(id, due);
    *accepted = true;
  }
  wake_.notify_one();
  return id;
}

bool EventLoop::Cancel(TimerId id) {
  std::function<void()> cancelled;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = due_of_.find(id);
    if (it == due_of_.end()) return false;
    auto q = queue_.find({it->second, id});
    cancelled = std::move(q->second);
    queue_.erase(q);
    due_of_.erase(it);
  }
  return true;
}

size_t EventLoop::pending() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

void EventLoop::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (queue_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto first = queue_.begin();
    const TimeNs now = Now();
    if (first->first.first > now) {
      wake_.wait_for(lock, std::chrono::nanoseconds(first->first.first - now));
      continue;
    }
    std::function<void()> fn = std::move(first->second);
    due_of_.erase(first->first.second);
    queue_.erase(first);
    lock.unlock();
    fn();
    fn = nullptr;  // captures die before the lock is taken again
    lock.lock();
  }
}

}  // namespace estate::service

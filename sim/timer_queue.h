// TimerQueue: the pending timers of one node, ordered by (due time, scheduling order), so
// timers due at the same instant run first-in first-out. Pure C++ (no SimGrid): the node
// actor asks it when to wake and which callback is due.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <unordered_map>
#include <vector>

#include "engine/runtime.h"
#include "engine/time.h"

namespace estate::sim {

class TimerQueue {
 public:
  // Adds fn due at `at`. Returns a fresh id, never kNoTimer; ids increase with each call.
  TimerId Add(TimeNs at, std::function<void()> fn);
  // Removes a pending timer. Returns false when the id is unknown, already ran or was
  // cancelled. Cancelled entries leave the heap lazily, so Cancel is O(1).
  bool Cancel(TimerId id);
  // Due time of the earliest pending timer, or nullopt when none is pending.
  std::optional<TimeNs> NextDue();
  // Removes and returns the earliest timer due at or before now, or nullopt when none is due.
  std::optional<std::function<void()>> PopDue(TimeNs now);
  // Drops every pending timer (a crash). Ids keep increasing, so a stale id never matches.
  void Clear();
  size_t pending() const { return callbacks_.size(); }

 private:
  struct Entry {
    TimeNs at;
    TimerId id;  // ids increase with scheduling order, so they break ties FIFO
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.at != b.at ? a.at > b.at : a.id > b.id;
    }
  };
  // Pops cancelled entries off the top of the heap.
  void SkipCancelled();

  std::priority_queue<Entry, std::vector<Entry>, Later> heap_;
  std::unordered_map<TimerId, std::function<void()>> callbacks_;  // only looked up, never iterated
  TimerId next_id_ = 0;
};

}  // namespace estate::sim

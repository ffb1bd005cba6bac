// Progress of a run in simulated time: a bar with an ETA on a terminal, or one JSON object
// per line for the desktop app (docs/RUNNING.md gives the fields). Wall-clock figures appear
// only here, never in the run's results.
#pragma once

#include <chrono>
#include <string>

#include "engine/time.h"

namespace estate {

enum class ProgressStyle { kBar, kJson, kNone };

class ProgressReporter {
 public:
  explicit ProgressReporter(ProgressStyle style);
  // Simulated time reached, out of the run's duration.
  void Update(TimeNs now, TimeNs duration);
  // The run is over; `summary` is a JSON object body for the final line (json style).
  void Finish(const std::string& summary_json);

 private:
  double WallSeconds() const;

  ProgressStyle style_;
  std::chrono::steady_clock::time_point start_;
  double last_draw_ = -1;
};

}  // namespace estate

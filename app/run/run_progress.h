// The lines `estate run --progress json` prints (docs/RUNNING.md, "Progress"), parsed:
//   {"event":"progress","sim_time_s":3600.000,"duration_s":86400.000,"fraction":0.041667,
//    "wall_s":1.734,"eta_s":39.882}
//   {"event":"done","expectations":4,"expectations_failed":1,"out":"out/retail"}
//   {"event":"done","error":"..."}
#pragma once

#include <QString>
#include <optional>
#include <string_view>

namespace estate::studio {

struct RunProgress {
  enum class Kind { kProgress, kDone };
  Kind kind = Kind::kProgress;
  // kProgress
  double sim_time_s = 0;
  double duration_s = 0;
  double fraction = 0;  // of the simulated duration, 0..1
  double wall_s = 0;
  double eta_s = 0;
  // kDone
  int expectations = 0;
  int expectations_failed = 0;
  QString out;
  QString error;  // set when the run failed
};

// std::nullopt for a line that is not a progress object (the CLI may print other text).
std::optional<RunProgress> ParseRunProgress(std::string_view line);

// "2h 05min", "3min 20s", "45s": a duration for a progress label.
QString FormatDuration(double seconds);

}  // namespace estate::studio

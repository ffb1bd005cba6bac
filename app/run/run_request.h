// What one `estate run` child process is asked to do, and the files it is given. The app runs
// the scenario as edited, unsaved changes included, so each run gets its own copy
// (out_dir/input.json; `estate run` keeps its own scenario.json) with the file names the scenario
// holds made absolute: the copy then runs from the run's directory and reads the files the original
// names.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "engine/result.h"

namespace estate::studio {

struct RunRequest {
  nlohmann::json scenario;  // as RunnableScenario() returns it
  QString out_dir;          // created when missing
  uint64_t seed = 0;        // 0: the scenario's
  QString duration;         // empty: the scenario's; "10min" simulates the first ten minutes
};

// `doc` without the editor's "$schema" hint, with "prices" and the workload trace's path made
// absolute against `base_dir` (the directory of the scenario's file).
nlohmann::json RunnableScenario(const nlohmann::ordered_json& doc, const QString& base_dir);

// Writes out_dir/input.json and returns the arguments of `estate`:
//   run OUT/input.json --out OUT --progress json [--seed N] [--duration D]
// Internal error naming the file when it cannot be written.
Result<QStringList> PrepareRun(const RunRequest& request);

}  // namespace estate::studio

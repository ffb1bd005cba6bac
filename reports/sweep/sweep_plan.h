// SweepPlan: the points of a parameter sweep: the cartesian product of every parameter's values,
// each point being the base scenario with those values set. Points are numbered as nested loops
// in the order the parameters were given: the first parameter varies slowest, the last fastest.
// A plan is a value; it is saved as sweep-plan.json so that `estate merge` can rebuild it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.h"
#include "reports/sweep/sweep_parameter.h"

namespace estate::reports {

// Settings every point shares, applied before the parameters (a --param on /seed or /duration
// wins over them).
struct SweepRunSettings {
  std::string duration;          // empty: the scenario's own; else sets /duration (e.g. "30s")
  std::optional<uint64_t> seed;  // sets /seed
};

class SweepPlan {
 public:
  static constexpr size_t kMaxPoints = 100000;

  // `base`: the scenario document as read from its file; `scenario_dir`: the directory its
  // relative paths resolve against; `parameters`: as parsed by ParseSweepParameter, in order.
  // Resolves each pointer against `base` (ResolvePointer).
  // Errors (Invalid), naming the parameter: "--param /links/9/bandwidth: /links/9: no such
  // element (/links has 3)", "--param /links/0/bandwidth: sets the same field as --param
  // /links/gcp-a/bandwidth", "--param /links/0: overlaps --param /links/0/latency (...)", "the
  // sweep has 120000 points; at most 100000", and "expected at least one --param".
  static Result<SweepPlan> Make(nlohmann::json base, std::string scenario_dir,
                                std::vector<SweepParameter> parameters, SweepRunSettings settings);

  // sweep-plan.json, and back. FromJson errors (Invalid) say which field is wrong.
  nlohmann::json ToJson() const;
  static Result<SweepPlan> FromJson(const nlohmann::json& plan);

  size_t size() const { return size_; }
  const std::vector<SweepParameter>& parameters() const { return parameters_; }
  const SweepRunSettings& settings() const { return settings_; }
  // The base scenario's "name", or "" when it has none.
  std::string ScenarioName() const;
  // Fingerprint of everything that decides the points' results (base scenario, parameters and
  // their values, settings), not of where files live: shards of one sweep share it.
  const std::string& id() const { return id_; }

  // REQUIRES for the point functions: k < size().
  // Each parameter's value index at point k.
  std::vector<size_t> ValueIndexes(size_t k) const;
  // "point-0007": zero-padded to 4 digits, or more when the sweep has more than 10000 points.
  std::string PointName(size_t k) const;
  // {pointer as given: value} for point k.
  nlohmann::json PointValues(size_t k) const;
  // The scenario point k runs: the base with the settings and values applied, and its relative
  // paths made absolute (scenario_paths.h).
  nlohmann::json PointScenario(size_t k) const;
  // point.json: {"point", "index", "sweep_id", "parameters": PointValues, "scenario":
  // PointScenario}.
  nlohmann::json PointRecord(size_t k) const;
  // "point-0001 with /a = 1, /b = \"x\"", naming only the parameters at `which` (all when empty).
  std::string DescribePoint(size_t k, const std::vector<size_t>& which = {}) const;
  // The parameters whose field is at, inside or around `pointer` (a validation error's, in
  // plain RFC 6901 form): the ones to blame for it. Empty when none is.
  std::vector<size_t> ParametersAt(const std::string& pointer) const;

 private:
  nlohmann::json base_;
  std::string scenario_dir_;
  std::vector<SweepParameter> parameters_;
  SweepRunSettings settings_;
  size_t size_ = 0;
  std::string id_;
};

}  // namespace estate::reports

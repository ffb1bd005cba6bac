#include "reports/sweep/sweep_plan.h"

#include <algorithm>
#include <cstdio>

#include "reports/sweep/json_pointer_patch.h"
#include "reports/sweep/scenario_paths.h"

namespace estate::reports {
namespace {

using nlohmann::json;

// FNV-1a, 64 bits: stable across machines and compilers, unlike std::hash.
std::string Fingerprint(const std::string& text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

json ParametersJson(const std::vector<SweepParameter>& parameters, bool with_resolved) {
  json out = json::array();
  for (const SweepParameter& p : parameters) {
    json entry = {{"pointer", p.pointer}, {"values", p.values}};
    if (with_resolved) entry["resolved"] = p.resolved;
    out.push_back(std::move(entry));
  }
  return out;
}

json SettingsJson(const SweepRunSettings& s) {
  return {{"duration", s.duration.empty() ? json(nullptr) : json(s.duration)},
          {"seed", s.seed ? json(*s.seed) : json(nullptr)}};
}

// Whether pointer `a` is `b` or one of its ancestors.
bool Covers(const std::string& a, const std::string& b) {
  return b == a || (b.size() > a.size() && b.compare(0, a.size(), a) == 0 && b[a.size()] == '/');
}

}  // namespace

Result<SweepPlan> SweepPlan::Make(json base, std::string scenario_dir,
                                  std::vector<SweepParameter> parameters,
                                  SweepRunSettings settings) {
  if (parameters.empty()) return Status::Invalid("expected at least one --param");
  SweepPlan plan;
  for (size_t i = 0; i < parameters.size(); ++i) {
    SweepParameter& p = parameters[i];
    Result<std::string> resolved = ResolvePointer(base, p.pointer);
    if (!resolved.ok())
      return Status::Invalid("--param " + p.pointer + ": " + resolved.status().message());
    p.resolved = *resolved;
    for (size_t j = 0; j < i; ++j) {
      const SweepParameter& q = parameters[j];
      if (q.resolved == p.resolved) {
        return Status::Invalid("--param " + p.pointer + ": sets the same field as --param " +
                               q.pointer);
      }
      // One field set inside another would make the order of the two matter.
      if (Covers(q.resolved, p.resolved) || Covers(p.resolved, q.resolved)) {
        return Status::Invalid("--param " + p.pointer + ": overlaps --param " + q.pointer +
                               " (one sets a field inside the other's)");
      }
    }
    if (p.values.empty()) return Status::Invalid("--param " + p.pointer + ": no values");
  }
  double points = 1;
  for (const SweepParameter& p : parameters)
    points *= static_cast<double>(p.values.size());
  if (points > static_cast<double>(kMaxPoints)) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.0f", points);
    return Status::Invalid(std::string("the sweep has ") + shown + " points; at most " +
                           std::to_string(kMaxPoints));
  }
  plan.base_ = std::move(base);
  plan.scenario_dir_ = std::move(scenario_dir);
  plan.parameters_ = std::move(parameters);
  plan.settings_ = std::move(settings);
  plan.size_ = static_cast<size_t>(points);
  const json identity = {{"format", "estate-sweep-1"},
                         {"base_scenario", plan.base_},
                         {"parameters", ParametersJson(plan.parameters_, false)},
                         {"settings", SettingsJson(plan.settings_)}};
  plan.id_ = Fingerprint(identity.dump());
  return plan;
}

json SweepPlan::ToJson() const {
  return {{"sweep_id", id_},
          {"base_scenario", base_},
          {"scenario_dir", scenario_dir_},
          {"parameters", ParametersJson(parameters_, true)},
          {"settings", SettingsJson(settings_)},
          {"points", size_}};
}

Result<SweepPlan> SweepPlan::FromJson(const json& plan) {
  if (!plan.is_object() || !plan.contains("base_scenario") || !plan.contains("parameters") ||
      !plan["parameters"].is_array() || !plan.contains("settings") ||
      !plan["settings"].is_object() || !plan.contains("scenario_dir") ||
      !plan["scenario_dir"].is_string()) {
    return Status::Invalid(
        "expected an object with base_scenario, scenario_dir, parameters and settings");
  }
  std::vector<SweepParameter> parameters;
  for (const json& p : plan["parameters"]) {
    if (!p.is_object() || !p.contains("pointer") || !p["pointer"].is_string() ||
        !p.contains("values") || !p["values"].is_array()) {
      return Status::Invalid("/parameters: expected objects with pointer and values");
    }
    SweepParameter parameter;
    parameter.pointer = p["pointer"].get<std::string>();
    for (const json& v : p["values"])
      parameter.values.push_back(v);
    parameters.push_back(std::move(parameter));
  }
  SweepRunSettings settings;
  const json& s = plan["settings"];
  if (s.contains("duration") && s["duration"].is_string()) settings.duration = s["duration"];
  if (s.contains("seed") && s["seed"].is_number_unsigned()) settings.seed = s["seed"];
  return Make(plan["base_scenario"], plan["scenario_dir"].get<std::string>(), std::move(parameters),
              std::move(settings));
}

std::string SweepPlan::ScenarioName() const {
  return base_.is_object() && base_.contains("name") && base_["name"].is_string()
             ? base_["name"].get<std::string>()
             : std::string();
}

std::vector<size_t> SweepPlan::ValueIndexes(size_t k) const {
  std::vector<size_t> indexes(parameters_.size());
  for (size_t i = parameters_.size(); i-- > 0;) {
    indexes[i] = k % parameters_[i].values.size();
    k /= parameters_[i].values.size();
  }
  return indexes;
}

std::string SweepPlan::PointName(size_t k) const {
  const size_t width = std::max<size_t>(4, std::to_string(size_ - 1).size());
  std::string digits = std::to_string(k);
  return "point-" + std::string(width - std::min(width, digits.size()), '0') + digits;
}

json SweepPlan::PointValues(size_t k) const {
  const std::vector<size_t> indexes = ValueIndexes(k);
  json values = json::object();
  for (size_t i = 0; i < parameters_.size(); ++i)
    values[parameters_[i].pointer] = parameters_[i].values[indexes[i]];
  return values;
}

json SweepPlan::PointScenario(size_t k) const {
  json scenario = base_;
  if (scenario.is_object()) {
    if (!settings_.duration.empty()) scenario["duration"] = settings_.duration;
    if (settings_.seed) scenario["seed"] = *settings_.seed;
  }
  const std::vector<size_t> indexes = ValueIndexes(k);
  for (size_t i = 0; i < parameters_.size(); ++i)
    SetAtResolvedPointer(&scenario, parameters_[i].resolved, parameters_[i].values[indexes[i]]);
  MakeScenarioPathsAbsolute(&scenario, scenario_dir_);
  return scenario;
}

json SweepPlan::PointRecord(size_t k) const {
  return {{"point", PointName(k)},
          {"index", k},
          {"sweep_id", id_},
          {"parameters", PointValues(k)},
          {"scenario", PointScenario(k)}};
}

std::string SweepPlan::DescribePoint(size_t k, const std::vector<size_t>& which) const {
  const std::vector<size_t> indexes = ValueIndexes(k);
  std::string out = PointName(k) + " with ";
  bool first = true;
  for (size_t i = 0; i < parameters_.size(); ++i) {
    if (!which.empty() && std::find(which.begin(), which.end(), i) == which.end()) continue;
    if (!first) out += ", ";
    first = false;
    out += DescribeSetting(parameters_[i], parameters_[i].values[indexes[i]]);
  }
  return out;
}

std::vector<size_t> SweepPlan::ParametersAt(const std::string& pointer) const {
  std::vector<size_t> at;
  for (size_t i = 0; i < parameters_.size(); ++i) {
    if (Covers(parameters_[i].resolved, pointer) || Covers(pointer, parameters_[i].resolved))
      at.push_back(i);
  }
  return at;
}

}  // namespace estate::reports

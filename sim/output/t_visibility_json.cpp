#include "sim/output/t_visibility_json.h"

#include <set>
#include <string>

#include "sim/metrics/t_visibility.h"

namespace estate::sim {
namespace {

using nlohmann::json;

json Points(const TVisibilityCurve& c) {
  json points = json::object();
  for (size_t i = 0; i < kTVisibilityMs.size(); ++i) {
    const std::string key = std::to_string(kTVisibilityMs[i]) + "ms";
    points[key] = c.fraction[i] ? json(*c.fraction[i]) : json(nullptr);
  }
  return points;
}

}  // namespace

json TVisibilityJson(const Scenario& s, const RunRecord& r) {
  std::set<ConsistencyMode> modes;
  for (const MountSpec& m : s.mounts)
    modes.insert(m.mode);
  // The lag histograms do not say which mount a write belonged to, so a mixed run's measured
  // curves cover every replicated write; only a run whose mounts are all strong can say 1.
  const bool all_strong = modes.size() == 1 && *modes.begin() == ConsistencyMode::kStrong;
  auto overall = [all_strong](const LatencyHistogram& lag) {
    return all_strong ? LinearizableTVisibility(lag.count()) : MeasuredTVisibility(lag);
  };

  const LatencyHistogram& lag = r.metrics.replication_lag();
  const TVisibilityCurve all = overall(lag);
  json t_ms = json::array();
  for (int64_t t : kTVisibilityMs)
    t_ms.push_back(t);
  json j = {{"t_ms", t_ms}, {"pairs", lag.count()}};
  json basis = {{"all", VisibilityBasisName(all.basis)}};
  j["all"] = Points(all);
  for (ConsistencyMode mode : modes) {
    const TVisibilityCurve c = TVisibilityFor(mode, lag);
    basis[ConsistencyModeName(mode)] = VisibilityBasisName(c.basis);
    j[ConsistencyModeName(mode)] = Points(c);
  }
  j["basis"] = basis;
  json sites = json::object();
  for (const auto& [site, h] : r.metrics.replication_lag_by_site())
    sites[r.site_names[site]] = Points(overall(h));
  j["by_site"] = sites;
  return j;
}

}  // namespace estate::sim

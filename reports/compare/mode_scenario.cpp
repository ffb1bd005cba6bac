#include "reports/compare/mode_scenario.h"

#include <set>

namespace estate::reports {
namespace {

std::string Absolute(const std::filesystem::path& dir, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return std::filesystem::absolute(dir / p).lexically_normal().string();
}

}  // namespace

Status CheckModeApplies(const Scenario& s, ConsistencyMode mode, const std::string& file) {
  if (mode != ConsistencyMode::kSyncSites && mode != ConsistencyMode::kBoundedStaleness) {
    return Status::Ok();
  }
  std::set<std::string> onprem;
  for (const SiteSpec& site : s.sites) {
    if (!site.gcp) onprem.insert(site.id);
  }
  for (size_t i = 0; i < s.mounts.size(); ++i) {
    const MountSpec& m = s.mounts[i];
    bool has_primary = onprem.count(m.home) > 0;
    for (const std::string& r : m.replicas)
      has_primary = has_primary || onprem.count(r) > 0;
    if (has_primary) continue;
    return Status::Invalid(file + ": /mounts/" + std::to_string(i) +
                           ": expected an on-prem home or replica to order writes as the "
                           "primary of " +
                           ConsistencyModeName(mode) + " mode, found home \"" + m.home +
                           "\" and no on-prem replica");
  }
  return Status::Ok();
}

nlohmann::json ScenarioInMode(const nlohmann::json& doc, ConsistencyMode mode,
                              const std::filesystem::path& dir) {
  nlohmann::json out = doc;
  out.erase("$schema");
  for (nlohmann::json& m : out["mounts"])
    m["consistency"] = ConsistencyModeName(mode);
  out["prices"] = Absolute(dir, doc.value("prices", Scenario{}.prices));
  if (out.contains("workload") && out["workload"].contains("trace")) {
    nlohmann::json& trace = out["workload"]["trace"];
    trace["path"] = Absolute(dir, trace["path"].get<std::string>());
  }
  return out;
}

}  // namespace estate::reports

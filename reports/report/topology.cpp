#include <algorithm>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

void AddSiteOnce(std::vector<TopologySite>* sites, const std::string& id) {
  const bool known =
      std::any_of(sites->begin(), sites->end(), [&](const TopologySite& s) { return s.id == id; });
  if (!known) sites->push_back({id, "", 0, 0, 0});
}

}  // namespace

Result<Topology> BuildTopology(const Scenario* scenario, const JsonInput* result) {
  Topology t;
  if (scenario != nullptr) {
    for (const SiteSpec& s : scenario->sites) {
      t.sites.push_back({s.id, s.gcp ? "gcp" : "onprem", s.nodes, s.nic_bps, s.cache_bytes});
    }
    for (const LinkSpec& l : scenario->links) {
      t.links.push_back({l.id, l.from, l.to, l.bandwidth_bps, static_cast<double>(l.latency) / 1e9,
                         std::nullopt});
    }
  }
  if (result == nullptr) return t;

  JsonFields f(result->doc, result->path);
  for (const auto& [id, link] : f.Object("/links").items()) {
    const std::string at = "/links/" + PointerToken(id);
    const double utilisation = f.Number(at + "/peak_utilisation");
    // A named copy: clang 14 cannot capture a structured binding in a lambda.
    const std::string& link_id = id;
    auto known = std::find_if(t.links.begin(), t.links.end(),
                              [&](const TopologyLink& l) { return l.id == link_id; });
    if (known != t.links.end()) {
      known->peak_utilisation = utilisation;
      continue;
    }
    TopologyLink l{
        id,           f.Text(at + "/from"), f.Text(at + "/to"), f.Number(at + "/bandwidth_bps"),
        std::nullopt, utilisation};
    AddSiteOnce(&t.sites, l.from);
    AddSiteOnce(&t.sites, l.to);
    t.links.push_back(std::move(l));
  }
  // Without the scenario, result.json's caches tell the on-prem sites from the GCP one.
  for (TopologySite& s : t.sites) {
    if (s.kind.empty()) {
      s.kind = f.Find("/cache/" + PointerToken(s.id)) != nullptr ? "onprem" : "gcp";
    }
  }
  if (!f.ok()) return f.status();
  return t;
}

}  // namespace estate::reports

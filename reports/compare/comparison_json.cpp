#include "reports/compare/comparison_output.h"

namespace estate::reports {
namespace {

using nlohmann::json;

json LatencyJson(const Percentiles& p) {
  if (p.count == 0) return {{"count", 0}, {"p50_s", nullptr}, {"p99_s", nullptr}};
  return {{"count", p.count}, {"p50_s", p.p50_s}, {"p99_s", p.p99_s}};
}

json VisibilityJson(const VisibilityFigures& v) {
  json points = json::object();
  for (size_t i = 0; i < v.t_ms.size() && i < v.fraction.size(); ++i) {
    points[std::to_string(v.t_ms[i]) + "ms"] = v.fraction[i] ? json(*v.fraction[i]) : json(nullptr);
  }
  return {{"basis", v.basis}, {"pairs", v.pairs}, {"fraction", points}};
}

json ModeJson(const ModeFigures& m) {
  json j = {{"run_dir", m.run_dir}, {"exit_code", m.exit_code}};
  if (!m.ok()) {
    j["error"] = m.error;
    return j;
  }
  j["error"] = nullptr;
  j["expectations"] = {{"met", m.expectations.met},
                       {"unmet", m.expectations.unmet},
                       {"not_applicable", m.expectations.not_applicable}};
  j["availability"] = m.availability;
  j["read_latency"] = LatencyJson(m.read);
  j["write_latency"] = LatencyJson(m.write);
  json sites = json::object();
  for (const SiteFigures& s : m.sites) {
    sites[s.site] = {{"availability", s.availability},
                     {"read_latency", LatencyJson(s.read)},
                     {"write_latency", LatencyJson(s.write)}};
  }
  j["sites"] = sites;
  j["stale_read_rate"] = m.stale_read_rate;
  j["stale_reads"] = m.stale_reads;
  j["conflicts"] = m.conflicts;
  j["lost_updates"] = m.conflicts;
  j["t_visibility"] = VisibilityJson(m.t_visibility);
  j["wan_bytes"] = m.wan_bytes;
  j["egress_bytes"] = m.egress_bytes;
  j["egress_cost"] = m.egress_cost;
  j["data_plane_time_stretch"] = m.data_plane_time_stretch;
  return j;
}

}  // namespace

json ComparisonJson(const ModeComparison& c, const Recommendation& rec) {
  json order = json::array();
  json modes = json::object();
  for (const ModeFigures& m : c.modes) {
    order.push_back(m.mode);
    modes[m.mode] = ModeJson(m);
  }
  return {{"scenario", c.scenario},
          {"scenario_path", c.scenario_path},
          {"duration_s", c.duration_s},
          {"availability_floor", c.availability_floor},
          {"egress_price",
           {{"per_gib", c.egress_price.per_gib},
            {"currency", c.egress_price.currency},
            {"source", c.egress_price.source},
            {"as_of", c.egress_price.as_of}}},
          {"order", order},
          {"modes", modes},
          {"recommendation",
           {{"mode", rec.mode ? json(*rec.mode) : json(nullptr)},
            {"text", rec.Paragraph()},
            {"sentences", rec.sentences}}}};
}

}  // namespace estate::reports

#include <nlohmann/json.hpp>

#include "reports/report/report_output.h"

namespace estate::reports {
namespace {

// Fields in the order docs/REPORTS.md lists them, so that the file reads top-down.
using Json = nlohmann::ordered_json;

constexpr const char* kSchema = "estate-report/1";

Json OrNull(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json OrNull(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json SamplingJson(const SamplingInfo& s) {
  Json intervals = Json::array();
  for (const SamplingInterval& i : s.intervals)
    intervals.push_back({{"figure", i.figure}, {"low", i.low}, {"high", i.high}});
  Json spread = Json::array();
  for (const SeedSpread& x : s.seed_spread) {
    spread.push_back({{"figure", x.figure},
                      {"mean", x.mean},
                      {"stddev", x.stddev},
                      {"relative", x.relative},
                      {"seeds", x.seeds}});
  }
  return {{"rate", s.rate},
          {"seed", s.seed},
          {"objects", OrNull(s.objects)},
          {"objects_in_sample", OrNull(s.objects_in_sample)},
          {"data_plane_time_stretch", s.data_plane_time_stretch},
          {"error_method", s.error_method},
          {"intervals", intervals},
          {"seed_spread", spread}};
}

Json RunJson(const RunOverview& r) {
  Json assumptions = Json::array();
  for (const Assumption& a : r.assumptions)
    assumptions.push_back({{"name", a.name}, {"value", a.value}});
  return {{"scenario", r.scenario},
          {"description", r.description},
          {"seed", r.seed},
          {"duration_s", r.duration_s},
          {"interval_s", r.interval_s},
          {"operations", r.operations},
          {"unavailable_operations", r.unavailable_operations},
          {"availability", r.availability},
          {"stale_read_rate", r.stale_read_rate},
          {"write_p99_s", r.write_p99_s},
          {"read_p99_s", r.read_p99_s},
          {"replication_lag_p99_s", r.replication_lag_p99_s},
          {"rpo_p99_s", r.rpo_p99_s},
          {"wan_peak_bps", r.wan_peak_bps},
          {"wan_bytes", r.wan_bytes},
          {"egress_bytes", r.egress_bytes},
          {"hit_ratio", r.hit_ratio},
          {"sampling", SamplingJson(r.sampling)},
          {"assumptions", assumptions}};
}

Json TopologyJson(const Topology& t) {
  Json sites = Json::array();
  for (const TopologySite& s : t.sites) {
    sites.push_back({{"id", s.id},
                     {"kind", s.kind},
                     {"nodes", s.nodes},
                     {"nic_bps", s.nic_bps},
                     {"cache_bytes", s.cache_bytes}});
  }
  Json links = Json::array();
  for (const TopologyLink& l : t.links) {
    links.push_back({{"id", l.id},
                     {"from", l.from},
                     {"to", l.to},
                     {"bandwidth_bps", l.bandwidth_bps},
                     {"latency_s", OrNull(l.latency_s)},
                     {"peak_utilisation", OrNull(l.peak_utilisation)}});
  }
  return {{"sites", sites}, {"links", links}};
}

Json SizingJson(const SizingTable& t) {
  Json links = Json::array();
  for (const SizingLinkRow& l : t.links) {
    links.push_back({{"link", l.link},
                     {"peak_bps", OrNull(l.peak_bps)},
                     {"peak_source", l.peak_source},
                     {"required_bps", l.required_bps},
                     {"bandwidth_bps", l.bandwidth_bps},
                     {"fits", l.fits},
                     {"circuits", l.circuits},
                     {"circuit_bps", l.circuit_bps},
                     {"ports_monthly", l.ports_monthly}});
  }
  Json sites = Json::array();
  for (const SizingSiteRow& s : t.sites) {
    sites.push_back({{"site", s.site},
                     {"cache_bytes", OrNull(s.cache_bytes)},
                     {"cache_source", s.cache_source},
                     {"cache_note", s.cache_note},
                     {"engine_nodes", OrNull(s.engine_nodes)}});
  }
  return {{"origin", t.origin},
          {"scenario", t.scenario},
          {"target_hit_ratio", t.target_hit_ratio},
          {"wan_headroom", t.wan_headroom},
          {"links", links},
          {"sites", sites},
          {"rpo",
           {{"normal_p99_s", OrNull(t.rpo_normal_p99_s)},
            {"with_failures_p99_s", OrNull(t.rpo_with_failures_p99_s)}}},
          {"cost",
           {{"currency", t.currency},
            {"egress_bytes_per_month", OrNull(t.egress_bytes_per_month)},
            {"egress_monthly", t.egress_monthly},
            {"ports_monthly", t.ports_monthly},
            {"storage_monthly", t.storage_monthly},
            {"total_monthly", t.total_monthly},
            {"assumptions", t.price_assumptions}}}};
}

Json ExpectationsJson(const std::vector<ExpectationResult>& expectations) {
  Json out = Json::array();
  for (const ExpectationResult& e : expectations) {
    out.push_back({{"expectation", e.expectation},
                   {"metric", e.metric},
                   {"pass", e.pass},
                   {"found", e.found},
                   {"measured", OrNull(e.measured)},
                   {"message", e.message}});
  }
  return out;
}

Json ComparisonJson(const ComparisonSection& c) {
  Json modes = Json::array();
  for (const ModeRow& m : c.modes) {
    Json sites = Json::array();
    for (const ModeSiteRow& s : m.sites) {
      sites.push_back({{"site", s.site},
                       {"write_p99_s", OrNull(s.write_p99_s)},
                       {"read_p99_s", OrNull(s.read_p99_s)},
                       {"availability", s.availability}});
    }
    modes.push_back({{"mode", m.mode},
                     {"ok", m.ok},
                     {"error", m.error},
                     {"availability", OrNull(m.availability)},
                     {"write_p99_s", OrNull(m.write_p99_s)},
                     {"read_p99_s", OrNull(m.read_p99_s)},
                     {"stale_read_rate", OrNull(m.stale_read_rate)},
                     {"t_visibility_100ms", OrNull(m.t_visibility_100ms)},
                     {"egress_cost", OrNull(m.egress_cost)},
                     {"expectations_met", m.expectations_met},
                     {"expectations_unmet", m.expectations_unmet},
                     {"sites", sites}});
  }
  return {{"scenario", c.scenario},
          {"duration_s", c.duration_s},
          {"availability_floor", c.availability_floor},
          {"currency", c.currency},
          {"recommended_mode", OrNull(c.recommended_mode)},
          {"recommendation", c.recommendation},
          {"modes", modes}};
}

Json SweepJson(const SweepSection& s) {
  Json parameters = Json::array();
  for (const SweptParameter& p : s.parameters)
    parameters.push_back({{"pointer", p.pointer}, {"values", p.values}});
  Json ranges = Json::array();
  for (const SweepFigureRange& r : s.ranges) {
    ranges.push_back({{"figure", r.figure},
                      {"unit", r.unit},
                      {"min", OrNull(r.min)},
                      {"min_point", r.min_point},
                      {"max", OrNull(r.max)},
                      {"max_point", r.max_point}});
  }
  return {{"sweep_id", s.sweep_id},
          {"scenario", s.scenario},
          {"parameters", parameters},
          {"points", s.points},
          {"points_failed", s.points_failed},
          {"points_failing_expectations", s.points_failing_expectations},
          {"ranges", ranges}};
}

const char* SectionName(ChartSection s) {
  switch (s) {
    case ChartSection::kRun:
      return "run";
    case ChartSection::kComparison:
      return "comparison";
    case ChartSection::kSweep:
      return "sweep";
  }
  return "run";
}

Json AxisJson(const ChartAxis& a) {
  return {{"label", a.label},
          {"unit", a.unit},
          {"scale", a.scale == AxisScale::kLog ? "log" : "linear"},
          {"categories", a.categories}};
}

Json ChartJson(const Chart& c) {
  Json series = Json::array();
  for (const ChartSeries& s : c.series) {
    Json points = Json::array();
    for (const ChartPoint& p : s.points)
      points.push_back({p.x, p.y});
    series.push_back({{"name", s.name}, {"points", points}});
  }
  Json markers = Json::array();
  for (const ChartMarker& m : c.markers)
    markers.push_back({{"label", m.label}, {"x", m.x}});
  Json bands = Json::array();
  for (const ChartBand& b : c.bands)
    bands.push_back({{"label", b.label}, {"from", b.from}, {"to", b.to}});
  return {{"id", c.id},
          {"section", SectionName(c.section)},
          {"kind", c.kind == ChartKind::kBar ? "bar" : "line"},
          {"title", c.title},
          {"caption", c.caption},
          {"x", AxisJson(c.x)},
          {"y", AxisJson(c.y)},
          {"series", series},
          {"markers", markers},
          {"bands", bands}};
}

}  // namespace

std::string ReportJson(const ReportModel& m) {
  Json sources = Json::array();
  for (const ReportSource& s : m.sources)
    sources.push_back({{"kind", s.kind}, {"path", s.path}});
  Json charts = Json::array();
  for (const Chart& c : m.charts)
    charts.push_back(ChartJson(c));
  const Json doc = {{"schema", kSchema},
                    {"title", m.title},
                    {"sources", sources},
                    {"summary", m.summary},
                    {"notes", m.notes},
                    {"run", m.run ? RunJson(*m.run) : Json(nullptr)},
                    {"topology", m.topology ? TopologyJson(*m.topology) : Json(nullptr)},
                    {"sizing", m.sizing ? SizingJson(*m.sizing) : Json(nullptr)},
                    {"expectations", ExpectationsJson(m.expectations)},
                    {"comparison", m.comparison ? ComparisonJson(*m.comparison) : Json(nullptr)},
                    {"sweep", m.sweep ? SweepJson(*m.sweep) : Json(nullptr)},
                    {"charts", charts}};
  return doc.dump(2) + "\n";
}

}  // namespace estate::reports

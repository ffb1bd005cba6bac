#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/report/report_output.h"

namespace estate::reports {
namespace {

// The shortest text that reads back as the same double, as in report.json.
std::string CsvNumber(double v) {
  return nlohmann::json(v).dump();
}

std::string CsvNumber(const std::optional<double>& v) {
  return v ? CsvNumber(*v) : "";
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string Field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

class Rows {
 public:
  explicit Rows(std::ostringstream& out) : out_(out) {}
  void Add(const std::string& section, const std::string& item, const std::string& figure,
           const std::string& value, const std::string& unit) {
    out_ << Field(section) << ',' << Field(item) << ',' << Field(figure) << ',' << Field(value)
         << ',' << Field(unit) << '\n';
  }

 private:
  std::ostringstream& out_;
};

void RunRows(const RunOverview& r, Rows& rows) {
  const std::string s = "run";
  rows.Add(s, "all", "duration", CsvNumber(r.duration_s), "s");
  rows.Add(s, "all", "seed", std::to_string(r.seed), "seed");
  rows.Add(s, "all", "operations", std::to_string(r.operations), "count");
  rows.Add(s, "all", "unavailable_operations", std::to_string(r.unavailable_operations), "count");
  rows.Add(s, "all", "availability", CsvNumber(r.availability), "ratio");
  rows.Add(s, "all", "stale_read_rate", CsvNumber(r.stale_read_rate), "ratio");
  rows.Add(s, "all", "write_p99", CsvNumber(r.write_p99_s), "s");
  rows.Add(s, "all", "read_p99", CsvNumber(r.read_p99_s), "s");
  rows.Add(s, "all", "replication_lag_p99", CsvNumber(r.replication_lag_p99_s), "s");
  rows.Add(s, "all", "rpo_p99", CsvNumber(r.rpo_p99_s), "s");
  rows.Add(s, "all", "wan_peak", CsvNumber(r.wan_peak_bps), "bit/s");
  rows.Add(s, "all", "wan_bytes", CsvNumber(r.wan_bytes), "bytes");
  rows.Add(s, "all", "egress_bytes", CsvNumber(r.egress_bytes), "bytes");
  rows.Add(s, "all", "hit_ratio", CsvNumber(r.hit_ratio), "ratio");
  rows.Add("sampling", "all", "rate", CsvNumber(r.sampling.rate), "ratio");
  rows.Add("sampling", "all", "data_plane_time_stretch",
           CsvNumber(r.sampling.data_plane_time_stretch), "factor");
  for (const SamplingInterval& i : r.sampling.intervals) {
    rows.Add("sampling", i.figure, "interval_low", CsvNumber(i.low), "s");
    rows.Add("sampling", i.figure, "interval_high", CsvNumber(i.high), "s");
  }
  for (const SeedSpread& x : r.sampling.seed_spread)
    rows.Add("sampling", x.figure, "seed_spread", CsvNumber(x.relative), "ratio");
}

void TopologyRows(const Topology& t, Rows& rows) {
  for (const TopologyLink& l : t.links) {
    rows.Add("topology", l.id, "bandwidth", CsvNumber(l.bandwidth_bps), "bit/s");
    rows.Add("topology", l.id, "latency", CsvNumber(l.latency_s), "s");
    rows.Add("topology", l.id, "peak_utilisation", CsvNumber(l.peak_utilisation), "ratio");
  }
}

void SizingRows(const SizingTable& t, Rows& rows) {
  const std::string s = "sizing";
  for (const SizingLinkRow& l : t.links) {
    rows.Add(s, l.link, "peak", CsvNumber(l.peak_bps), "bit/s");
    rows.Add(s, l.link, "required", CsvNumber(l.required_bps), "bit/s");
    rows.Add(s, l.link, "fits", l.fits ? "true" : "false", "bool");
    rows.Add(s, l.link, "circuits", std::to_string(l.circuits), "count");
    rows.Add(s, l.link, "circuit_size", CsvNumber(l.circuit_bps), "bit/s");
    rows.Add(s, l.link, "ports_monthly", CsvNumber(l.ports_monthly), t.currency);
  }
  for (const SizingSiteRow& site : t.sites) {
    if (!site.cache_source.empty())
      rows.Add(s, site.site, "cache", CsvNumber(site.cache_bytes), "bytes");
    rows.Add(s, site.site, "engine_nodes", CsvNumber(site.engine_nodes), "nodes");
  }
  rows.Add(s, "all", "rpo_normal_p99", CsvNumber(t.rpo_normal_p99_s), "s");
  rows.Add(s, "all", "rpo_with_failures_p99", CsvNumber(t.rpo_with_failures_p99_s), "s");
  rows.Add(s, "all", "egress_per_month", CsvNumber(t.egress_bytes_per_month), "bytes");
  rows.Add(s, "all", "egress_monthly", CsvNumber(t.egress_monthly), t.currency);
  rows.Add(s, "all", "ports_monthly", CsvNumber(t.ports_monthly), t.currency);
  rows.Add(s, "all", "storage_monthly", CsvNumber(t.storage_monthly), t.currency);
  rows.Add(s, "all", "total_monthly", CsvNumber(t.total_monthly), t.currency);
}

void ComparisonRows(const ComparisonSection& c, Rows& rows) {
  const std::string s = "comparison";
  rows.Add(s, "all", "recommended_mode", c.recommended_mode.value_or(""), "mode");
  for (const ModeRow& m : c.modes) {
    rows.Add(s, m.mode, "ok", m.ok ? "true" : "false", "bool");
    if (!m.ok) continue;
    rows.Add(s, m.mode, "availability", CsvNumber(m.availability), "ratio");
    rows.Add(s, m.mode, "write_p99", CsvNumber(m.write_p99_s), "s");
    rows.Add(s, m.mode, "read_p99", CsvNumber(m.read_p99_s), "s");
    rows.Add(s, m.mode, "stale_read_rate", CsvNumber(m.stale_read_rate), "ratio");
    rows.Add(s, m.mode, "t_visibility_100ms", CsvNumber(m.t_visibility_100ms), "probability");
    rows.Add(s, m.mode, "egress_cost", CsvNumber(m.egress_cost), c.currency);
    rows.Add(s, m.mode, "expectations_met", std::to_string(m.expectations_met), "count");
    rows.Add(s, m.mode, "expectations_unmet", std::to_string(m.expectations_unmet.size()), "count");
  }
}

void SweepRows(const SweepSection& w, Rows& rows) {
  const std::string s = "sweep";
  rows.Add(s, "all", "points", std::to_string(w.points), "count");
  rows.Add(s, "all", "points_failed", std::to_string(w.points_failed), "count");
  rows.Add(s, "all", "points_failing_expectations", std::to_string(w.points_failing_expectations),
           "count");
  for (const SweepFigureRange& r : w.ranges) {
    rows.Add(s, r.figure, "min", CsvNumber(r.min), r.unit);
    rows.Add(s, r.figure, "max", CsvNumber(r.max), r.unit);
  }
}

}  // namespace

std::string ReportCsv(const ReportModel& m) {
  std::ostringstream out;
  out << "section,item,figure,value,unit\n";
  Rows rows(out);
  if (m.run) RunRows(*m.run, rows);
  if (m.topology) TopologyRows(*m.topology, rows);
  if (m.sizing) SizingRows(*m.sizing, rows);
  for (const ExpectationResult& e : m.expectations) {
    rows.Add("expectation", e.expectation, "pass", e.pass ? "true" : "false", "bool");
    rows.Add("expectation", e.expectation, "measured", CsvNumber(e.measured), "");
  }
  if (m.comparison) ComparisonRows(*m.comparison, rows);
  if (m.sweep) SweepRows(*m.sweep, rows);
  return out.str();
}

}  // namespace estate::reports

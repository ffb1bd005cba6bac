#include "reports/report/report_outline.h"

#include "reports/compare/figure_text.h"
#include "reports/report/report_text.h"

namespace estate::reports {
namespace {

using Kind = OutlineBlock::Kind;

OutlineBlock Paragraph(std::string text) {
  OutlineBlock b;
  b.text = std::move(text);
  return b;
}

OutlineBlock Note(std::string text) {
  OutlineBlock b;
  b.kind = Kind::kNote;
  b.text = std::move(text);
  return b;
}

OutlineBlock Bullets(std::vector<std::string> items) {
  OutlineBlock b;
  b.kind = Kind::kBullets;
  b.items = std::move(items);
  return b;
}

OutlineBlock Table(TextTable table) {
  OutlineBlock b;
  b.kind = Kind::kTable;
  b.table = std::move(table);
  return b;
}

OutlineBlock Figure(std::string id) {
  OutlineBlock b;
  b.kind = Kind::kFigure;
  b.figure_id = std::move(id);
  return b;
}

std::string OrNa(const std::optional<double>& v, std::string (*format)(double)) {
  return v ? format(*v) : "n/a";
}

std::string Seconds(double s) {
  return Latency(s);
}

std::string Ratio3(double r) {
  return Percent(r, 3);
}

std::string Ratio2(double r) {
  return Percent(r, 2);
}

std::string Probability3(double p) {
  return Probability(p);
}

void AddFigures(const ReportModel& m, ChartSection section, OutlineSection* s) {
  for (const Chart& c : m.charts) {
    if (c.section == section) s->blocks.push_back(Figure(c.id));
  }
}

OutlineSection Summary(const ReportModel& m) {
  OutlineSection s{"summary", "Executive summary", {}};
  s.blocks.push_back(Bullets(m.summary));
  for (const std::string& note : m.notes)
    s.blocks.push_back(Note(note));
  std::string sources;
  for (const ReportSource& src : m.sources)
    sources += (sources.empty() ? "" : ", ") + src.path + " (" + src.kind + ")";
  s.blocks.push_back(Paragraph("Built from " + sources + "."));
  return s;
}

OutlineSection ScenarioSection(const RunOverview& r) {
  OutlineSection s{"scenario", "Scenario and assumptions", {}};
  if (!r.description.empty()) s.blocks.push_back(Paragraph(r.description));
  TextTable t{{"assumption", "value"}, {}, {}};
  t.rows.push_back({"scenario", r.scenario});
  t.rows.push_back({"simulated", Duration(r.duration_s) + ", seed " + std::to_string(r.seed) +
                                     ", metrics every " + Duration(r.interval_s)});
  for (const Assumption& a : r.assumptions)
    t.rows.push_back({a.name, a.value});
  s.blocks.push_back(Table(std::move(t)));
  return s;
}

OutlineSection SamplingSection(const SamplingInfo& x) {
  OutlineSection s{"sampling", "Sampling and error", {}};
  if (x.rate < 1) {
    s.blocks.push_back(Paragraph(
        "Only objects whose key hashes into the sample are simulated, at the full workload's "
        "utilisation: bandwidths and caches scale with the rate, and bytes are scaled back. "
        "Data-plane durations (read-miss latency, data replication lag, data RPO) are "
        "stretched up to " +
        Number(x.data_plane_time_stretch) + "x (docs/RUNNING.md, Sampling)."));
  }
  TextTable t{{"figure", "value"}, {}, {}};
  t.rows.push_back({"sampling rate", Number(x.rate)});
  t.rows.push_back({"sampling seed", std::to_string(x.seed)});
  if (x.objects) t.rows.push_back({"objects", Count(static_cast<uint64_t>(*x.objects))});
  if (x.objects_in_sample) {
    t.rows.push_back({"objects in the sample", Count(static_cast<uint64_t>(*x.objects_in_sample))});
  }
  t.rows.push_back({"data-plane time stretch", Number(x.data_plane_time_stretch) + "x"});
  for (const SamplingInterval& i : x.intervals) {
    t.rows.push_back(
        {i.figure + " (" + x.error_method + ")", Latency(i.low) + " to " + Latency(i.high)});
  }
  for (const SeedSpread& spread : x.seed_spread) {
    t.rows.push_back({spread.figure + " over " + std::to_string(spread.seeds) + " seeds",
                      "relative spread " + Percent(spread.relative, 1)});
  }
  s.blocks.push_back(Table(std::move(t)));
  return s;
}

OutlineSection TopologySection(const Topology& topo) {
  OutlineSection s{"topology", "Topology", {}};
  s.blocks.push_back(Figure("topology"));
  TextTable sites{{"site", "kind", "nodes", "NIC per node", "cache"}, {}, {}};
  for (const TopologySite& site : topo.sites) {
    sites.rows.push_back({site.id, site.kind == "gcp" ? "GCP" : "on-prem",
                          site.nodes > 0 ? std::to_string(site.nodes) : "n/a",
                          site.nic_bps > 0 ? Bandwidth(site.nic_bps) : "n/a",
                          site.cache_bytes > 0 ? DecimalBytes(site.cache_bytes) : "none"});
  }
  s.blocks.push_back(Table(std::move(sites)));
  TextTable links{
      {"link", "from", "to", "bandwidth", "latency (one way)", "peak utilisation"}, {}, {}};
  for (const TopologyLink& l : topo.links) {
    links.rows.push_back({l.id, l.from, l.to, Bandwidth(l.bandwidth_bps),
                          OrNa(l.latency_s, Seconds), OrNa(l.peak_utilisation, Ratio2)});
  }
  s.blocks.push_back(Table(std::move(links)));
  return s;
}

OutlineSection SizingSection(const SizingTable& t) {
  OutlineSection s{"sizing", "Sizing", {}};
  s.blocks.push_back(Paragraph("Source: " + t.origin + ". Target byte hit ratio " +
                               Percent(t.target_hit_ratio, 0) + ", WAN headroom " +
                               Percent(t.wan_headroom, 0) + "; circuits are N+1 (one spare)."));
  TextTable wan{{"link", "peak", "source", "required with headroom", "nominal", "fits",
                 "circuits (N+1)", "ports per month"},
                {},
                {}};
  for (const SizingLinkRow& l : t.links) {
    wan.rows.push_back({l.link, OrNa(l.peak_bps, Bandwidth), l.peak_source,
                        Bandwidth(l.required_bps), Bandwidth(l.bandwidth_bps),
                        l.fits ? "yes" : "no",
                        std::to_string(l.circuits) + " x " + Bandwidth(l.circuit_bps),
                        Money(l.ports_monthly, t.currency)});
    wan.row_verdicts.push_back(l.fits ? "" : "fail");
  }
  s.blocks.push_back(Table(std::move(wan)));
  TextTable sites{
      {"site", "cache for the target", "cache (TB)", "source", "engine nodes (N+1)"}, {}, {}};
  std::vector<std::string> notes;
  for (const SizingSiteRow& site : t.sites) {
    const bool onprem = !site.cache_source.empty();
    sites.rows.push_back({site.site, onprem ? OrNa(site.cache_bytes, DecimalBytes) : "GCS",
                          onprem ? OrNa(site.cache_bytes, Terabytes) : "",
                          onprem ? site.cache_source : "",
                          site.engine_nodes ? Number(*site.engine_nodes) : "n/a"});
    if (!site.cache_note.empty()) notes.push_back(site.site + ": " + site.cache_note + ".");
  }
  s.blocks.push_back(Table(std::move(sites)));
  // Notes below the table, not in a column: they are sentences, and would stretch every row.
  if (!notes.empty()) s.blocks.push_back(Bullets(std::move(notes)));
  TextTable rest{{"figure", "value"}, {}, {}};
  rest.rows.push_back({"RPO p99, normal operation", OrNa(t.rpo_normal_p99_s, Seconds)});
  rest.rows.push_back(
      {"RPO p99, under the scenario's failures", OrNa(t.rpo_with_failures_p99_s, Seconds)});
  rest.rows.push_back({"GCS egress per month", OrNa(t.egress_bytes_per_month, DecimalBytes)});
  rest.rows.push_back({"GCS egress cost per month", Money(t.egress_monthly, t.currency)});
  rest.rows.push_back({"Interconnect ports per month", Money(t.ports_monthly, t.currency)});
  rest.rows.push_back({"on-prem storage per month", Money(t.storage_monthly, t.currency)});
  rest.rows.push_back({"total per month", Money(t.total_monthly, t.currency)});
  s.blocks.push_back(Table(std::move(rest)));
  s.blocks.push_back(Note(t.price_assumptions));
  return s;
}

OutlineSection ExpectationSection(const std::vector<ExpectationResult>& expectations) {
  OutlineSection s{"expectations", "Expectations", {}};
  TextTable t{{"expectation", "verdict", "measured", "detail"}, {}, {}};
  for (const ExpectationResult& e : expectations) {
    t.rows.push_back({e.expectation, e.pass ? "pass" : "fail",
                      e.measured ? ResultFigure(e.metric, *e.measured) : "n/a", e.message});
    t.row_verdicts.push_back(e.pass ? "pass" : "fail");
  }
  s.blocks.push_back(Table(std::move(t)));
  return s;
}

OutlineSection ComparisonOutline(const ReportModel& m, const ComparisonSection& c) {
  OutlineSection s{"comparison", "Consistency modes", {}};
  s.blocks.push_back(Paragraph("estate compare ran " + c.scenario + " once per mode for " +
                               Duration(c.duration_s) + ", availability floor " +
                               Percent(c.availability_floor, 3) + "."));
  s.blocks.push_back(Paragraph(c.recommendation));
  TextTable t{{"mode", "availability", "write p99", "read p99", "stale reads",
               "t-visibility at 100 ms", "egress cost", "expectations"},
              {},
              {}};
  for (const ModeRow& mode : c.modes) {
    if (!mode.ok) {
      t.rows.push_back({mode.mode, "run failed: " + mode.error, "", "", "", "", "", ""});
      t.row_verdicts.push_back("fail");
      continue;
    }
    t.rows.push_back({mode.mode, OrNa(mode.availability, Ratio3), OrNa(mode.write_p99_s, Seconds),
                      OrNa(mode.read_p99_s, Seconds), OrNa(mode.stale_read_rate, Ratio2),
                      OrNa(mode.t_visibility_100ms, Probability3),
                      mode.egress_cost ? Money(*mode.egress_cost, c.currency) : "n/a",
                      std::to_string(mode.expectations_met) + " met, " +
                          std::to_string(mode.expectations_unmet.size()) + " not met"});
    t.row_verdicts.push_back(c.recommended_mode == mode.mode ? "pass" : "");
  }
  s.blocks.push_back(Table(std::move(t)));
  AddFigures(m, ChartSection::kComparison, &s);
  return s;
}

OutlineSection SweepOutline(const ReportModel& m, const SweepSection& w) {
  OutlineSection s{"sweep", "Parameter sweep", {}};
  s.blocks.push_back(
      Paragraph("Sweep " + w.sweep_id + " of " + w.scenario + ": " + std::to_string(w.points) +
                " points, " + std::to_string(w.points_failed) + " failed to run, " +
                std::to_string(w.points_failing_expectations) + " failed an expectation."));
  TextTable params{{"parameter", "values"}, {}, {}};
  for (const SweptParameter& p : w.parameters) {
    std::string values;
    for (const std::string& v : p.values)
      values += (values.empty() ? "" : ", ") + v;
    params.rows.push_back({p.pointer, values});
  }
  s.blocks.push_back(Table(std::move(params)));
  TextTable ranges{{"figure", "lowest", "at", "highest", "at"}, {}, {}};
  for (const SweepFigureRange& r : w.ranges) {
    ranges.rows.push_back({r.figure, r.min ? ResultFigure(r.figure, *r.min) : "n/a", r.min_point,
                           r.max ? ResultFigure(r.figure, *r.max) : "n/a", r.max_point});
  }
  s.blocks.push_back(Table(std::move(ranges)));
  AddFigures(m, ChartSection::kSweep, &s);
  return s;
}

}  // namespace

std::vector<OutlineSection> ReportOutline(const ReportModel& m) {
  std::vector<OutlineSection> out;
  out.push_back(Summary(m));
  if (m.run) {
    out.push_back(ScenarioSection(*m.run));
    out.push_back(SamplingSection(m.run->sampling));
  }
  if (m.topology) out.push_back(TopologySection(*m.topology));
  if (m.sizing) out.push_back(SizingSection(*m.sizing));
  if (!m.expectations.empty()) out.push_back(ExpectationSection(m.expectations));
  OutlineSection charts{"charts", "Charts", {}};
  AddFigures(m, ChartSection::kRun, &charts);
  if (!charts.blocks.empty()) out.push_back(std::move(charts));
  if (m.comparison) out.push_back(ComparisonOutline(m, *m.comparison));
  if (m.sweep) out.push_back(SweepOutline(m, *m.sweep));
  return out;
}

}  // namespace estate::reports

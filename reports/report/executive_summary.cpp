#include <algorithm>
#include <cmath>

#include "reports/compare/figure_text.h"
#include "reports/report/report_sections.h"
#include "reports/report/report_text.h"

namespace estate::reports {
namespace {

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return out;
}

void RunSentences(const RunOverview& r, std::vector<std::string>* out) {
  std::string s = r.scenario + " was simulated for " + Duration(r.duration_s) + " (seed " +
                  std::to_string(r.seed);
  if (r.sampling.rate < 1) s += ", sampling rate " + Number(r.sampling.rate);
  s += "): " + Count(r.operations) + " operations, " + Percent(r.availability, 3) + " answered, " +
       Percent(r.stale_read_rate) + " stale reads; write latency p99 " + Latency(r.write_p99_s) +
       ", metadata replication lag p99 " + Latency(r.replication_lag_p99_s) + ", WAN peak " +
       Bandwidth(r.wan_peak_bps) + ", GCS egress " + DecimalBytes(r.egress_bytes) + ".";
  out->push_back(s);
}

void ExpectationSentence(const std::vector<ExpectationResult>& expectations,
                         std::vector<std::string>* out) {
  if (expectations.empty()) return;
  std::vector<std::string> unmet;
  for (const ExpectationResult& e : expectations) {
    if (!e.pass) unmet.push_back(e.expectation + " (" + e.message + ")");
  }
  const std::string n = std::to_string(expectations.size());
  if (unmet.empty()) {
    out->push_back(expectations.size() == 1
                       ? "The scenario's expectation was met."
                       : "All " + n + " of the scenario's expectations were met.");
    return;
  }
  out->push_back(std::to_string(expectations.size() - unmet.size()) + " of " + n +
                 " expectations were met; not met: " + Joined(unmet) + ".");
}

void SizingSentences(const SizingTable& t, std::vector<std::string>* out) {
  const SizingLinkRow* busiest = nullptr;
  std::vector<std::string> too_small;
  for (const SizingLinkRow& l : t.links) {
    if (busiest == nullptr || l.required_bps > busiest->required_bps) busiest = &l;
    if (!l.fits) too_small.push_back(l.link + " (" + Bandwidth(l.bandwidth_bps) + ")");
  }
  if (busiest != nullptr && busiest->peak_bps) {
    out->push_back(
        "The busiest link, " + busiest->link + ", peaks at " + Bandwidth(*busiest->peak_bps) +
        " and needs " + Bandwidth(busiest->required_bps) + " with " + Percent(t.wan_headroom, 0) +
        " headroom: " + std::to_string(busiest->circuits) + " x " +
        Bandwidth(busiest->circuit_bps) + " circuits (N+1). " +
        (too_small.empty() ? std::string("Every link fits its nominal bandwidth.")
                           : "Too small for the required bandwidth: " + Joined(too_small) + "."));
  }
  std::vector<std::string> caches, unsized, nodes;
  std::optional<double> common;
  bool all_equal = true;
  for (const SizingSiteRow& s : t.sites) {
    if (s.engine_nodes) nodes.push_back(s.site + " " + Number(*s.engine_nodes));
    if (s.cache_source.empty()) continue;  // not an on-prem site
    if (!s.cache_bytes) {
      unsized.push_back(s.site);
      continue;
    }
    caches.push_back(s.site + " " + DecimalBytes(*s.cache_bytes));
    if (common && *common != *s.cache_bytes) all_equal = false;
    common = s.cache_bytes;
  }
  const std::string target = Percent(t.target_hit_ratio, 0);
  if (!caches.empty()) {
    out->push_back("For a " + target + " byte hit ratio " +
                   (all_equal && caches.size() > 1
                        ? "each on-prem site needs " + DecimalBytes(*common) + " of cache"
                        : "the on-prem caches need " + Joined(caches)) +
                   ".");
  }
  if (!unsized.empty()) {
    out->push_back("No cache size reaches a " + target + " byte hit ratio at " + Joined(unsized) +
                   " within the inputs.");
  }
  if (!nodes.empty()) out->push_back("Engine nodes needed (N+1): " + Joined(nodes) + ".");
  if (t.rpo_normal_p99_s || t.rpo_with_failures_p99_s) {
    std::vector<std::string> rpo;
    if (t.rpo_normal_p99_s) rpo.push_back(Latency(*t.rpo_normal_p99_s) + " in normal operation");
    if (t.rpo_with_failures_p99_s) {
      rpo.push_back(Latency(*t.rpo_with_failures_p99_s) + " under the scenario's failures");
    }
    out->push_back("RPO p99 is " + Joined(rpo) + ".");
  }
  out->push_back("Estimated monthly cost: " + Money(t.total_monthly, t.currency) + " (GCS egress " +
                 Money(t.egress_monthly, t.currency) + ", Interconnect ports " +
                 Money(t.ports_monthly, t.currency) + ", on-prem storage " +
                 Money(t.storage_monthly, t.currency) + "), at the price table's assumed prices.");
}

void SamplingSentence(const SamplingInfo& s, std::vector<std::string>* out) {
  if (s.rate >= 1) return;
  std::string text = "Sampled at " + Number(s.rate) +
                     ": read-miss latency, data replication lag and data RPO are stretched up "
                     "to " +
                     Number(s.data_plane_time_stretch) + "x";
  for (const SamplingInterval& i : s.intervals) {
    if (i.figure == "replication_lag_p99") {
      text += "; the replication lag p99 lies between " + Latency(i.low) + " and " +
              Latency(i.high) + " (95% interval)";
    }
  }
  const SeedSpread* widest = nullptr;
  for (const SeedSpread& spread : s.seed_spread) {
    if (widest == nullptr || spread.relative > widest->relative) widest = &spread;
  }
  if (widest != nullptr) {
    text += "; over " + std::to_string(widest->seeds) +
            " seeds the headline figures vary by at "
            "most " +
            Percent(widest->relative, 1) + " (" + widest->figure + ")";
  }
  out->push_back(text + ".");
}

void ComparisonSentence(const ComparisonSection& c, std::vector<std::string>* out) {
  const std::string n = std::to_string(c.modes.size());
  if (!c.recommended_mode) {
    out->push_back("None of the " + n +
                   " consistency modes compared met the scenario's expectations at an "
                   "availability of at least " +
                   Percent(c.availability_floor, 3) + ".");
    return;
  }
  for (const ModeRow& m : c.modes) {
    if (m.mode != *c.recommended_mode) continue;
    out->push_back("Of the " + n + " consistency modes compared, " + m.mode +
                   " is recommended: write latency p99 " +
                   (m.write_p99_s ? Latency(*m.write_p99_s) : std::string("n/a")) +
                   ", availability " + Percent(m.availability.value_or(0), 3) + ", stale reads " +
                   Percent(m.stale_read_rate.value_or(0)) + ".");
  }
}

void SweepSentences(const SweepSection& s, std::vector<std::string>* out) {
  std::vector<std::string> pointers;
  for (const SweptParameter& p : s.parameters)
    pointers.push_back(p.pointer);
  out->push_back("The sweep ran " + std::to_string(s.points) + " points over " + Joined(pointers) +
                 ": " + std::to_string(s.points_failed) + " failed to run, " +
                 std::to_string(s.points_failing_expectations) + " failed an expectation.");
  // The two figures that moved most relative to their largest value, if by 1% or more.
  auto spread = [](const SweepFigureRange* r) {
    return (*r->max - *r->min) / std::max(std::fabs(*r->max), std::fabs(*r->min));
  };
  std::vector<const SweepFigureRange*> moved;
  for (const SweepFigureRange& r : s.ranges) {
    if (r.min && r.max && *r.max != *r.min && spread(&r) >= 0.01) moved.push_back(&r);
  }
  std::stable_sort(moved.begin(), moved.end(),
                   [&](const auto* a, const auto* b) { return spread(a) > spread(b); });
  std::vector<std::string> ranges;
  for (size_t i = 0; i < moved.size() && i < 2; ++i) {
    const SweepFigureRange& r = *moved[i];
    ranges.push_back(r.figure + " from " + ResultFigure(r.figure, *r.min) + " (" + r.min_point +
                     ") to " + ResultFigure(r.figure, *r.max) + " (" + r.max_point + ")");
  }
  if (!ranges.empty()) out->push_back("Across the points, " + Joined(ranges) + ".");
}

}  // namespace

std::vector<std::string> ExecutiveSummary(const ReportModel& m) {
  std::vector<std::string> out;
  if (m.run) RunSentences(*m.run, &out);
  ExpectationSentence(m.expectations, &out);
  if (m.sizing) SizingSentences(*m.sizing, &out);
  if (m.run) SamplingSentence(m.run->sampling, &out);
  if (m.comparison) ComparisonSentence(*m.comparison, &out);
  if (m.sweep) SweepSentences(*m.sweep, &out);
  return out;
}

}  // namespace estate::reports

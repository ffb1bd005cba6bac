#include <algorithm>
#include <sstream>

#include "reports/compare/comparison_output.h"
#include "reports/compare/figure_text.h"

namespace estate::reports {
namespace {

std::string LatencyCell(const Percentiles& p, bool p99) {
  if (p.count == 0) return "n/a";
  return Latency(p99 ? p.p99_s : p.p50_s);
}

std::string ExpectationSummary(const ExpectationVerdicts& e) {
  return std::to_string(e.met) + " met, " + std::to_string(e.unmet.size()) + " not met, " +
         std::to_string(e.not_applicable.size()) + " n/a";
}

void SummaryTable(std::ostringstream& o, const ModeComparison& c) {
  o << "## Side by side\n\n"
       "| mode | expectations | availability | write p50 | write p99 | read p50 | read p99 | "
       "stale reads | lost updates | t-visibility at 100 ms | WAN | GCS egress | egress cost |\n"
       "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ModeFigures& m : c.modes) {
    if (!m.ok()) {
      o << "| " << m.mode << " | run failed (exit " << m.exit_code << ") | | | | | | | | | | | |\n";
      continue;
    }
    o << "| " << m.mode << " | " << ExpectationSummary(m.expectations) << " | "
      << Percent(m.availability, 3) << " | " << LatencyCell(m.write, false) << " | "
      << LatencyCell(m.write, true) << " | " << LatencyCell(m.read, false) << " | "
      << LatencyCell(m.read, true) << " | " << Percent(m.stale_read_rate) << " | " << m.conflicts
      << " | " << Probability(m.t_visibility.At(kRecommendationTMs)) << " | "
      << BinaryBytes(m.wan_bytes) << " | " << BinaryBytes(m.egress_bytes) << " | "
      << Money(m.egress_cost, c.egress_price.currency) << " |\n";
  }
  o << "\n";
}

void SiteTable(std::ostringstream& o, const ModeComparison& c) {
  o << "## Per site\n\nLatency p50 / p99 of the operations each site's clients issued, and the "
       "share of them answered (availability, the scenario's failures included).\n\n"
       "| mode | site | write p50 | write p99 | read p50 | read p99 | availability |\n"
       "|---|---|---|---|---|---|---|\n";
  for (const ModeFigures& m : c.modes) {
    for (const SiteFigures& s : m.sites) {
      o << "| " << m.mode << " | " << s.site << " | " << LatencyCell(s.write, false) << " | "
        << LatencyCell(s.write, true) << " | " << LatencyCell(s.read, false) << " | "
        << LatencyCell(s.read, true) << " | " << Percent(s.availability, 3) << " |\n";
    }
  }
  o << "\n";
}

void VisibilityTable(std::ostringstream& o, const ModeComparison& c) {
  const ModeFigures* first = nullptr;
  for (const ModeFigures& m : c.modes) {
    if (m.ok() && first == nullptr) first = &m;
  }
  if (first == nullptr) return;
  o << "## t-visibility\n\nThe probability that a read issued t after a write, at another "
       "site, sees it (PBS): measured as the share of (write, remote replica) pairs whose "
       "metadata was applied within t; 1 at every t for strong, whose reads are linearizable "
       "(derived from the mode, not measured).\n\n| mode | basis | pairs |";
  for (int64_t t : first->t_visibility.t_ms)
    o << " " << t << " ms |";
  o << "\n|---|---|---|";
  for (size_t i = 0; i < first->t_visibility.t_ms.size(); ++i)
    o << "---|";
  o << "\n";
  for (const ModeFigures& m : c.modes) {
    if (!m.ok()) continue;
    o << "| " << m.mode << " | " << m.t_visibility.basis << " | " << m.t_visibility.pairs << " |";
    for (const std::optional<double>& f : m.t_visibility.fraction)
      o << " " << Probability(f) << " |";
    o << "\n";
  }
  o << "\n";
}

void ExpectationList(std::ostringstream& o, const ModeComparison& c) {
  o << "## Expectations\n\nAn expectation on a metric a mode's result lacks (such as "
       "`write_latency.strong.p99` in an eventual run) does not apply to that mode.\n\n";
  for (const ModeFigures& m : c.modes) {
    if (!m.ok()) continue;
    o << "- **" << m.mode << "**: " << ExpectationSummary(m.expectations);
    for (const std::string& e : m.expectations.unmet)
      o << "; not met: `" << e << "`";
    o << "\n";
  }
  o << "\n";
}

// Text inside a table cell: a '|' would end the cell.
std::string Cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

void RunList(std::ostringstream& o, const ModeComparison& c) {
  o << "## Runs\n\n| mode | directory | exit | error |\n|---|---|---|---|\n";
  for (const ModeFigures& m : c.modes) {
    o << "| " << m.mode << " | " << Cell(m.run_dir) << " | " << m.exit_code << " | "
      << Cell(m.error) << " |\n";
  }
}

}  // namespace

std::string ComparisonMarkdown(const ModeComparison& c, const Recommendation& rec) {
  std::ostringstream o;
  o << "# Consistency modes compared: " << c.scenario << "\n\n";
  o << "Scenario `" << c.scenario_path << "`, " << Duration(c.duration_s)
    << " simulated per mode, every mount set to the mode. Availability floor "
    << Percent(c.availability_floor, 3) << ". GCS egress priced at " << c.egress_price.per_gib
    << " " << c.egress_price.currency << "/GiB (" << c.egress_price.source << ", "
    << c.egress_price.as_of << "). Lost updates are the conflicts last-writer-wins resolved: "
    << "acknowledged writes overwritten by writes that never saw them.";
  double stretch = 1;
  for (const ModeFigures& m : c.modes)
    stretch = std::max(stretch, m.data_plane_time_stretch);
  if (stretch > 1) {
    o << " The runs were sampled: read latencies of cache misses are stretched up to " << stretch
      << "x (docs/RUNNING.md, Sampling); write latencies are not.";
  }
  o << "\n\n";
  o << "## Recommendation\n\n" << rec.Paragraph() << "\n\n";
  SummaryTable(o, c);
  SiteTable(o, c);
  VisibilityTable(o, c);
  ExpectationList(o, c);
  RunList(o, c);
  return o.str();
}

}  // namespace estate::reports

#include <sstream>

#include "reports/compare/comparison_output.h"

namespace estate::reports {
namespace {

// The shortest text that reads back as the same double, as in comparison.json.
std::string Number(double v) {
  return nlohmann::json(v).dump();
}

class CsvRows {
 public:
  explicit CsvRows(std::ostringstream& out) : out_(out) {}
  void Row(const std::string& mode, const std::string& site, const std::string& figure,
           const std::string& value, const std::string& unit) {
    out_ << mode << ',' << site << ',' << figure << ',' << value << ',' << unit << '\n';
  }
  // p50 and p99 of one latency; empty values when the run had no such operation.
  void Latency(const std::string& mode, const std::string& site, const std::string& op,
               const Percentiles& p) {
    Row(mode, site, op + "_p50", p.count == 0 ? "" : Number(p.p50_s), "s");
    Row(mode, site, op + "_p99", p.count == 0 ? "" : Number(p.p99_s), "s");
  }

 private:
  std::ostringstream& out_;
};

}  // namespace

std::string ComparisonCsv(const ModeComparison& c) {
  std::ostringstream o;
  o << "mode,site,figure,value,unit\n";
  CsvRows rows(o);
  for (const ModeFigures& m : c.modes) {
    rows.Row(m.mode, "all", "exit_code", std::to_string(m.exit_code), "code");
    if (!m.ok()) continue;
    rows.Row(m.mode, "all", "availability", Number(m.availability), "ratio");
    rows.Latency(m.mode, "all", "read", m.read);
    rows.Latency(m.mode, "all", "write", m.write);
    rows.Row(m.mode, "all", "stale_read_rate", Number(m.stale_read_rate), "ratio");
    rows.Row(m.mode, "all", "stale_reads", std::to_string(m.stale_reads), "count");
    rows.Row(m.mode, "all", "lost_updates", std::to_string(m.conflicts), "count");
    for (size_t i = 0; i < m.t_visibility.t_ms.size(); ++i) {
      const std::optional<double>& f = m.t_visibility.fraction[i];
      rows.Row(m.mode, "all", "t_visibility_" + std::to_string(m.t_visibility.t_ms[i]) + "ms",
               f ? Number(*f) : "", "probability");
    }
    rows.Row(m.mode, "all", "wan_bytes", Number(m.wan_bytes), "bytes");
    rows.Row(m.mode, "all", "egress_bytes", Number(m.egress_bytes), "bytes");
    rows.Row(m.mode, "all", "egress_cost", Number(m.egress_cost), c.egress_price.currency);
    for (const SiteFigures& s : m.sites) {
      rows.Row(m.mode, s.site, "availability", Number(s.availability), "ratio");
      rows.Latency(m.mode, s.site, "read", s.read);
      rows.Latency(m.mode, s.site, "write", s.write);
    }
  }
  return o.str();
}

}  // namespace estate::reports

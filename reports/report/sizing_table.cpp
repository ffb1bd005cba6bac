#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"
#include "reports/sizing/analytical_sizing.h"
#include "reports/sizing/size_report.h"

namespace estate::reports {
namespace {

constexpr const char* kEgressPrice = "gcs_egress_per_gib_interconnect";
constexpr const char* kPortPricePrefix = "interconnect_port_";

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<SizingTable> ReadSizingTable(const nlohmann::json& sizing, const std::string& origin) {
  JsonFields f(sizing, origin);
  SizingTable t;
  t.origin = origin;
  t.scenario = f.Text("/scenario");
  t.target_hit_ratio = f.Number("/target_hit_ratio");
  t.wan_headroom = f.Number("/wan_headroom");
  for (const auto& [id, link] : f.Object("/wan").items()) {
    const std::string at = "/wan/" + PointerToken(id);
    SizingLinkRow row;
    row.link = id;
    row.peak_bps = f.OptionalNumber(at + "/peak_bps/value");
    row.peak_source = f.Text(at + "/peak_bps/source");
    row.required_bps = f.Number(at + "/required_bps");
    row.bandwidth_bps = f.Number(at + "/bandwidth_bps");
    row.fits = f.Bool(at + "/fits");
    row.circuits = static_cast<int>(f.Count(at + "/circuits/count"));
    row.circuit_bps = f.Number(at + "/circuits/circuit_bps");
    row.ports_monthly = f.Number(at + "/circuits/monthly");
    t.links.push_back(std::move(row));
  }
  for (const auto& [id, site] : f.Object("/sites").items()) {
    const std::string at = "/sites/" + PointerToken(id);
    SizingSiteRow row;
    row.site = id;
    if (f.Find(at + "/cache_bytes") != nullptr) {
      row.cache_bytes = f.OptionalNumber(at + "/cache_bytes/value");
      row.cache_source = f.Text(at + "/cache_bytes/source");
      row.cache_note = f.OptionalText(at + "/cache_bytes/note").value_or("");
    }
    row.engine_nodes = f.OptionalNumber(at + "/engine_nodes/value");
    t.sites.push_back(std::move(row));
  }
  t.rpo_normal_p99_s = f.OptionalNumber("/rpo/normal_p99/value");
  t.rpo_with_failures_p99_s = f.OptionalNumber("/rpo/with_failures_p99/value");
  t.currency = f.Text("/cost/currency");
  t.egress_bytes_per_month = f.OptionalNumber("/cost/egress/value");
  t.total_monthly = f.Number("/cost/monthly_total");
  t.price_assumptions = f.Text("/cost/assumptions");
  // Cost lines by the price they use: egress, circuit ports, and on-prem storage (the rest).
  const nlohmann::json& lines = f.Array("/cost/lines");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string at = "/cost/lines/" + std::to_string(i);
    const std::string price = f.Text(at + "/price");
    const double monthly = f.Number(at + "/monthly");
    if (price == kEgressPrice) {
      t.egress_monthly += monthly;
    } else if (StartsWith(price, kPortPricePrefix)) {
      t.ports_monthly += monthly;
    } else {
      t.storage_monthly += monthly;
    }
  }
  if (!f.ok()) return f.status();
  return t;
}

Result<nlohmann::json> DeriveSizing(const Scenario& scenario, const PriceTable& prices,
                                    const JsonInput& result) {
  Result<AnalyticalSizing> analytical = AnalyseScenario(scenario);
  if (!analytical.ok()) {
    return Status::Invalid(result.path +
                           ": cannot size the scenario: " + analytical.status().message());
  }
  SizingInputs in;
  in.scenario = &scenario;
  in.analytical = &*analytical;
  in.prices = &prices;
  in.prices_origin = scenario.prices;
  // One run stands for both estate size runs: its RPO "with failures" is the run's own, and
  // its "normal" figures include whatever failures the scenario has.
  in.normal = result.doc;
  in.with_failures = result.doc;
  // SizeReport trusts its input's types; ReadRunOverview checked the fields it reads, and a
  // field it did not check must not take the command down.
  try {
    Result<nlohmann::json> report = SizeReport(in);
    if (!report.ok()) {
      return Status::Invalid(result.path + ": cannot size the run: " + report.status().message());
    }
    return report;
  } catch (const nlohmann::json::exception& e) {
    return Status::Invalid(result.path + ": cannot size the run: " + e.what());
  }
}

}  // namespace estate::reports

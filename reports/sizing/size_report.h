// SizeReport: `estate size`'s recommendations. Each figure sets the simulated value (from the
// runs' result.json, with its spread over seeds) beside the analytical one (from the scenario
// alone), says which it comes from and how far the two disagree, and turns them into what to
// buy: WAN circuits, cache, engine nodes, and their monthly cost. docs/SIZING.md describes
// the fields.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/cost/price_table.h"
#include "reports/sizing/analytical_sizing.h"
#include "sim/scenario/scenario.h"

namespace estate::reports {

struct SizingInputs {
  const Scenario* scenario = nullptr;
  // result.json of the run without the scenario's failures, and of the run with them (the
  // same document when the scenario has none). Either may be null (JSON null) when there
  // was no simulation; figures are then analytical only.
  nlohmann::json normal;
  nlohmann::json with_failures;
  const AnalyticalSizing* analytical = nullptr;
  const PriceTable* prices = nullptr;
  std::string prices_origin;  // the price table's path, for the report
};

// Errors: a price the cost model needs is missing from the table.
Result<nlohmann::json> SizeReport(const SizingInputs& in);

// The report as Markdown, for people.
std::string SizeReportMarkdown(const nlohmann::json& report);

}  // namespace estate::reports

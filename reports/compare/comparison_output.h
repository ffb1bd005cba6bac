// The files `estate compare` writes (docs/COMPARE.md): comparison.json for pipelines,
// comparison.md for people, comparison.csv for spreadsheets. Pure functions of the figures.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reports/compare/mode_comparison.h"
#include "reports/compare/recommendation.h"

namespace estate::reports {

nlohmann::json ComparisonJson(const ModeComparison& comparison, const Recommendation& rec);
std::string ComparisonMarkdown(const ModeComparison& comparison, const Recommendation& rec);
// One row per figure: mode,site,figure,value,unit ("all" for figures over every site).
std::string ComparisonCsv(const ModeComparison& comparison);

}  // namespace estate::reports

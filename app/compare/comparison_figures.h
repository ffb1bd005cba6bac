// comparison.json (docs/COMPARE.md, "The files") as rows of figures by mode, for the compare
// view's table and charts. Values are taken as written; a figure a mode has no value for
// (a failed run, a latency with no operation) is std::nullopt.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/results/figure_format.h"

namespace estate::studio {

struct ComparisonRow {
  std::string key;  // "write_p99", "availability", ...
  QString figure;   // "Write latency p99"
  FigureUnit unit;
  std::vector<std::optional<double>> values;  // one per mode of Modes()
};

// The modes compared, in the order asked ("order").
std::vector<std::string> ComparedModes(const nlohmann::json& comparison);

// Availability, read and write latency p50/p99 (s), stale-read rate, lost updates,
// t-visibility at 100 ms, WAN bytes, GCS egress bytes, egress cost.
std::vector<ComparisonRow> ComparisonRows(const nlohmann::json& comparison);

// t-visibility of `mode` as (t in ms, probability) for t > 0 (the chart's t axis is
// logarithmic); empty when not measured.
std::vector<std::pair<double, double>> TVisibilityCurve(const nlohmann::json& comparison,
                                                        const std::string& mode);

}  // namespace estate::studio

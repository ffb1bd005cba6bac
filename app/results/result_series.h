// The numbers each dashboard chart plots, taken from a run's outputs without any change but
// a unit: latencies in ms (x 1e3), times in minutes or hours, cache sizes in TB (/ 1e12).
// Kept apart from the charts so that what is plotted is plain data.
#pragma once

#include <QPointF>
#include <QString>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/results/timeseries_table.h"

namespace estate::studio {

// A latency block of result.json ({count, min, p50, p90, p99, p99_9, max}, seconds) as CDF
// points (latency ms, cumulative fraction): (min, 0), (p50, 0.5), (p90, 0.9), (p99, 0.99),
// (p99_9, 0.999), (max, 1). Empty when the block counted no operation.
std::vector<QPointF> LatencyCdfPoints(const nlohmann::json& stats);

// The consistency modes a latency block has children for ("strong", "eventual", ...), in
// result.json's order; by-site blocks also have "all".
std::vector<std::string> LatencyModes(const nlohmann::json& block);

// The unit a run's time axis uses: minutes up to 3 hours, hours beyond.
double TimeUnitSeconds(double duration_s);
QString TimeUnitName(double duration_s);

// One timeseries.csv column against time_s / time_unit_s; empty cells are left out.
std::vector<QPointF> TimeseriesPoints(const TimeseriesTable& table, const std::string& column,
                                      double time_unit_s);

// cache_sizing.<site>.curve ([[bytes, hit ratio], ...]) as (TB, hit ratio), positive sizes only
// (the chart's size axis is logarithmic).
std::vector<QPointF> MrcPoints(const nlohmann::json& curve);

}  // namespace estate::studio

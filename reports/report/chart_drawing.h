// DrawChart: lays a chart of the report model out as a Drawing: plot area, grid, axes with
// ticks and labels, shaded bands, marker lines, one polyline (line charts) or one set of bars
// (bar charts) per series, and a legend below. The title and caption are left to the page.
#pragma once

#include "reports/report/drawing.h"
#include "reports/report/report_model.h"

namespace estate::reports {

// Series colours, in order; the legend and both renderers use them.
const std::vector<std::string>& SeriesPalette();

Drawing DrawChart(const Chart& chart);

}  // namespace estate::reports

// The report's figures by id: "topology" for the topology diagram, a chart's id for a chart.
// HTML draws them inline as SVG; the PDF paints the same drawings into images it names with
// FigureImageName and references from the HTML it lays out.
#pragma once

#include <optional>
#include <string>

#include "reports/report/drawing.h"
#include "reports/report/report_model.h"

namespace estate::reports {

// The figure called `id`, laid out; nullopt when the model has none of that id.
std::optional<Drawing> DrawFigure(const ReportModel& model, const std::string& id);

// The chart called `id`, or nullptr (the topology is not a chart).
const Chart* FindChart(const ReportModel& model, const std::string& id);

// "figure-<id>.png": the image a figure becomes in HtmlFigures::kImageReferences.
std::string FigureImageName(const std::string& id);

// In HtmlFigures::kImageReferences the image carries the figure's title above the drawing, in
// a band this many pixels high that its height attribute includes: a page break can then never
// separate a title from its figure.
constexpr double kFigureTitleHeight = 26;

}  // namespace estate::reports

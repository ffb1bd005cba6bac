// The files `estate report` writes (docs/REPORTS.md), each a pure function of the model, each
// in its own source file: the same model always gives the same bytes.
#pragma once

#include <string>

#include "reports/report/report_model.h"

namespace estate::reports {

// report.json: the whole model, charts' data included (reports/report.schema.json).
std::string ReportJson(const ReportModel& model);

// report.csv: one row per scalar figure, "section,item,figure,value,unit"; chart data are in
// report.json only.
std::string ReportCsv(const ReportModel& model);

// report.md: the summary and the tables, for people and for a CI job summary
// ($GITHUB_STEP_SUMMARY); no charts.
std::string ReportMarkdown(const ReportModel& model);

// How report.html carries its figures.
enum class HtmlFigures {
  kInlineSvg,        // self-contained: each figure an inline <svg>
  kImageReferences,  // <img src="figure-ID.png"> (FigureImageName), for renderers without SVG
};

// report.html: self-contained XHTML-compatible markup with the summary, tables and figures;
// every text is escaped, no external resource is referenced.
std::string ReportHtml(const ReportModel& model, HtmlFigures figures = HtmlFigures::kInlineSvg);

}  // namespace estate::reports

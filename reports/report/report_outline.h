// ReportOutline: the report as people read it: sections of paragraphs, lists, tables of
// formatted figures and figure slots, in reading order. The Markdown, HTML and PDF outputs all
// render this one outline, so their words and numbers agree; they differ only in markup and
// in whether they draw the figures.
#pragma once

#include <string>
#include <vector>

#include "reports/report/report_model.h"

namespace estate::reports {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Per row: "" or a verdict ("pass", "fail") that renderers may show in colour.
  std::vector<std::string> row_verdicts;
};

struct OutlineBlock {
  enum class Kind { kParagraph, kBullets, kNote, kTable, kFigure };
  Kind kind = Kind::kParagraph;
  std::string text;                // kParagraph, kNote
  std::vector<std::string> items;  // kBullets
  TextTable table;                 // kTable
  std::string figure_id;           // kFigure: "topology" or a chart's id
};

struct OutlineSection {
  std::string id;  // "summary", "sizing", ... (HTML anchors)
  std::string heading;
  std::vector<OutlineBlock> blocks;
};

std::vector<OutlineSection> ReportOutline(const ReportModel& model);

}  // namespace estate::reports

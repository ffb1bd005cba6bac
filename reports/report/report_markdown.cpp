#include <sstream>

#include "reports/report/report_figures.h"
#include "reports/report/report_outline.h"
#include "reports/report/report_output.h"

namespace estate::reports {
namespace {

// A table cell: pipes would end the cell and line breaks the row.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void WriteTable(std::ostringstream& o, const TextTable& t) {
  o << '|';
  for (const std::string& h : t.header)
    o << ' ' << Cell(h) << " |";
  o << "\n|";
  for (size_t i = 0; i < t.header.size(); ++i)
    o << "---|";
  o << '\n';
  for (const std::vector<std::string>& row : t.rows) {
    o << '|';
    for (const std::string& c : row)
      o << ' ' << Cell(c) << " |";
    o << '\n';
  }
  o << '\n';
}

}  // namespace

std::string ReportMarkdown(const ReportModel& m) {
  std::ostringstream o;
  o << "# " << m.title << "\n\n";
  for (const OutlineSection& s : ReportOutline(m)) {
    o << "## " << s.heading << "\n\n";
    std::vector<std::string> figures;
    for (const OutlineBlock& b : s.blocks) {
      switch (b.kind) {
        case OutlineBlock::Kind::kParagraph:
          o << b.text << "\n\n";
          break;
        case OutlineBlock::Kind::kNote:
          o << "> " << b.text << "\n\n";
          break;
        case OutlineBlock::Kind::kBullets:
          for (const std::string& item : b.items)
            o << "- " << item << '\n';
          o << '\n';
          break;
        case OutlineBlock::Kind::kTable:
          WriteTable(o, b.table);
          break;
        case OutlineBlock::Kind::kFigure:
          // Markdown carries no drawings: it names them, for report.html and report.pdf.
          if (const Chart* c = FindChart(m, b.figure_id)) {
            figures.push_back(c->title);
          } else {
            figures.push_back("Topology");
          }
          break;
      }
    }
    if (!figures.empty()) {
      o << "Figures in report.html and report.pdf:";
      for (size_t i = 0; i < figures.size(); ++i)
        o << (i == 0 ? " " : "; ") << figures[i];
      o << ".\n\n";
    }
  }
  std::string text = o.str();
  text.pop_back();  // one newline at the end, not two
  return text;
}

}  // namespace estate::reports

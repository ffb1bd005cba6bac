#include <algorithm>
#include <sstream>

#include "reports/report/report_figures.h"
#include "reports/report/report_outline.h"
#include "reports/report/report_output.h"
#include "reports/report/svg_writer.h"
#include "reports/report/xml_text.h"

namespace estate::reports {
namespace {

// Inline, so the page needs nothing from the network. Qt's rich text, which lays out the PDF,
// reads the same sheet and ignores what it does not know.
constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1f2328;
       max-width: 980px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
h1 { font-size: 26px; margin-bottom: 4px; }
h2 { font-size: 20px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 4px 0; }
table { border-collapse: collapse; margin: 10px 0 16px 0; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background-color: #f3f5f7; }
tr.fail td { background-color: #fde8e8; }
tr.pass td { background-color: #e9f7ec; }
p.note { border-left: 4px solid #d4a72c; background-color: #fff8e1; padding: 6px 10px; }
p.caption { color: #57606a; font-size: 12px; margin-top: 2px; }
p.toc { font-size: 13px; }
div.figure { margin: 12px 0 22px 0; }
p.image { line-height: 100%; }
)";

// Images fit the text width of an A4 page with 15 mm margins at 96 dpi (680 px).
constexpr double kImageWidth = 640;

class HtmlWriter {
 public:
  HtmlWriter(const ReportModel& m, HtmlFigures figures) : m_(m), figures_(figures) {}

  std::string Write() {
    const std::vector<OutlineSection> outline = ReportOutline(m_);
    o_ << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
          "<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"estate report\"/>\n"
          "<title>"
       << EscapeXml(m_.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    o_ << "<h1>" << EscapeXml(m_.title) << "</h1>\n";
    Contents(outline);
    for (size_t i = 0; i < outline.size(); ++i)
      Section(outline[i], i == 0);
    o_ << "</body>\n</html>\n";
    return o_.str();
  }

 private:
  void Contents(const std::vector<OutlineSection>& outline) {
    o_ << "<p class=\"toc\">";
    for (size_t i = 0; i < outline.size(); ++i) {
      o_ << (i == 0 ? "" : " | ") << "<a href=\"#" << EscapeXml(outline[i].id) << "\">"
         << EscapeXml(outline[i].heading) << "</a>";
    }
    o_ << "</p>\n";
  }

  void Section(const OutlineSection& s, bool first) {
    o_ << "<div class=\"section\" id=\"" << EscapeXml(s.id) << "\">\n<h2";
    // Each section starts a page when printed, and in the PDF.
    if (!first) o_ << " style=\"page-break-before: always\"";
    o_ << '>' << EscapeXml(s.heading) << "</h2>\n";
    for (const OutlineBlock& b : s.blocks)
      Block(b);
    o_ << "</div>\n";
  }

  void Block(const OutlineBlock& b) {
    switch (b.kind) {
      case OutlineBlock::Kind::kParagraph:
        o_ << "<p>" << EscapeXml(b.text) << "</p>\n";
        break;
      case OutlineBlock::Kind::kNote:
        o_ << "<p class=\"note\">" << EscapeXml(b.text) << "</p>\n";
        break;
      case OutlineBlock::Kind::kBullets:
        o_ << "<ul>\n";
        for (const std::string& item : b.items)
          o_ << "<li>" << EscapeXml(item) << "</li>\n";
        o_ << "</ul>\n";
        break;
      case OutlineBlock::Kind::kTable:
        Table(b.table);
        break;
      case OutlineBlock::Kind::kFigure:
        Figure(b.figure_id);
        break;
    }
  }

  void Table(const TextTable& t) {
    o_ << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>";
    for (const std::string& h : t.header)
      o_ << "<th>" << EscapeXml(h) << "</th>";
    o_ << "</tr>\n";
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const std::string verdict = r < t.row_verdicts.size() ? t.row_verdicts[r] : "";
      o_ << "<tr";
      if (!verdict.empty()) {
        // Qt's rich text does not apply "tr.fail td": the colour is repeated on the row.
        o_ << " class=\"" << EscapeXml(verdict) << "\" bgcolor=\""
           << (verdict == "fail" ? "#fde8e8" : "#e9f7ec") << "\"";
      }
      o_ << '>';
      for (const std::string& cell : t.rows[r])
        o_ << "<td>" << EscapeXml(cell) << "</td>";
      o_ << "</tr>\n";
    }
    o_ << "</table>\n";
  }

  void Figure(const std::string& id) {
    const std::optional<Drawing> d = DrawFigure(m_, id);
    if (!d) return;
    const Chart* chart = FindChart(m_, id);
    o_ << "<div class=\"figure\" id=\"figure-" << EscapeXml(id) << "\">\n";
    if (figures_ == HtmlFigures::kInlineSvg) {
      o_ << "<h3>" << EscapeXml(d->title) << "</h3>\n" << DrawingSvg(*d) << '\n';
    } else {
      const double scale = std::min(1.0, kImageWidth / d->width);
      // Qt sets a line 1.45 times as high as its content: not an image's line.
      o_ << "<p class=\"image\"><img src=\"" << EscapeXml(FigureImageName(id)) << "\" width=\""
         << static_cast<int>(d->width * scale + 0.5) << "\" height=\""
         << static_cast<int>(d->height * scale + kFigureTitleHeight + 0.5) << "\" alt=\""
         << EscapeXml(d->title) << "\"/></p>\n";
    }
    if (chart != nullptr && !chart->caption.empty()) {
      o_ << "<p class=\"caption\">" << EscapeXml(chart->caption) << "</p>\n";
    }
    o_ << "</div>\n";
  }

  const ReportModel& m_;
  HtmlFigures figures_;
  std::ostringstream o_;
};

}  // namespace

std::string ReportHtml(const ReportModel& m, HtmlFigures figures) {
  return HtmlWriter(m, figures).Write();
}

}  // namespace estate::reports

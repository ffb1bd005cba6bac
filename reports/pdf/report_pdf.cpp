#include "reports/pdf/report_pdf.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QScreen>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <cctype>
#include <map>

#include "reports/pdf/figure_object.h"
#include "reports/pdf/gui_application.h"
#include "reports/report/report_figures.h"
#include "reports/report/report_outline.h"
#include "reports/report/report_output.h"

namespace estate::reports {
namespace {

constexpr int kPrintDpi = 300;

// Every figure the outline shows, by the image name the HTML gives it.
std::map<std::string, Drawing> FigureDrawings(const ReportModel& m) {
  std::map<std::string, Drawing> drawings;
  for (const OutlineSection& s : ReportOutline(m)) {
    for (const OutlineBlock& b : s.blocks) {
      if (b.kind != OutlineBlock::Kind::kFigure) continue;
      if (std::optional<Drawing> d = DrawFigure(m, b.figure_id)) {
        drawings[FigureImageName(b.figure_id)] = std::move(*d);
      }
    }
  }
  return drawings;
}

// Qt stamps the PDF with the time it was made; the report has no time of its own, so the stamp
// becomes the epoch. Same length, so the file's cross-reference offsets stay right.
void FixCreationDate(std::string* pdf) {
  const std::string key = "/CreationDate (D:";
  const size_t at = pdf->find(key);
  if (at == std::string::npos) return;
  const size_t start = at + key.size();
  const size_t end = pdf->find(')', start);
  if (end == std::string::npos) return;
  const std::string epoch = "19700101000000";
  for (size_t i = start, k = 0; i < end && k < epoch.size(); ++i, ++k) {
    if (std::isdigit(static_cast<unsigned char>((*pdf)[i]))) (*pdf)[i] = epoch[k];
  }
}

// Space after the last line would spill onto a page of its own when the last section fills its
// page: drop the HTML's closing empty paragraph and the last block's bottom margin.
void TrimDocumentEnd(QTextDocument* doc) {
  while (doc->blockCount() > 1 && doc->lastBlock().text().isEmpty()) {
    QTextCursor cursor(doc->lastBlock());
    cursor.deletePreviousChar();
  }
  QTextCursor last(doc->lastBlock());
  QTextBlockFormat format = last.blockFormat();
  format.setBottomMargin(0);
  last.setBlockFormat(format);
}

}  // namespace

Result<PdfDocument> ReportPdf(const ReportModel& m) {
  EnsureGuiApplication();
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QPdfWriter pdf(&buffer);
  pdf.setPageSize(QPageSize(QPageSize::A4));
  pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
  pdf.setResolution(kPrintDpi);
  pdf.setTitle(QString::fromStdString(m.title));
  pdf.setCreator("estate report");

  QTextDocument doc;
  doc.setDocumentMargin(0);  // the page margins are QPdfWriter's
  QFont font("DejaVu Sans");
  font.setPointSizeF(9);
  doc.setDefaultFont(font);
  doc.setHtml(QString::fromStdString(ReportHtml(m, HtmlFigures::kImageReferences)));
  FigureObjects figures(FigureDrawings(m));
  figures.Install(&doc);
  TrimDocumentEnd(&doc);
  // A paginated document is printed as laid out, scaled from the screen's resolution to the
  // printer's: its page is the printable area in screen pixels.
  const double screen_dpi = QGuiApplication::primaryScreen()->logicalDotsPerInchY();
  const QRectF body = pdf.pageLayout().paintRectPixels(kPrintDpi);
  doc.setPageSize(
      QSizeF(body.width() * screen_dpi / kPrintDpi, body.height() * screen_dpi / kPrintDpi));
  PdfDocument out;
  out.pages = doc.pageCount();
  doc.print(&pdf);
  buffer.close();
  out.bytes = buffer.data().toStdString();
  FixCreationDate(&out.bytes);
  if (out.bytes.empty()) return Status::Internal("Qt wrote no PDF");
  return out;
}

}  // namespace estate::reports

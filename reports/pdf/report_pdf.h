// report.pdf: the report laid out by Qt. The page is the HTML outline (report_output.h, with
// image references instead of inline SVG) typeset by QTextDocument on A4 pages, each section
// starting a page; every figure is the same Drawing the HTML's SVG comes from, painted with
// QPainter as vectors and text (figure_object.h). Works headless (gui_application.h).
#pragma once

#include <string>

#include "engine/result.h"
#include "reports/report/report_model.h"

namespace estate::reports {

struct PdfDocument {
  std::string bytes;  // the PDF file
  int pages = 0;
};

// The same model gives the same bytes: the creation date and document id Qt would take from
// the clock and a random source are fixed. Errors are Internal (Qt could not write the PDF).
// REQUIRES: the main thread (it creates a QGuiApplication when there is none).
Result<PdfDocument> ReportPdf(const ReportModel& model);

}  // namespace estate::reports

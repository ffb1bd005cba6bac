// report.pdf rendered back to pictures with poppler's pdftoppm, as a reader would see it: the
// page count is the one Qt laid out (every section starts a page), no page is blank, the
// charts are drawn in their series' colours, and the same report gives the same bytes.
#include "reports/pdf/report_pdf.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "reports/report/chart_drawing.h"
#include "reports/report/report_builder.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_outline.h"
#include "tests/support/cli_runner.h"
#include "tests/support/report_fixture.h"
#include "tests/support/source_path.h"

namespace estate::reports {
namespace {

namespace fs = std::filesystem;

// The command's standard output.
std::string Output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
    out.append(buf, n);
  pclose(pipe);
  return out;
}

int PdfinfoPages(const std::string& pdf) {
  const std::string info = Output("pdfinfo '" + pdf + "'");
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) return -1;
  return std::stoi(m[1]);
}

// pdftoppm's PNG pages, in page order.
std::vector<QImage> RenderPages(const std::string& pdf, const std::string& dir) {
  const std::string cmd = "pdftoppm -png -r 60 '" + pdf + "' '" + dir + "/page'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::vector<std::string> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".png") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<QImage> pages;
  for (const std::string& f : files)
    pages.emplace_back(QString::fromStdString(f));
  return pages;
}

double InkShare(const QImage& page) {
  size_t ink = 0;
  for (int y = 0; y < page.height(); ++y) {
    for (int x = 0; x < page.width(); ++x)
      ink += page.pixelColor(x, y).lightness() < 240;
  }
  return static_cast<double>(ink) / (static_cast<double>(page.width()) * page.height());
}

bool HasColourNear(const QImage& page, const QColor& c) {
  for (int y = 0; y < page.height(); ++y) {
    for (int x = 0; x < page.width(); ++x) {
      const QColor p = page.pixelColor(x, y);
      if (std::abs(p.red() - c.red()) < 24 && std::abs(p.green() - c.green()) < 24 &&
          std::abs(p.blue() - c.blue()) < 24) {
        return true;
      }
    }
  }
  return false;
}

std::string Written(const std::string& name, const PdfDocument& pdf) {
  const std::string dir = testing::FreshDirectory(name);
  testing::WriteTextFile(dir + "/report.pdf", pdf.bytes);
  return dir;
}

TEST(ReportPdfTest, PagesAreAsLaidOutAndNoneIsBlank) {
  const ReportModel m = testing::FixtureReport("run");
  Result<PdfDocument> pdf = ReportPdf(m);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_EQ(pdf->bytes.rfind("%PDF-", 0), 0u);
  const std::string dir = Written("report-pdf", *pdf);
  // Every section of the outline starts a page; the charts take more than one.
  const size_t sections = ReportOutline(m).size();
  EXPECT_GT(pdf->pages, static_cast<int>(sections));
  EXPECT_EQ(PdfinfoPages(dir + "/report.pdf"), pdf->pages);
  const std::vector<QImage> pages = RenderPages(dir + "/report.pdf", dir);
  ASSERT_EQ(static_cast<int>(pages.size()), pdf->pages);
  for (size_t i = 0; i < pages.size(); ++i) {
    ASSERT_FALSE(pages[i].isNull()) << "page " << i + 1;
    // A4 at 60 dpi.
    EXPECT_EQ(pages[i].width(), 496) << "page " << i + 1;
    EXPECT_GT(InkShare(pages[i]), 0.003) << "page " << i + 1 << " is blank";
  }
  // The charts are painted: the first series' colour appears on some page.
  const QColor first(QString::fromStdString(SeriesPalette()[0]));
  EXPECT_TRUE(std::any_of(pages.begin(), pages.end(),
                          [&](const QImage& p) { return HasColourNear(p, first); }));
}

TEST(ReportPdfTest, TheSameReportGivesTheSameBytes) {
  const ReportModel m = testing::FixtureReport("run");
  Result<PdfDocument> a = ReportPdf(m);
  Result<PdfDocument> b = ReportPdf(m);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->bytes == b->bytes);
  // Qt's creation time is replaced by the epoch: the report has no time of its own.
  EXPECT_NE(a->bytes.find("/CreationDate (D:19700101000000"), std::string::npos);
}

TEST(ReportPdfTest, ComparisonAndSweepReportsRender) {
  for (const char* fixture : {"compare", "sweep", "sizing"}) {
    Result<PdfDocument> pdf = ReportPdf(testing::FixtureReport(fixture));
    ASSERT_TRUE(pdf.ok()) << fixture;
    const std::string dir = Written(std::string("report-pdf-") + fixture, *pdf);
    EXPECT_EQ(PdfinfoPages(dir + "/report.pdf"), pdf->pages) << fixture;
    const std::vector<QImage> pages = RenderPages(dir + "/report.pdf", dir);
    ASSERT_EQ(static_cast<int>(pages.size()), pdf->pages) << fixture;
    for (const QImage& page : pages)
      EXPECT_GT(InkShare(page), 0.003) << fixture;
  }
}

}  // namespace
}  // namespace estate::reports

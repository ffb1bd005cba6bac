// Export: the dashboard's charts as PNG and the report as HTML and PDF through
// `estate report`; a CLI without the report command is named as such.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include "app/export/report_exporter.h"
#include "app/run/run_controller.h"
#include "app/run/run_panel.h"
#include "app/window/main_window.h"
#include "tests/app/image_checks.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using testing::SourcePath;

TEST(ExportTest, WritesEachChartAsPngAndTheReportAsHtmlAndPdf) {
  testing::StudioTestApp();
  studio::MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(
      window.OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
          .ok());
  const std::string dir = testing::FreshDirectory("studio-export");
  EXPECT_FALSE(window.ExportResults(QString::fromStdString(dir)));  // nothing run yet
  EXPECT_TRUE(window.last_error().startsWith("Run the scenario first"));

  window.run_panel()->SetDurationOverride("10min");
  QSignalSpy ran(window.run_panel()->controller(), &studio::RunController::finished);
  ASSERT_TRUE(window.run_panel()->StartRun());
  ASSERT_TRUE(ran.wait(60000));

  QSignalSpy exported(&window, &studio::MainWindow::exportFinished);
  ASSERT_TRUE(window.ExportResults(QString::fromStdString(dir)));
  ASSERT_TRUE(exported.wait(60000));
  const QStringList written = exported[0][0].toStringList();
  ASSERT_EQ(exported[0][1].toString(), QString()) << exported[0][1].toString().toStdString();
  for (const char* chart : {"latency-cdf", "replication-lag", "link-bandwidth", "hit-ratio",
                            "cache-mrc", "sizing", "expectations"}) {
    const QString png = QString::fromStdString(dir + "/charts/" + chart + ".png");
    ASSERT_TRUE(written.contains(png)) << chart;
    const testing::ImageContent content = testing::MeasureImage(QImage(png));
    EXPECT_GT(content.distinct_colours, 20) << chart;
    EXPECT_GT(content.non_background_share, 0.02) << chart;
  }
  EXPECT_TRUE(written.contains(QString::fromStdString(dir + "/report.html")));
  const std::string html = testing::ReadFileOrEmpty(dir + "/report.html");
  EXPECT_NE(html.find("retail-gcp-two-site"), std::string::npos);
  EXPECT_EQ(testing::ReadFileOrEmpty(dir + "/report.pdf").substr(0, 5), "%PDF-");
}

TEST(ExportTest, ACliWithoutTheReportCommandIsNamedAsSuch) {
  testing::StudioTestApp();
  // An estate from before `estate report`: CLI11's answer to an unknown subcommand.
  const std::string dir = testing::FreshDirectory("studio-export-old-cli");
  const std::string fake = dir + "/estate";
  testing::WriteTextFile(fake,
                         "#!/bin/sh\necho 'A subcommand is required' >&2\necho 'Run with --help "
                         "for more information.' >&2\nexit 106\n");
  QFile::setPermissions(QString::fromStdString(fake), QFile::ReadOwner | QFile::ExeOwner);
  studio::ReportExporter exporter(QString::fromStdString(fake));
  QSignalSpy finished(&exporter, &studio::ReportExporter::finished);
  exporter.Export(QString::fromStdString(dir), QString::fromStdString(dir + "/out"));
  ASSERT_TRUE(finished.wait(10000));
  EXPECT_TRUE(finished[0][0].toStringList().isEmpty());
  EXPECT_EQ(finished[0][1].toString().toStdString(),
            fake +
                " has no working `report` command, so no HTML or PDF report was written "
                "(exit 106: A subcommand is required\nRun with --help for more "
                "information.). The charts were exported as PNG.");
}

}  // namespace
}  // namespace estate

// The app in a real X window: under Xvfb (ctest's StudioScreenshotsUnderXvfb runs this binary
// through xvfb-run with QT_QPA_PLATFORM=xcb), screenshots of the editor, the results dashboard,
// the what-if overlay and the compare view, taken from the X server, must show something. Elsewhere
// (offscreen) the test is skipped. The images go to $ESTATE_SCREENSHOT_DIR (docs/screenshots/ holds
// a copy).
#include <gtest/gtest.h>

#include <QDir>
#include <QDoubleSpinBox>
#include <QGuiApplication>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include "app/compare/compare_view.h"
#include "app/editor/array_editor.h"
#include "app/editor/scenario_editor.h"
#include "app/run/cli_process.h"
#include "app/run/run_controller.h"
#include "app/run/run_panel.h"
#include "app/topology/topology_view.h"
#include "app/whatif/what_if_panel.h"
#include "app/window/main_window.h"
#include "tests/app/image_checks.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

// Grabs the window from the X server, as a user sees it, saves it and measures it.
testing::ImageContent Screenshot(studio::MainWindow& window, const QString& dir,
                                 const QString& name) {
  QTest::qWait(300);  // let the window system paint what the last events changed
  const QPixmap shot = window.screen()->grabWindow(window.winId());
  EXPECT_TRUE(shot.save(QDir(dir).filePath(name), "PNG")) << name.toStdString();
  return testing::MeasureImage(shot.toImage());
}

void ExpectNotBlank(const testing::ImageContent& c, const char* what) {
  // A blank or uniformly filled window has a handful of colours; charts and forms have
  // hundreds (antialiased text and lines).
  EXPECT_GT(c.distinct_colours, 100) << what;
  EXPECT_GT(c.non_background_share, 0.05) << what;
}

TEST(XvfbScreenshotsTest, EditorDashboardAndCompareViewAreDrawnInARealWindow) {
  testing::StudioTestApp();
  if (QGuiApplication::platformName() != "xcb") {
    GTEST_SKIP() << "needs an X server (runs under xvfb-run as StudioScreenshotsUnderXvfb)";
  }
  const QString dir = qEnvironmentVariableIsEmpty("ESTATE_SCREENSHOT_DIR")
                          ? QString::fromStdString(testing::FreshDirectory("studio-screenshots"))
                          : qEnvironmentVariable("ESTATE_SCREENSHOT_DIR");
  ASSERT_TRUE(QDir().mkpath(dir));

  studio::MainWindow window;
  window.resize(1280, 760);
  window.move(0, 0);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window
                  .OpenFile(QString::fromStdString(
                      testing::SourcePath("scenarios/retail-gcp-two-site.json")))
                  .ok());

  // The editor: the topology with the site-a to site-b link selected and its form.
  window.topology()->SelectPointer("/links/2");
  window.editor()->Reveal("/links/2/bandwidth");
  window.topology()->FitAll();
  ExpectNotBlank(Screenshot(window, dir, "editor.png"), "editor");

  // The dashboard of a ten-minute run.
  window.run_panel()->SetDurationOverride("10min");
  QSignalSpy ran(window.run_panel()->controller(), &studio::RunController::finished);
  ASSERT_TRUE(window.run_panel()->StartRun());
  ASSERT_TRUE(ran.wait(60000));
  ASSERT_EQ(window.pages()->currentWidget(), reinterpret_cast<QWidget*>(window.dashboard()));
  ExpectNotBlank(Screenshot(window, dir, "dashboard.png"), "dashboard");

  // What-if: the gcp-site-b interconnect cut to 5 Gb/s, overlaid on the run as it was.
  window.pages()->setCurrentWidget(window.what_if());
  window.what_if()->SetDuration("10min");
  QSignalSpy what_if(window.what_if()->controller(), &studio::RunController::finished);
  ASSERT_TRUE(window.what_if()->RerunNow());
  ASSERT_TRUE(what_if.wait(60000));
  qobject_cast<QDoubleSpinBox*>(window.what_if()->knob("bandwidth:gcp-site-b"))->setValue(5);
  ASSERT_TRUE(window.what_if()->RerunNow());
  ASSERT_TRUE(what_if.wait(60000));
  ExpectNotBlank(Screenshot(window, dir, "what-if.png"), "what-if");

  // The compare view, every mode for ten minutes.
  window.pages()->setCurrentWidget(window.compare());
  window.compare()->SetDuration("10min");
  QSignalSpy compared(window.compare()->process(), &studio::CliProcess::finished);
  ASSERT_TRUE(window.compare()->StartCompare());
  ASSERT_TRUE(compared.wait(120000));
  ASSERT_FALSE(window.compare()->comparison().is_null()) << window.last_error().toStdString();
  ExpectNotBlank(Screenshot(window, dir, "compare.png"), "compare view");
}

}  // namespace
}  // namespace estate

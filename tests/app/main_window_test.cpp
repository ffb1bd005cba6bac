// Desktop behaviour of the main window: the unsaved marker, recent files, dropping a file,
// persistent geometry, the About dialog and the keyboard shortcuts.
#include "app/window/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDropEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QTabWidget>
#include <QUrl>

#include "app/document/recent_files.h"
#include "app/document/scenario_document.h"
#include "app/window/about_dialog.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using studio::MainWindow;
using testing::SourcePath;

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::StudioTestApp();
    QSettings().clear();
  }
  static QString DefaultScenario() {
    return QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json"));
  }
  static QAction* ActionWithShortcut(MainWindow& w, const QKeySequence& keys) {
    for (QAction* a : w.findChildren<QAction*>()) {
      if (a->shortcut() == keys) return a;
    }
    return nullptr;
  }
};

TEST_F(MainWindowTest, TheTitleMarksUnsavedChanges) {
  MainWindow window;
  ASSERT_TRUE(window.OpenFile(DefaultScenario()).ok());
  EXPECT_EQ(window.windowTitle(), "retail-gcp-two-site.json[*] - Estate Studio");
  EXPECT_FALSE(window.isWindowModified());
  window.document()->Set("/seed", 3, nullptr);
  EXPECT_TRUE(window.isWindowModified());
}

TEST_F(MainWindowTest, OpenedFilesAreRememberedNewestFirst) {
  {
    MainWindow window;
    ASSERT_TRUE(window.OpenFile(DefaultScenario()).ok());
    ASSERT_TRUE(
        window.OpenFile(QString::fromStdString(SourcePath("scenarios/dr-site-loss.json"))).ok());
  }
  const studio::RecentFiles recent;  // read back from the settings
  ASSERT_EQ(recent.paths().size(), 2);
  EXPECT_TRUE(recent.paths()[0].endsWith("/scenarios/dr-site-loss.json"));
  EXPECT_TRUE(recent.paths()[1].endsWith("/scenarios/retail-gcp-two-site.json"));
}

TEST_F(MainWindowTest, AFileThatCannotBeOpenedIsReportedAndForgotten) {
  MainWindow window;
  studio::RecentFiles().Add("/nonexistent/gone.json");
  EXPECT_FALSE(window.OpenFile("/nonexistent/gone.json").ok());
  EXPECT_EQ(window.last_error(), "/nonexistent/gone.json: cannot read: No such file or directory");
  EXPECT_TRUE(studio::RecentFiles().paths().isEmpty());
  EXPECT_EQ(window.document()->DisplayName(), "untitled.json");
}

TEST_F(MainWindowTest, DroppingAJsonFileOpensIt) {
  MainWindow window;
  window.show();
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(DefaultScenario())});
  // Qt delivers a drop to the widget that accepted the drag's entry.
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(&window, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(&window, &drop);
  EXPECT_TRUE(drop.isAccepted());
  EXPECT_EQ(window.document()->DisplayName(), "retail-gcp-two-site.json");
}

TEST_F(MainWindowTest, WindowGeometryPersistsAcrossSessions) {
  {
    MainWindow window;
    window.show();
    window.resize(900, 640);
    ASSERT_TRUE(window.close());
  }
  MainWindow again;
  EXPECT_EQ(again.size(), QSize(900, 640));
}

TEST_F(MainWindowTest, AboutNamesTheVersionQtAndTheCli) {
  const studio::AboutDialog about(ESTATE_CLI_PATH);
  const QString text = about.findChild<QLabel*>("aboutText")->text();
  EXPECT_TRUE(text.contains("estate-studio 0.1.0 (Qt " + QString(qVersion()) + ")"))
      << text.toStdString();
  EXPECT_TRUE(text.contains(ESTATE_CLI_PATH));
}

TEST_F(MainWindowTest, ShortcutsReachEveryPageAndTheMainCommands) {
  MainWindow window;
  for (const QKeySequence& keys :
       {QKeySequence(QKeySequence::New), QKeySequence(QKeySequence::Open),
        QKeySequence(QKeySequence::Save), QKeySequence(QKeySequence::SaveAs),
        QKeySequence(Qt::Key_F5), QKeySequence(Qt::SHIFT | Qt::Key_F5),
        QKeySequence(Qt::CTRL | Qt::Key_E)}) {
    EXPECT_NE(ActionWithShortcut(window, keys), nullptr) << keys.toString().toStdString();
  }
  for (int i = 0; i < window.pages()->count(); ++i) {
    QAction* page = ActionWithShortcut(window, QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    ASSERT_NE(page, nullptr) << i;
    page->trigger();
    EXPECT_EQ(window.pages()->currentIndex(), i);
  }
  EXPECT_EQ(window.pages()->count(), 5);
}

}  // namespace
}  // namespace estate

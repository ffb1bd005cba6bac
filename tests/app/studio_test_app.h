// The QApplication the desktop app's tests share: offscreen unless a platform is set (the
// Xvfb test sets none and gets a real X window), and QSettings in a directory of this process
// alone, removed at exit: tests never touch a user's settings, and ctest runs the tests of one
// executable side by side, so one test's QSettings().clear() must not reach another's.
#pragma once

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace estate::testing {

inline QApplication& StudioTestApp() {
  static QApplication* app = [] {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir settings_dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir.path());
    static int argc = 1;
    static char name[] = "estate-studio-test";
    static char* argv[] = {name, nullptr};
    auto* a = new QApplication(argc, argv);
    QApplication::setOrganizationName("EstateTests");
    QApplication::setApplicationName("estate-studio-test");
    return a;
  }();
  return *app;
}

}  // namespace estate::testing

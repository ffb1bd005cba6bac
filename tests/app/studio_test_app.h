// The QApplication the desktop app's tests share: offscreen unless a platform is set (the
// Xvfb test sets none and gets a real X window), QSettings in Qt's test location so that
// tests never touch a user's settings.
#pragma once

#include <QApplication>
#include <QStandardPaths>

namespace estate::testing {

inline QApplication& StudioTestApp() {
  static QApplication* app = [] {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
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

#include "reports/pdf/gui_application.h"

#include <QGuiApplication>
#include <QHashSeed>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Qt's font database initialises fontconfig, which keeps its configuration for the life of the
// process (Qt never calls FcFini: it is unsafe while fonts may still be used). LeakSanitizer,
// in the sanitizer builds, would report that as a leak at exit and fail the command; this hook
// is read by LeakSanitizer only and does nothing in other builds. It lives in this file because
// every program that renders a PDF links it.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

// Without this, LeakSanitizer lists the suppression on stderr at every exit.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}

namespace estate::reports {

void EnsureGuiApplication() {
  if (QCoreApplication::instance() != nullptr) return;
  // Qt orders some of its output (the PDF's fonts) by hash: a random seed would make the same
  // report differ from run to run.
  QHashSeed::setDeterministicGlobalSeed();
  const bool display =
      std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr;
  if (std::getenv("QT_QPA_PLATFORM") == nullptr && !display) {
    setenv("QT_QPA_PLATFORM", "offscreen", /*overwrite=*/0);
  }
  if (std::string_view(std::getenv("QT_QPA_PLATFORM") ? std::getenv("QT_QPA_PLATFORM") : "") ==
      "offscreen") {
    // Headless, Qt warns about what a desktop would have (XDG_RUNTIME_DIR, window hints):
    // noise on a command line's stderr. Critical messages still get through.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
      if (type == QtCriticalMsg || type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
      }
    });
  }
  // QGuiApplication keeps references to argc and argv for its lifetime.
  static int argc = 1;
  static char name[] = "estate";
  static char* argv[] = {name, nullptr};
  static QGuiApplication* app = new QGuiApplication(argc, argv);
  (void)app;
}

}  // namespace estate::reports

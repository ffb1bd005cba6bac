// estate-studio [SCENARIO]: the desktop workbench (docs/STUDIO.md).
#include <QApplication>
#include <QCommandLineParser>

#include "app/window/about_dialog.h"
#include "app/window/main_window.h"

int main(int argc, char** argv) {
  // Fractional scale factors (150%) as the desktop sets them, not rounded to whole numbers.
  QApplication::setHighDpiScaleFactorRoundingPolicy(
      Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
  QApplication app(argc, argv);
  QApplication::setOrganizationName("Estate");
  QApplication::setApplicationName("estate-studio");
  QApplication::setApplicationVersion(estate::studio::AboutDialog::Version());

  QCommandLineParser options;
  options.setApplicationDescription(estate::studio::AboutDialog::VersionLine());
  options.addHelpOption();
  options.addVersionOption();
  options.addPositionalArgument("scenario", "Scenario JSON file to open");
  options.process(app);

  estate::studio::MainWindow window;
  window.show();
  if (!options.positionalArguments().isEmpty())
    window.OpenFile(options.positionalArguments().first());
  return QApplication::exec();
}

// Help > About: what the app is, its version, the Qt it runs on, and the CLI it drives.
#pragma once

#include <QDialog>

namespace estate::studio {

class AboutDialog : public QDialog {
  Q_OBJECT

 public:
  // `cli_path`: the estate binary runs use (empty when none was found).
  AboutDialog(const QString& cli_path, QWidget* parent = nullptr);

  // The project version, "0.1.0".
  static QString Version();
  // "estate-studio 0.1.0 (Qt 6.4.2)"
  static QString VersionLine();
};

}  // namespace estate::studio

#include "app/window/about_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace estate::studio {

QString AboutDialog::Version() {
  return QStringLiteral(ESTATE_STUDIO_VERSION);
}

QString AboutDialog::VersionLine() {
  return QStringLiteral("estate-studio %1 (Qt %2)").arg(Version(), qVersion());
}

AboutDialog::AboutDialog(const QString& cli_path, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About Estate Studio"));
  auto* text = new QLabel(this);
  text->setObjectName("aboutText");
  text->setTextFormat(Qt::RichText);
  text->setWordWrap(true);
  text->setText(
      tr("<h3>%1</h3>"
         "<p>The desktop workbench of Estate, a simulation and capacity-planning tool for "
         "hybrid cloud storage: GCS as the system of record, with on-prem sites under one "
         "namespace.</p>"
         "<p>Runs are simulated by the <tt>estate</tt> command line, in a child process:<br>"
         "<tt>%2</tt></p>")
          .arg(VersionLine().toHtmlEscaped(),
               cli_path.isEmpty() ? tr("(not found)") : cli_path.toHtmlEscaped()));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(text);
  layout->addWidget(buttons);
}

}  // namespace estate::studio

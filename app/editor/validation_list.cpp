#include "app/editor/validation_list.h"

namespace estate::studio {

ValidationList::ValidationList(ScenarioDocument* document, QWidget* parent)
    : QListWidget(parent), document_(document) {
  setObjectName("validationList");
  setToolTip(tr("Problems found by the scenario validator; double-click one to go to its field"));
  connect(document_, &ScenarioDocument::changed, this, &ValidationList::Show);
  connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const QVariant pointer = item->data(Qt::UserRole);
    if (pointer.isValid()) emit pointerActivated(pointer.toString().toStdString());
  });
  Show();
}

void ValidationList::Show() {
  clear();
  const ScenarioParse& parse = document_->validation();
  if (parse.ok()) {
    const Scenario& s = parse.scenario;
    auto* item = new QListWidgetItem(tr("Valid: %1 sites, %2 links, %3 mounts, %4 failures, %5 "
                                        "expectations")
                                         .arg(s.sites.size())
                                         .arg(s.links.size())
                                         .arg(s.mounts.size())
                                         .arg(s.failures.size())
                                         .arg(s.expectations.size()));
    item->setForeground(QColor(0x2e, 0x7d, 0x32));
    addItem(item);
    return;
  }
  if (!parse.json_error.empty()) addItem(QString::fromStdString(parse.json_error));
  for (const ScenarioError& e : parse.errors) {
    auto* item = new QListWidgetItem(QString::fromStdString(e.Format(parse.file)));
    item->setData(Qt::UserRole, QString::fromStdString(e.pointer));
    item->setForeground(QColor(0xc6, 0x28, 0x28));
    addItem(item);
  }
}

}  // namespace estate::studio

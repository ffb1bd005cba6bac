#include "app/results/expectations_table.h"

#include <QHeaderView>

namespace estate::studio {

ExpectationsTable::ExpectationsTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("expectationsTable");
  setColumnCount(3);
  setHorizontalHeaderLabels({tr("Expectation"), tr("Verdict"), tr("Measured")});
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  verticalHeader()->hide();
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
}

void ExpectationsTable::Show(const RunResult* current) {
  setRowCount(0);
  if (current == nullptr || !current->result.contains("expectations") ||
      !current->result["expectations"].is_array()) {
    return;
  }
  const nlohmann::json& list = current->result["expectations"];
  setRowCount(static_cast<int>(list.size()));
  for (size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& e = list[i];
    const int row = static_cast<int>(i);
    const bool pass = e.value("pass", false);
    setItem(row, 0,
            new QTableWidgetItem(QString::fromStdString(e.value("expectation", std::string()))));
    auto* verdict = new QTableWidgetItem(pass ? tr("PASS") : tr("FAIL"));
    verdict->setForeground(pass ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    QFont bold = verdict->font();
    bold.setBold(true);
    verdict->setFont(bold);
    setItem(row, 1, verdict);
    setItem(row, 2,
            new QTableWidgetItem(QString::fromStdString(e.value("message", std::string()))));
  }
}

}  // namespace estate::studio

// The scenario's expectations and each one's verdict in this run, from result.json's
// "expectations" (pass or fail, with the measured value in the CLI's words).
#pragma once

#include <QTableWidget>

#include "app/results/run_result.h"

namespace estate::studio {

class ExpectationsTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit ExpectationsTable(QWidget* parent = nullptr);
  void Show(const RunResult* current);
};

}  // namespace estate::studio

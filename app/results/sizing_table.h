// The sizing table: the figures an architect sizes a deployment by (peak and mean traffic per
// link, WAN peak and bytes, GCS egress, cache per site for the target hit ratio, replication
// lag and RPO, availability), for this run and, in a what-if, the previous run beside it.
#pragma once

#include <QTableWidget>
#include <optional>
#include <vector>

#include "app/results/figure_format.h"
#include "app/results/run_result.h"

namespace estate::studio {

struct SizingRow {
  QString figure;
  FigureUnit unit;
  std::optional<double> current;
  std::optional<double> previous;
};

// The rows for `current` (and `previous`, which may be null), in display order.
std::vector<SizingRow> SizingRows(const RunResult& current, const RunResult* previous);

class SizingTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit SizingTable(QWidget* parent = nullptr);
  void Show(const RunResult* current, const RunResult* previous);
};

}  // namespace estate::studio

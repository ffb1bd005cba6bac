#include "app/results/sizing_table.h"

#include <QHeaderView>
#include <string>
#include <vector>

namespace estate::studio {
namespace {

using nlohmann::json;

std::optional<double> At(const json& j, const std::vector<std::string>& path) {
  const json* node = &j;
  for (const std::string& key : path) {
    if (!node->is_object() || !node->contains(key)) return std::nullopt;
    node = &(*node)[key];
  }
  return node->is_number() ? std::optional<double>(node->get<double>()) : std::nullopt;
}

// A row: its label, its unit, and where result.json holds its figure.
struct RowSpec {
  QString figure;
  FigureUnit unit;
  std::vector<std::string> path;
};

// Rows follow the current run's links and sites.
std::vector<RowSpec> Specs(const json& r) {
  std::vector<RowSpec> specs;
  auto add = [&specs](const std::string& figure, FigureUnit unit, std::vector<std::string> path) {
    specs.push_back({QString::fromStdString(figure), unit, std::move(path)});
  };
  if (r.contains("links") && r["links"].is_object()) {
    for (const auto& [id, link] : r["links"].items()) {
      add(id + " peak", FigureUnit::kBitsPerSecond, {"links", id, "peak_bps"});
      add(id + " peak utilisation", FigureUnit::kRatio, {"links", id, "peak_utilisation"});
      add(id + " mean", FigureUnit::kBitsPerSecond, {"links", id, "mean_bps"});
    }
  }
  add("WAN peak", FigureUnit::kBitsPerSecond, {"wan_peak_bps"});
  add("WAN bytes", FigureUnit::kBytes, {"wan_bytes"});
  add("GCS egress", FigureUnit::kBytes, {"egress_bytes"});
  if (r.contains("cache") && r["cache"].is_object()) {
    for (const auto& [site, cache] : r["cache"].items()) {
      add(site + " hit ratio", FigureUnit::kRatio, {"cache", site, "hit_ratio"});
      add(site + " cache for target hit ratio", FigureUnit::kBytes,
          {"cache_sizing", site, "bytes_for_target"});
    }
  }
  add("Overall hit ratio", FigureUnit::kRatio, {"hit_ratio"});
  add("Replication lag p99", FigureUnit::kSeconds, {"replication_lag", "p99"});
  add("RPO p99", FigureUnit::kSeconds, {"rpo", "p99"});
  add("Data RPO p99", FigureUnit::kSeconds, {"data_rpo", "p99"});
  add("Write latency p99", FigureUnit::kSeconds, {"write_latency", "p99"});
  add("Read latency p99", FigureUnit::kSeconds, {"read_latency", "p99"});
  add("Availability", FigureUnit::kRatio, {"availability", "all"});
  add("Stale read rate", FigureUnit::kRatio, {"stale_reads", "rate"});
  return specs;
}

}  // namespace

std::vector<SizingRow> SizingRows(const RunResult& current, const RunResult* previous) {
  std::vector<SizingRow> rows;
  for (const RowSpec& spec : Specs(current.result)) {
    rows.push_back({spec.figure, spec.unit, At(current.result, spec.path),
                    previous != nullptr ? At(previous->result, spec.path) : std::nullopt});
  }
  return rows;
}

SizingTable::SizingTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("sizingTable");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  verticalHeader()->hide();
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
  setToolTip(
      tr("Figures to size the deployment by; \"cache for target hit ratio\" is empty "
         "when the run's miss-ratio curve never reaches the target"));
}

void SizingTable::Show(const RunResult* current, const RunResult* previous) {
  clear();
  const bool overlay = previous != nullptr;
  setColumnCount(overlay ? 3 : 2);
  setHorizontalHeaderLabels(overlay ? QStringList{tr("Figure"), tr("This run"), tr("Previous run")}
                                    : QStringList{tr("Figure"), tr("This run")});
  if (current == nullptr) {
    setRowCount(0);
    return;
  }
  const std::vector<SizingRow> rows = SizingRows(*current, previous);
  setRowCount(static_cast<int>(rows.size()));
  const auto text = [](const std::optional<double>& v, FigureUnit unit) {
    return v ? FormatFigure(*v, unit) : QStringLiteral("-");
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const int row = static_cast<int>(i);
    setItem(row, 0, new QTableWidgetItem(rows[i].figure));
    setItem(row, 1, new QTableWidgetItem(text(rows[i].current, rows[i].unit)));
    if (overlay) setItem(row, 2, new QTableWidgetItem(text(rows[i].previous, rows[i].unit)));
  }
}

}  // namespace estate::studio

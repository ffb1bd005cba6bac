#include "app/results/sizing_table.h"

#include <QHeaderView>
#include <functional>

namespace estate::studio {
namespace {

using nlohmann::json;

std::optional<double> At(const json& j, std::initializer_list<const char*> path) {
  const json* node = &j;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return std::nullopt;
    node = &(*node)[key];
  }
  return node->is_number() ? std::optional<double>(node->get<double>()) : std::nullopt;
}

struct RowSpec {
  QString figure;
  FigureUnit unit;
  std::function<std::optional<double>(const json&)> get;
};

// Rows follow the current run's links and sites.
std::vector<RowSpec> Specs(const json& r) {
  std::vector<RowSpec> specs;
  if (r.contains("links") && r["links"].is_object()) {
    for (const auto& [id, link] : r["links"].items()) {
      const std::string name = id;
      specs.push_back({QString::fromStdString(name + " peak"), FigureUnit::kBitsPerSecond,
                       [name](const json& j) {
                         return At(j, {"links", name.c_str(), "peak_bps"});
                       }});
      specs.push_back({QString::fromStdString(name + " peak utilisation"), FigureUnit::kRatio,
                       [name](const json& j) {
                         return At(j, {"links", name.c_str(), "peak_utilisation"});
                       }});
      specs.push_back({QString::fromStdString(name + " mean"), FigureUnit::kBitsPerSecond,
                       [name](const json& j) {
                         return At(j, {"links", name.c_str(), "mean_bps"});
                       }});
    }
  }
  specs.push_back({"WAN peak", FigureUnit::kBitsPerSecond,
                   [](const json& j) { return At(j, {"wan_peak_bps"}); }});
  specs.push_back(
      {"WAN bytes", FigureUnit::kBytes, [](const json& j) { return At(j, {"wan_bytes"}); }});
  specs.push_back(
      {"GCS egress", FigureUnit::kBytes, [](const json& j) { return At(j, {"egress_bytes"}); }});
  if (r.contains("cache") && r["cache"].is_object()) {
    for (const auto& [site, cache] : r["cache"].items()) {
      const std::string name = site;
      specs.push_back(
          {QString::fromStdString(name + " hit ratio"), FigureUnit::kRatio, [name](const json& j) {
             return At(j, {"cache", name.c_str(), "hit_ratio"});
           }});
      specs.push_back({QString::fromStdString(name + " cache for target hit ratio"),
                       FigureUnit::kBytes, [name](const json& j) {
                         return At(j, {"cache_sizing", name.c_str(), "bytes_for_target"});
                       }});
    }
  }
  specs.push_back({"Overall hit ratio", FigureUnit::kRatio,
                   [](const json& j) { return At(j, {"hit_ratio"}); }});
  specs.push_back({"Replication lag p99", FigureUnit::kSeconds, [](const json& j) {
                     return At(j, {"replication_lag", "p99"});
                   }});
  specs.push_back({"RPO p99", FigureUnit::kSeconds, [](const json& j) {
                     return At(j, {"rpo", "p99"});
                   }});
  specs.push_back({"Data RPO p99", FigureUnit::kSeconds, [](const json& j) {
                     return At(j, {"data_rpo", "p99"});
                   }});
  specs.push_back({"Write latency p99", FigureUnit::kSeconds, [](const json& j) {
                     return At(j, {"write_latency", "p99"});
                   }});
  specs.push_back({"Read latency p99", FigureUnit::kSeconds, [](const json& j) {
                     return At(j, {"read_latency", "p99"});
                   }});
  specs.push_back({"Availability", FigureUnit::kRatio, [](const json& j) {
                     return At(j, {"availability", "all"});
                   }});
  specs.push_back({"Stale read rate", FigureUnit::kRatio, [](const json& j) {
                     return At(j, {"stale_reads", "rate"});
                   }});
  return specs;
}

}  // namespace

std::vector<SizingRow> SizingRows(const RunResult& current, const RunResult* previous) {
  std::vector<SizingRow> rows;
  for (const RowSpec& spec : Specs(current.result)) {
    rows.push_back({spec.figure, spec.unit, spec.get(current.result),
                    previous != nullptr ? spec.get(previous->result) : std::nullopt});
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

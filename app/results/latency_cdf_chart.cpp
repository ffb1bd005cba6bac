#include "app/results/latency_cdf_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <map>

#include "app/results/result_chart.h"
#include "app/results/result_series.h"

namespace estate::studio {
namespace {

// The block of one operation, over all sites or at one site.
const nlohmann::json* Block(const RunResult& r, const QString& operation, const QString& site) {
  const std::string key = operation.toStdString() + "_latency";
  if (!r.result.contains(key)) return nullptr;
  const nlohmann::json& block = r.result[key];
  if (site.isEmpty()) return &block;
  const std::string s = site.toStdString();
  if (!block.contains("by_site") || !block["by_site"].contains(s)) return nullptr;
  return &block["by_site"][s];
}

}  // namespace

LatencyCdfChart::LatencyCdfChart(QWidget* parent)
    : QWidget(parent),
      chart_(new ResultChart(tr("Latency CDF"), this)),
      operation_(new QComboBox(this)),
      site_(new QComboBox(this)) {
  chart_->setObjectName("latencyChart");
  for (const char* op : {"write", "read", "list", "delete"})
    operation_->addItem(op, QString(op));
  operation_->setToolTip(tr("Which operation's latency to plot"));
  site_->addItem(tr("all sites"), QString());
  site_->setToolTip(tr("The clients of one site, or every site"));
  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Operation"), this));
  controls->addWidget(operation_);
  controls->addWidget(new QLabel(tr("Site"), this));
  controls->addWidget(site_);
  controls->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(chart_, 1);
  connect(operation_, &QComboBox::currentIndexChanged, this, &LatencyCdfChart::Redraw);
  connect(site_, &QComboBox::currentIndexChanged, this, &LatencyCdfChart::Redraw);
}

void LatencyCdfChart::Show(const RunResult* current, const RunResult* previous) {
  current_ = current;
  previous_ = previous;
  const QString chosen = site_->currentData().toString();
  {
    const QSignalBlocker block(site_);
    site_->clear();
    site_->addItem(tr("all sites"), QString());
    if (current_ != nullptr && current_->result.contains("availability") &&
        current_->result["availability"].contains("by_site")) {
      for (const auto& [site, value] : current_->result["availability"]["by_site"].items())
        site_->addItem(QString::fromStdString(site), QString::fromStdString(site));
    }
    site_->setCurrentIndex(std::max(0, site_->findData(chosen)));
  }
  Redraw();
}

void LatencyCdfChart::Select(const QString& operation, const QString& site) {
  const QSignalBlocker block_op(operation_);
  const QSignalBlocker block_site(site_);
  operation_->setCurrentIndex(std::max(0, operation_->findData(operation)));
  site_->setCurrentIndex(std::max(0, site_->findData(site)));
  Redraw();
}

void LatencyCdfChart::Redraw() {
  chart_->Clear();
  const QString op = operation_->currentData().toString();
  const QString site = site_->currentData().toString();
  std::map<std::string, int> color_of;  // a mode keeps its colour in both runs
  const auto plot = [&](const RunResult* run, bool previous) {
    if (run == nullptr) return;
    const nlohmann::json* block = Block(*run, op, site);
    if (block == nullptr) return;
    for (const std::string& mode : LatencyModes(*block)) {
      const std::vector<QPointF> points = LatencyCdfPoints((*block)[mode]);
      if (points.empty()) continue;
      const int color = color_of.emplace(mode, static_cast<int>(color_of.size())).first->second;
      chart_->AddLine(QString::fromStdString(mode), points, color, previous);
    }
  };
  plot(previous_, true);
  plot(current_, false);
  chart_->Finish(tr("%1 latency (ms)").arg(op), tr("fraction"), false, 1.0);
}

}  // namespace estate::studio

#include "app/results/results_dashboard.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/results/cache_mrc_chart.h"
#include "app/results/expectations_table.h"
#include "app/results/figure_format.h"
#include "app/results/latency_cdf_chart.h"
#include "app/results/sizing_table.h"
#include "app/results/timeseries_chart.h"
#include "app/run/run_progress.h"

namespace estate::studio {
namespace {

QWidget* Boxed(const QString& title, QWidget* content, QWidget* parent) {
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->addWidget(content);
  return box;
}

double Number(const nlohmann::json& j, const char* a, const char* b = nullptr) {
  const nlohmann::json* node = j.contains(a) ? &j[a] : nullptr;
  if (node != nullptr && b != nullptr) node = node->contains(b) ? &(*node)[b] : nullptr;
  return node != nullptr && node->is_number() ? node->get<double>() : 0.0;
}

}  // namespace

ResultsDashboard::ResultsDashboard(QWidget* parent) : QWidget(parent) {
  headline_ = new QLabel(this);
  headline_->setObjectName("headline");
  headline_->setWordWrap(true);
  headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* body = new QWidget(this);
  latency_ = new LatencyCdfChart(body);
  lag_ = new TimeseriesChart(tr("Replication lag"), tr("lag (s)"), ReplicationLagColumns,
                             /*shade_failures=*/true, 0, body);
  lag_->setObjectName("lagChart");
  lag_->setToolTip(
      tr("Per interval: p99 and max of the metadata replication lag; failure "
         "windows shaded"));
  bandwidth_ = new TimeseriesChart(tr("Bandwidth per link"), tr("Gb/s"), LinkBandwidthColumns,
                                   /*shade_failures=*/true, 0, body);
  bandwidth_->setObjectName("bandwidthChart");
  bandwidth_->chart()->legend()->setAlignment(Qt::AlignRight);  // one line per direction
  hit_ratio_ = new TimeseriesChart(tr("Cache hit ratio"), tr("hit ratio"), HitRatioColumns,
                                   /*shade_failures=*/false, 1.0, body);
  hit_ratio_->setObjectName("hitRatioChart");
  mrc_ = new CacheMrcChart(body);
  mrc_->setObjectName("mrcChart");
  sizing_ = new SizingTable(body);
  expectations_ = new ExpectationsTable(body);

  auto* grid = new QGridLayout(body);
  grid->addWidget(Boxed(tr("Latency"), latency_, body), 0, 0);
  grid->addWidget(Boxed(tr("Replication"), lag_, body), 0, 1);
  grid->addWidget(Boxed(tr("WAN"), bandwidth_, body), 1, 0);
  grid->addWidget(Boxed(tr("Cache"), hit_ratio_, body), 1, 1);
  grid->addWidget(Boxed(tr("Cache sizing"), mrc_, body), 2, 0);
  grid->addWidget(Boxed(tr("Sizing"), sizing_, body), 2, 1);
  grid->addWidget(Boxed(tr("Expectations"), expectations_, body), 3, 0, 1, 2);
  for (int row = 0; row < 3; ++row)
    grid->setRowMinimumHeight(row, 300);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(body);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(scroll, 1);
  ShowNothing(tr("No results yet: run the scenario (F5)."));
}

void ResultsDashboard::Show(RunResult current, std::optional<RunResult> previous) {
  current_ = std::move(current);
  previous_ = std::move(previous);
  Redraw();
}

void ResultsDashboard::ShowNothing(const QString& why) {
  current_.reset();
  previous_.reset();
  Redraw();
  headline_->setText(why);
}

void ResultsDashboard::Redraw() {
  const RunResult* current = current_ ? &*current_ : nullptr;
  const RunResult* previous = previous_ ? &*previous_ : nullptr;
  latency_->Show(current, previous);
  lag_->Show(current, previous);
  bandwidth_->Show(current, previous);
  hit_ratio_->Show(current, previous);
  mrc_->Show(current, previous);
  sizing_->Show(current, previous);
  expectations_->Show(current);
  if (current == nullptr) return;
  const nlohmann::json& r = current->result;
  int failed = 0, total = 0;
  if (r.contains("expectations") && r["expectations"].is_array()) {
    for (const nlohmann::json& e : r["expectations"]) {
      ++total;
      failed += e.value("pass", false) ? 0 : 1;
    }
  }
  headline_->setText(
      tr("<b>%1</b>, seed %2, %3 simulated: write p99 %4, replication lag p99 %5, WAN peak "
         "%6, egress %7, hit ratio %8, availability %9. Expectations: %10 of %11 met.")
          .arg(QString::fromStdString(r.contains("run") ? r["run"].value("scenario", "") : ""))
          .arg(static_cast<qulonglong>(Number(r, "run", "seed")))
          .arg(FormatDuration(current->duration_s()))
          .arg(FormatFigure(Number(r, "write_latency", "p99"), FigureUnit::kSeconds))
          .arg(FormatFigure(Number(r, "replication_lag", "p99"), FigureUnit::kSeconds))
          .arg(FormatFigure(Number(r, "wan_peak_bps"), FigureUnit::kBitsPerSecond))
          .arg(FormatFigure(Number(r, "egress_bytes"), FigureUnit::kBytes))
          .arg(FormatFigure(Number(r, "hit_ratio"), FigureUnit::kRatio))
          .arg(FormatFigure(Number(r, "availability", "all"), FigureUnit::kRatio))
          .arg(total - failed)
          .arg(total) +
      (previous != nullptr ? tr(" Dashed curves: the previous run.") : QString()));
}

std::vector<std::pair<QString, QWidget*>> ResultsDashboard::Charts() const {
  return {{"latency-cdf", latency_},      {"replication-lag", lag_}, {"link-bandwidth", bandwidth_},
          {"hit-ratio", hit_ratio_},      {"cache-mrc", mrc_},       {"sizing", sizing_},
          {"expectations", expectations_}};
}

}  // namespace estate::studio

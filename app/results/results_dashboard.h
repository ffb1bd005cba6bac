// ResultsDashboard: a run's results at a glance: latency CDFs per mode and site, replication
// lag over time with failure windows shaded, bandwidth per link, hit ratio over time and the
// cache MRC, the sizing table, and each expectation's verdict. Given a previous run as well
// (the what-if panel does), every chart overlays its curves dashed.
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <utility>
#include <vector>

#include "app/results/run_result.h"

class QLabel;

namespace estate::studio {

class CacheMrcChart;
class ExpectationsTable;
class LatencyCdfChart;
class SizingTable;
class TimeseriesChart;

class ResultsDashboard : public QWidget {
  Q_OBJECT

 public:
  explicit ResultsDashboard(QWidget* parent = nullptr);

  void Show(RunResult current, std::optional<RunResult> previous = std::nullopt);
  // Shows nothing (and says why).
  void ShowNothing(const QString& why);

  const std::optional<RunResult>& current() const { return current_; }
  const std::optional<RunResult>& previous() const { return previous_; }
  LatencyCdfChart* latency() const { return latency_; }
  TimeseriesChart* replication_lag() const { return lag_; }
  TimeseriesChart* link_bandwidth() const { return bandwidth_; }
  TimeseriesChart* hit_ratio() const { return hit_ratio_; }
  CacheMrcChart* cache_mrc() const { return mrc_; }
  SizingTable* sizing() const { return sizing_; }
  ExpectationsTable* expectations() const { return expectations_; }
  // Each chart with a file-friendly name, for PNG export.
  std::vector<std::pair<QString, QWidget*>> Charts() const;

 private:
  void Redraw();

  QLabel* headline_ = nullptr;
  LatencyCdfChart* latency_ = nullptr;
  TimeseriesChart* lag_ = nullptr;
  TimeseriesChart* bandwidth_ = nullptr;
  TimeseriesChart* hit_ratio_ = nullptr;
  CacheMrcChart* mrc_ = nullptr;
  SizingTable* sizing_ = nullptr;
  ExpectationsTable* expectations_ = nullptr;
  std::optional<RunResult> current_;
  std::optional<RunResult> previous_;
};

}  // namespace estate::studio

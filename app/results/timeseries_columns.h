// Which timeseries.csv columns each over-time chart plots, and the names they get in the
// legend (docs/RUNNING.md lists the columns).
#pragma once

#include <QString>
#include <string>
#include <vector>

#include "app/results/timeseries_table.h"

namespace estate::studio {

struct PlottedColumn {
  std::string column;  // as in the CSV header
  QString name;        // legend
};

// replication_lag_p99_s and replication_lag_max_s.
std::vector<PlottedColumn> ReplicationLagColumns(const TimeseriesTable& table);
// Each "<link>:<from>><to>_gbps" column, named "<from>→<to>".
std::vector<PlottedColumn> LinkBandwidthColumns(const TimeseriesTable& table);
// Each "<site>_hit_ratio" column, named by the site.
std::vector<PlottedColumn> HitRatioColumns(const TimeseriesTable& table);

}  // namespace estate::studio

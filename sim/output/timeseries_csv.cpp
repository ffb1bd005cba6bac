#include <cstdio>

#include "sim/output/run_result.h"

namespace estate::sim {
namespace {

// Fixed-precision text: the same doubles print the same on every run.
std::string SixSignificant(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::string TimeseriesCsv(const RunRecord& r) {
  const double interval_s = static_cast<double>(r.metrics.interval()) / 1e9;
  std::string out =
      "time_s,read_ops,write_ops,list_ops,delete_ops,failed_ops,replication_lag_p99_s,"
      "replication_lag_max_s,data_lag_p99_s,rpo_s,data_rpo_s";
  for (const LinkDirection& l : r.links)
    out += "," + l.link + ":" + l.from + ">" + l.to + "_gbps";
  for (size_t site = 1; site < r.site_names.size(); ++site)
    out += "," + r.site_names[site] + "_hit_ratio";
  out += "\n";
  for (const IntervalRow& row : r.metrics.rows()) {
    const TimeNs end = row.start + r.metrics.interval();
    if (end > r.duration + r.metrics.interval()) break;
    out += SixSignificant(static_cast<double>(std::min(end, r.duration)) / 1e9);
    for (uint64_t n : row.ops)
      out += "," + std::to_string(n);
    out += "," + std::to_string(row.failed);
    out += "," + SixSignificant(static_cast<double>(row.replication_lag.Percentile(99)) / 1e9);
    out += "," + SixSignificant(static_cast<double>(row.replication_lag.max()) / 1e9);
    out += "," + SixSignificant(static_cast<double>(row.data_lag.Percentile(99)) / 1e9);
    out += "," + SixSignificant(static_cast<double>(row.rpo) / 1e9);
    out += "," + SixSignificant(static_cast<double>(row.data_rpo) / 1e9);
    for (size_t i = 0; i < r.links.size(); ++i) {
      const double bytes = i < row.link_bytes.size() ? row.link_bytes[i] * r.full_scale : 0;
      out += "," + SixSignificant(bytes * 8 / interval_s / 1e9);
    }
    for (size_t site = 1; site < r.site_names.size(); ++site) {
      const double h = site < row.hit_ratio.size() ? row.hit_ratio[site] : -1;
      out += "," + (h < 0 ? std::string() : SixSignificant(h));
    }
    out += "\n";
  }
  return out;
}

}  // namespace estate::sim

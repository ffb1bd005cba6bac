#include "sim/output/seed_spread.h"

#include <cmath>

namespace estate::sim {

using nlohmann::json;

std::vector<std::string> HeadlineFigures(const json& result) {
  std::vector<std::string> paths = {
      "wan_peak_bps",      "wan_bytes",           "egress_bytes",
      "hit_ratio",         "availability.all",    "read_latency.p99",
      "write_latency.p99", "replication_lag.p99", "data_replication_lag.p99",
      "rpo.p99",           "data_rpo.p99"};
  if (result.contains("links") && result["links"].is_object()) {
    for (const auto& [id, link] : result["links"].items())
      paths.push_back("links." + id + ".peak_bps");
  }
  if (result.contains("cache_sizing") && result["cache_sizing"].is_object()) {
    for (const auto& [site, c] : result["cache_sizing"].items()) {
      if (c.is_object()) paths.push_back("cache_sizing." + site + ".bytes_for_target");
    }
  }
  return paths;
}

const json* FigureAt(const json& result, const std::string& path) {
  const json* at = &result;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &(*at)[key];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return at->is_number() ? at : nullptr;
}

json SeedSpread(const std::vector<json>& results) {
  json spread = json::object();
  if (results.empty()) return spread;
  json seeds = json::array();
  for (const json& r : results)
    seeds.push_back(r.contains("sampling") ? r["sampling"].value("seed", 0) : 0);
  spread["seeds"] = seeds;
  for (const std::string& path : HeadlineFigures(results.front())) {
    std::vector<double> values;
    for (const json& r : results) {
      const json* v = FigureAt(r, path);
      if (v == nullptr) break;
      values.push_back(v->get<double>());
    }
    if (values.size() != results.size()) continue;
    double mean = 0;
    for (double v : values)
      mean += v;
    mean /= static_cast<double>(values.size());
    double squares = 0;
    for (double v : values)
      squares += (v - mean) * (v - mean);
    const double stddev =
        values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;
    spread[path] = {{"values", values},
                    {"mean", mean},
                    {"stddev", stddev},
                    {"relative", mean == 0 ? 0.0 : stddev / std::abs(mean)}};
  }
  return spread;
}

}  // namespace estate::sim

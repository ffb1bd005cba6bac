#include "app/whatif/what_if_settings.h"

#include <algorithm>
#include <charconv>

namespace estate::studio {
namespace {

using nlohmann::json;

constexpr double kBitsPerGbit = 1e9;
constexpr double kNsPerMs = 1e6;
constexpr double kBytesPerTb = 1e12;

// Index of the element of `array` whose "id" is `id`, or -1.
int IndexOfId(const json& array, const std::string& id) {
  if (!array.is_array()) return -1;
  for (size_t i = 0; i < array.size(); ++i) {
    if (array[i].is_object() && array[i].value("id", std::string()) == id)
      return static_cast<int>(i);
  }
  return -1;
}

double NumberOr(const json& object, const char* key, double fallback) {
  return object.is_object() && object.contains(key) && object[key].is_number()
             ? object[key].get<double>()
             : fallback;
}

}  // namespace

std::string WithUnit(double value, const char* unit) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, ec == std::errc() ? end : buf) + unit;
}

WhatIfSettings SettingsOf(const Scenario& s) {
  WhatIfSettings w;
  for (const LinkSpec& l : s.links) {
    w.link_bandwidth_gbps[l.id] = l.bandwidth_bps / kBitsPerGbit;
    w.link_latency_ms[l.id] = static_cast<double>(l.latency) / kNsPerMs;
  }
  for (const SiteSpec& site : s.sites) {
    if (!site.gcp) w.site_cache_tb[site.id] = site.cache_bytes / kBytesPerTb;
  }
  w.write_share = s.workload.write;
  w.sampling_rate = s.sampling_rate;
  return w;
}

json ApplyWhatIf(json doc, const WhatIfSettings& base, const WhatIfSettings& settings) {
  for (const auto& [id, gbps] : settings.link_bandwidth_gbps) {
    const int i = IndexOfId(doc["links"], id);
    const auto was = base.link_bandwidth_gbps.find(id);
    if (i >= 0 && (was == base.link_bandwidth_gbps.end() || was->second != gbps))
      doc["links"][static_cast<size_t>(i)]["bandwidth"] = WithUnit(gbps, "Gbps");
  }
  for (const auto& [id, ms] : settings.link_latency_ms) {
    const int i = IndexOfId(doc["links"], id);
    const auto was = base.link_latency_ms.find(id);
    if (i >= 0 && (was == base.link_latency_ms.end() || was->second != ms))
      doc["links"][static_cast<size_t>(i)]["latency"] = WithUnit(ms, "ms");
  }
  for (const auto& [id, tb] : settings.site_cache_tb) {
    const int i = IndexOfId(doc["sites"], id);
    const auto was = base.site_cache_tb.find(id);
    if (i >= 0 && (was == base.site_cache_tb.end() || was->second != tb))
      doc["sites"][static_cast<size_t>(i)]["cache"]["capacity"] = WithUnit(tb, "TB");
  }
  if (settings.write_share != base.write_share) {
    json& mix = doc["workload"]["mix"];
    const double list = NumberOr(mix, "list", 0.04), del = NumberOr(mix, "delete", 0.01);
    mix["write"] = settings.write_share;
    mix["read"] = std::max(0.0, 1.0 - settings.write_share - list - del);
    mix["list"] = list;
    mix["delete"] = del;
  }
  if (!settings.consistency.empty() && doc.contains("mounts") && doc["mounts"].is_array()) {
    for (json& mount : doc["mounts"])
      mount["consistency"] = settings.consistency;
  }
  if (settings.sampling_rate != base.sampling_rate) doc["sampling_rate"] = settings.sampling_rate;
  return doc;
}

}  // namespace estate::studio

#include "sim/scenario/expectation_parser.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "models/units.h"

namespace estate {
namespace {

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool ValidMetric(std::string_view m) {
  if (m.empty() || m.front() == '.' || m.back() == '.') return false;
  char prev = 0;
  for (char c : m) {
    const bool ok = std::islower(static_cast<unsigned char>(c)) ||
                    std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    prev = c;
  }
  return true;
}

// The top-level figures of result.json (docs/RUNNING.md); an expectation on anything else
// could never be checked, so it is reported when the scenario is validated, not after a run.
constexpr std::string_view kResultRoots[] = {"availability",
                                             "cache",
                                             "cache_sizing",
                                             "conflicts",
                                             "data_replication_lag",
                                             "data_rpo",
                                             "delete_latency",
                                             "egress_bytes",
                                             "engine",
                                             "hit_ratio",
                                             "links",
                                             "list_latency",
                                             "operations",
                                             "read_latency",
                                             "replication_lag",
                                             "rpo",
                                             "run",
                                             "sampling",
                                             "stale_reads",
                                             "t_visibility",
                                             "unavailable_ops",
                                             "wan_bytes",
                                             "wan_peak_bps",
                                             "write_latency"};

bool KnownRoot(std::string_view metric) {
  const std::string_view root = metric.substr(0, metric.find('.'));
  for (std::string_view r : kResultRoots) {
    if (r == root) return true;
  }
  return false;
}

}  // namespace

Result<Expectation> ParseExpectation(std::string_view text) {
  Expectation e;
  e.text = std::string(text);
  const size_t op_at = text.find_first_of("<>=");
  if (op_at == std::string_view::npos) {
    return Status::Invalid("a comparator (<, <=, >, >=, ==)");
  }
  const std::string_view metric = TrimSpace(text.substr(0, op_at));
  if (!ValidMetric(metric)) {
    return Status::Invalid("a metric path such as replication_lag.p99 before the comparator");
  }
  if (!KnownRoot(metric)) {
    std::string roots;
    for (std::string_view r : kResultRoots)
      roots += std::string(roots.empty() ? "" : ", ") + std::string(r);
    return Status::Invalid("a metric of the run's result (" + roots + ")");
  }
  e.metric = std::string(metric);
  size_t op_len = 1;
  if (op_at + 1 < text.size() && text[op_at + 1] == '=') op_len = 2;
  e.comparator = std::string(text.substr(op_at, op_len));
  if (e.comparator == "=" || e.comparator == "=<" || e.comparator == "=>") {
    return Status::Invalid("a comparator (<, <=, >, >=, ==)");
  }
  const std::string_view value = TrimSpace(text.substr(op_at + op_len));
  if (value.empty()) return Status::Invalid("a value after the comparator");
  if (value.back() == '%') {
    double pct = 0;
    const std::string_view digits = value.substr(0, value.size() - 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pct);
    if (ec != std::errc() || p != digits.data() + digits.size() || pct < 0 || pct > 100) {
      return Status::Invalid("a percentage from 0% to 100%");
    }
    e.value = pct / 100;
    e.unit = "ratio";
    return e;
  }
  double plain = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), plain);
  if (ec == std::errc() && p == value.data() + value.size() && std::isfinite(plain)) {
    e.value = plain;
    e.unit = "number";
    return e;
  }
  if (auto ns = ParseDurationNs(value)) {
    e.value = *ns;
    e.unit = "duration";
  } else if (auto b = ParseBytes(value)) {
    e.value = *b;
    e.unit = "bytes";
  } else if (auto bps = ParseBandwidthBps(value)) {
    e.value = *bps;
    e.unit = "bandwidth";
  } else {
    return Status::Invalid("a value such as 15min, 2PB, 40Gbps, 99.9% or 0.5");
  }
  return e;
}

}  // namespace estate

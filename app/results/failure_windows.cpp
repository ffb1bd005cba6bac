#include "app/results/failure_windows.h"

#include <map>
#include <string>

namespace estate::studio {
namespace {

// The action that ends each kind of failure.
const std::map<std::string, std::string>& EndOf() {
  static const std::map<std::string, std::string> end = {{"site-down", "site-up"},
                                                         {"link-down", "link-up"},
                                                         {"link-degrade", "link-restore"},
                                                         {"partition", "heal"}};
  return end;
}

}  // namespace

std::vector<FailureWindow> FailureWindows(const nlohmann::json& failures, double run_end_s) {
  std::vector<FailureWindow> windows;
  if (!failures.is_array()) return windows;
  // Open windows by (ending action, target); partitions and heals pair without a target.
  std::map<std::pair<std::string, std::string>, size_t> open;
  for (const nlohmann::json& f : failures) {
    if (!f.is_object() || !f.contains("at_s") || !f["at_s"].is_number()) continue;
    const double at = f["at_s"].get<double>();
    const std::string kind = f.value("kind", std::string());
    const std::string target =
        kind == "partition" || kind == "heal" ? std::string() : f.value("target", std::string());
    const auto ends = EndOf().find(kind);
    if (ends != EndOf().end()) {
      open[{ends->second, target}] = windows.size();
      windows.push_back({at, run_end_s, QString::fromStdString(kind + " " + target).trimmed()});
      continue;
    }
    const auto it = open.find({kind, target});
    if (it != open.end()) {
      windows[it->second].end_s = at;
      open.erase(it);
    }
  }
  return windows;
}

}  // namespace estate::studio

#include <algorithm>
#include <map>

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

// The action that ends each kind of failure (sim/run/failure_injector.cpp records both).
const std::map<std::string, std::string>& EndOf() {
  static const std::map<std::string, std::string> kEnds = {{"site-down", "site-up"},
                                                           {"link-down", "link-up"},
                                                           {"link-degrade", "link-restore"},
                                                           {"partition", "heal"}};
  return kEnds;
}

struct OpenWindow {
  std::string kind;
  std::string target;
  double from = 0;
};

std::string Label(const OpenWindow& w) {
  return w.target.empty() ? w.kind : w.kind + " " + w.target;
}

}  // namespace

Result<std::vector<ChartBand>> FailureWindows(const JsonInput& result, double end_s) {
  JsonFields f(result.doc, result.path);
  const nlohmann::json& failures = f.Array("/failures");
  std::vector<ChartBand> windows;
  std::vector<OpenWindow> open;
  for (size_t i = 0; i < failures.size(); ++i) {
    const std::string at = "/failures/" + std::to_string(i);
    const double at_s = f.Number(at + "/at_s");
    const std::string kind = f.Text(at + "/kind");
    const std::string target = f.Text(at + "/target");
    if (EndOf().count(kind) != 0) {
      open.push_back({kind, target, at_s});
      continue;
    }
    // An end closes the oldest open failure it ends: heal ends every partition.
    for (auto w = open.begin(); w != open.end();) {
      if (EndOf().at(w->kind) == kind && (kind == "heal" || w->target == target)) {
        windows.push_back({Label(*w), w->from, at_s});
        w = open.erase(w);
        if (kind != "heal") break;
      } else {
        ++w;
      }
    }
  }
  for (const OpenWindow& w : open)
    windows.push_back({Label(w), w.from, end_s});
  std::stable_sort(windows.begin(), windows.end(),
                   [](const ChartBand& a, const ChartBand& b) { return a.from < b.from; });
  if (!f.ok()) return f.status();
  return windows;
}

}  // namespace estate::reports

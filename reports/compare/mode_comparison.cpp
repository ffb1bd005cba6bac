#include "reports/compare/mode_comparison.h"

namespace estate::reports {

std::optional<double> VisibilityFigures::At(int64_t t) const {
  for (size_t i = 0; i < t_ms.size() && i < fraction.size(); ++i) {
    if (t_ms[i] == t) return fraction[i];
  }
  return std::nullopt;
}

const SiteFigures* ModeFigures::Site(const std::string& site) const {
  for (const SiteFigures& s : sites) {
    if (s.site == site) return &s;
  }
  return nullptr;
}

const ModeFigures* ModeComparison::Ran(const std::string& mode) const {
  for (const ModeFigures& m : modes) {
    if (m.mode == mode && m.ok()) return &m;
  }
  return nullptr;
}

}  // namespace estate::reports

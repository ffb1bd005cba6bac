#include "reports/sweep/sweep_validation.h"

#include "sim/scenario/scenario_parser.h"

namespace estate::reports {

std::vector<std::string> ValidateSweepPoints(const SweepPlan& plan,
                                             const std::string& scenario_file) {
  std::vector<std::string> problems;
  for (size_t k = 0; k < plan.size(); ++k) {
    const ScenarioParse parse = ParseScenario(plan.PointScenario(k).dump(), scenario_file);
    if (!parse.json_error.empty()) problems.push_back(parse.json_error);
    for (const ScenarioError& e : parse.errors) {
      const std::string where =
          scenario_file + ": " + plan.DescribePoint(k, plan.ParametersAt(e.pointer));
      problems.push_back(e.Format(where));
    }
  }
  return problems;
}

}  // namespace estate::reports

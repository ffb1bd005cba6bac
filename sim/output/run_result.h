// The outputs of `estate run`: result.json (every figure of the run, full scale where the
// run was sampled; docs/RUNNING.md lists the fields), timeseries.csv (one row per metrics
// interval), and the expectations checked against result.json. Everything here is a pure
// function of the RunRecord, so the same run gives byte-identical files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/run/scenario_simulation.h"
#include "sim/scenario/scenario.h"

namespace estate::sim {

nlohmann::json ResultJson(const Scenario& scenario, const RunRecord& record);
std::string TimeseriesCsv(const RunRecord& record);

struct ExpectationOutcome {
  Expectation expectation;
  bool found = false;  // the metric exists in the result
  double actual = 0;   // in the expectation's unit (ns for durations)
  bool pass = false;
  std::string message;  // why it failed, or the comparison that held
};

// Checks each expectation against result.json: the metric path (dots) names a number in it.
std::vector<ExpectationOutcome> CheckExpectations(const std::vector<Expectation>& expectations,
                                                  const nlohmann::json& result);
// JUnit XML: one test case per expectation, a <failure> for each that failed.
std::string JunitXml(const std::string& scenario_name,
                     const std::vector<ExpectationOutcome>& outcomes);

}  // namespace estate::sim

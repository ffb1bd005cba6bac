// `estate run SCENARIO [--seed N] [--out DIR] [--progress bar|json|none] [--verbose]`:
// simulates the scenario and writes DIR/result.json, DIR/timeseries.csv and DIR/junit.xml.
// Exit status: 0 every expectation met; 1 an expectation failed; 2 the scenario is invalid
// or unreadable; 3 the run or its outputs failed.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddRunCommand(CLI::App& app);

}  // namespace estate

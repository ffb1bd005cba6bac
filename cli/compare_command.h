// `estate compare SCENARIO [--modes M1,M2,...] [--out DIR] [--jobs N] [--duration D]
// [--seed S] [--availability-floor R]`: runs the scenario once per consistency mode (every
// mount set to that mode), in parallel child processes, each into DIR/<mode>/, and writes
// DIR/comparison.json, comparison.md and comparison.csv with a recommendation derived from
// the figures (docs/COMPARE.md).
// Exit status: 0 compared and a mode recommended; 1 compared but no mode met the
// expectations and the availability floor; 2 invalid scenario or options; 3 a run or an
// output failed (the comparison still covers the modes that ran).
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddCompareCommand(CLI::App& app);

}  // namespace estate

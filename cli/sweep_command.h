// `estate sweep SCENARIO --param PATH=V1,V2,... [--param ...] --out DIR [--jobs N]
// [--shard i/n] [--duration D] [--seed S]`: runs the scenario at every point of the cartesian
// product of the parameters' values, each point an `estate run` in its own process, at most N
// at once. Skips points already finished in DIR (resume); with --shard runs only shard i's
// points. Writes DIR/sweep.json and sweep.csv (shard-i-of-n.json for a shard); docs/SWEEPS.md.
// Exit status: 0 every point ran and met its expectations; 1 an expectation failed; 2 invalid
// arguments or an invalid point; 3 a run or an output failed.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddSweepCommand(CLI::App& app);

}  // namespace estate

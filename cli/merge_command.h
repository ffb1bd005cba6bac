// `estate merge OUT_DIR SHARD_DIR...`: combines the output directories of a sweep's shards
// (estate sweep --shard i/n) into one sweep directory, as if the sweep had run whole: every
// point's directory, sweep-plan.json, and sweep.json and sweep.csv byte-identical to an
// unsharded run's. OUT_DIR may be one of the shard directories. docs/SWEEPS.md.
// Exit status: 0 merged, every expectation met; 1 merged, an expectation failed; 2 the
// directories are not shards of one sweep or a point is missing; 3 the output failed.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddMergeCommand(CLI::App& app);

}  // namespace estate

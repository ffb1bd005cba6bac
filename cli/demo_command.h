// `estate demo`: the engine's unified namespace on the default deployment, end to end, with
// what each operation returned. The main job until the simulator's `estate run` lands.
#pragma once

#include <cstdint>
#include <iosfwd>

namespace CLI {
class App;
}

namespace estate {

struct DemoOptions {
  uint64_t objects = 200'000;  // objects written into the retail bucket
  uint64_t seed = 1;           // drives object sizes and store ids
};

// Runs the demo, printing to `out`. Returns the process exit code.
int RunDemo(const DemoOptions& options, std::ostream& out);

// Registers the `demo` subcommand on `app`.
void AddDemoCommand(CLI::App& app);

}  // namespace estate

#pragma once

namespace CLI {
class App;
}

namespace estate {

// `estate size SCENARIO`: simulate with and without the scenario's failures (several seeds
// each), run the analytical models, and write sizing.json and sizing.md.
void AddSizeCommand(CLI::App& app);

}  // namespace estate

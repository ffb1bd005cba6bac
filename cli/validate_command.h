// `estate validate SCENARIO`: checks a scenario and reports every problem, one per line, with
// the file, the JSON pointer, what was expected and what was found. Exit 0 when valid, 1 when
// not, 2 when the file cannot be read.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddValidateCommand(CLI::App& app);

}  // namespace estate

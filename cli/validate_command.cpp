#include "cli/validate_command.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "sim/scenario/scenario_parser.h"

namespace estate {

void AddValidateCommand(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario and report every problem");
  cmd->add_option("scenario", *path, "Scenario JSON file")->required();
  cmd->callback([path] {
    const ScenarioParse parse = LoadScenario(*path);
    for (const std::string& line : parse.Messages())
      std::cerr << line << '\n';
    if (parse.ok()) {
      const Scenario& s = parse.scenario;
      std::cout << *path << ": valid: " << s.sites.size() << " sites, " << s.links.size()
                << " links, " << s.mounts.size() << " mounts, " << s.failures.size()
                << " failures, " << s.expectations.size() << " expectations\n";
      std::exit(0);
    }
    std::exit(parse.json_error.rfind(*path + ": cannot read", 0) == 0 ? 2 : 1);
  });
}

}  // namespace estate

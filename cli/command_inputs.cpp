#include "cli/command_inputs.h"

#include <filesystem>
#include <iostream>

#include "models/units.h"
#include "sim/scenario/scenario_parser.h"

namespace estate {

std::optional<Scenario> LoadScenarioOrReport(const std::string& path) {
  ScenarioParse parse = LoadScenario(path);
  if (!parse.ok()) {
    for (const std::string& line : parse.Messages())
      std::cerr << line << '\n';
    return std::nullopt;
  }
  return std::move(parse.scenario);
}

std::optional<DurationNs> ParseDurationOption(const std::string& text) {
  const std::optional<double> d = ParseDurationNs(text);
  if (!d || *d <= 0) {
    std::cerr << "--duration: expected a positive duration such as 10min, found \"" << text
              << "\"\n";
    return std::nullopt;
  }
  return static_cast<DurationNs>(*d);
}

std::string ScenarioPricesPath(const std::string& scenario_path, const Scenario& scenario) {
  return (std::filesystem::path(scenario_path).parent_path() / scenario.prices).string();
}

std::optional<PriceTable> ReadScenarioPrices(const std::string& scenario_path,
                                             const Scenario& scenario) {
  Result<PriceTable> prices = PriceTable::Read(ScenarioPricesPath(scenario_path, scenario));
  if (!prices.ok()) {
    std::cerr << prices.status().message() << '\n';
    return std::nullopt;
  }
  return std::move(*prices);
}

}  // namespace estate

// Reads a scenario from JSON (scenarios/schema.json describes the format) and checks it:
// types, units and ranges field by field, then what the schema cannot say (unique ids, links
// between existing sites, exactly one GCP site, a connected topology, mounts on existing
// sites, an operation mix summing to 1, failure targets that exist, expectations that parse).
// Every problem is reported, each with its JSON pointer; nothing throws, whatever the input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/json_reader.h"
#include "sim/scenario/scenario.h"

namespace estate {

struct ScenarioParse {
  Scenario scenario;
  std::string file;                   // as given, for messages
  std::string json_error;             // "file:line:column: invalid JSON: ..." when unparsable
  std::vector<ScenarioError> errors;  // sorted by pointer

  bool ok() const { return json_error.empty() && errors.empty(); }
  // Every problem, one formatted line each.
  std::vector<std::string> Messages() const;
};

// `file` is only used in messages.
ScenarioParse ParseScenario(std::string_view json_text, const std::string& file);
// Reads and parses a file; a file that cannot be read is reported as "file: cannot read: ...".
ScenarioParse LoadScenario(const std::string& path);

}  // namespace estate

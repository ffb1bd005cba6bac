// One axis of a parameter sweep: a JSON pointer into the scenario and the values it takes, as
// given on the command line: --param /links/gcp-site-a/bandwidth=10Gbps,40Gbps,100Gbps
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/result.h"

namespace estate::reports {

struct SweepParameter {
  std::string pointer;                 // as given; may address array elements by "id"
  std::string resolved;                // plain RFC 6901 against the base scenario
  std::vector<nlohmann::json> values;  // in the order given, at least one
};

// Parses "PATH=V1,V2,..." (split at the first "="). Values are separated by commas outside JSON
// strings, brackets and braces, so [1,2] and {"a":1,"b":2} are single values; each value is
// taken as JSON when it parses as JSON (40, true, "x", [1,2]) and as a string otherwise
// (10Gbps). `resolved` is left empty (see ResolvePointer).
// Errors (Invalid), to be prefixed with the argument: "expected PATH=V1,V2,...", "expected at
// least one value after \"=\"", "value 2 is empty; write \"\" for the empty string".
Result<SweepParameter> ParseSweepParameter(const std::string& arg);

// "/links/gcp-site-a/bandwidth = \"10Gbps\"": the pointer as given and a value, for messages.
std::string DescribeSetting(const SweepParameter& parameter, const nlohmann::json& value);

}  // namespace estate::reports

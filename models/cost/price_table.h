// PriceTable: the unit prices the cost model multiplies by, read from a JSON file such as
// scenarios/prices.json. Every price carries its unit, source and date, because prices are
// assumptions to be checked before quoting and reports say so next to every figure.
//
// The format:
//   {"currency": "USD", "note": "...",
//    "prices": {"<name>": {"value": 0.02, "unit": "USD/GiB", "source": "...",
//                          "as_of": "2026-11"}, ...}}
// "note" is optional; every other field shown is required, and no other field is accepted
// (so a misspelt "vaule" is an error, not a silently missing price). Units are not
// interpreted: each consumer assumes the unit the price's name says (_per_gib, _per_hour).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace estate {

struct Price {
  double value = 0;  // finite, >= 0
  std::string unit, source, as_of;
};

class PriceTable {
 public:
  // Parses `json`. Errors are Invalid and name `origin` (a file path), the JSON pointer and
  // what was expected, e.g. `prices.json: /prices/interconnect_port_10g_per_hour/value:
  // expected a non-negative number, found -1`. Only the first error found is reported.
  // Nesting deeper than kMaxJsonDepth (models/json/json_nesting.h) is refused before parsing.
  static Result<PriceTable> Parse(std::string_view json, const std::string& origin);
  // Reads and parses the file at `path`: NotFound when it does not exist, Invalid when it
  // cannot be read or parsed; every message names the path.
  static Result<PriceTable> Read(const std::string& path);

  const std::string& currency() const { return currency_; }
  const std::string& note() const { return note_; }
  // The file (or other origin) the table came from, as given to Parse or Read.
  const std::string& origin() const { return origin_; }
  const std::map<std::string, Price>& prices() const { return prices_; }
  // The price called `name`; NotFound naming the price and the origin when absent.
  Result<Price> Find(const std::string& name) const;

 private:
  PriceTable() = default;

  std::string origin_, currency_, note_;
  std::map<std::string, Price> prices_;
};

}  // namespace estate

// Setting one field of a scenario document by JSON pointer (RFC 6901), as `estate sweep` does
// for each --param. Scenarios name their sites and links by "id" everywhere else, so a token
// may also pick an array element by its "id" field: /links/gcp-site-a/bandwidth addresses the
// same field as /links/0/bandwidth when links[0].id is "gcp-site-a".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/result.h"

namespace estate::reports {

// Rewrites `pointer` into plain RFC 6901 form against `doc`: a token that addresses an array is
// an index when it is a decimal number without leading zeros (0, 1, ...), else the "id" of an
// element. Every token must exist, except that the last one may name a member an object does
// not have yet (setting it adds the member; the scenario validator then judges it).
// Errors (Invalid), with the message naming the part of the pointer at fault:
//   expected a JSON pointer starting with "/", found "links/0"
//   /links/9: no such element (/links has 3)
//   /links/nope: no element of /links has "id": "nope"
//   /foo: no such field (only the last token may name a new field)
//   /name/x: /name is a string, not an object or an array
//   expected "~0" or "~1" after "~" in a JSON pointer, found "/a~2"
Result<std::string> ResolvePointer(const nlohmann::json& doc, const std::string& pointer);

// Sets the value at `resolved`, replacing what is there or adding an object member.
// REQUIRES: `resolved` came from ResolvePointer on a document of the same shape.
void SetAtResolvedPointer(nlohmann::json* doc, const std::string& resolved, nlohmann::json value);

}  // namespace estate::reports

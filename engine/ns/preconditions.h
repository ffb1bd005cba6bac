// GCS request preconditions (ifGenerationMatch and friends) evaluated against the object
// generation an operation targets.
#pragma once

#include <string>
#include <string_view>

#include "engine/ns/object.h"
#include "engine/status.h"

namespace estate {

// Checks `pre` against `target`, the generation the operation applies to (the live one, or
// the one named by the request), or nullptr when there is none (only inserts get that far;
// other operations answer 404 first). Conditions are checked in the order ifGenerationMatch,
// ifGenerationNotMatch, ifMetagenerationMatch, ifMetagenerationNotMatch.
//
// With no target, only ifGenerationMatch=0 holds; every other condition fails. With a target,
// ifGenerationMatch=0 fails.
//
// Returns OK, or PreconditionFailed (412) naming the first failing condition and the actual
// value, e.g.
//   precondition ifGenerationMatch=7 failed for object "b/o": actual generation is 5
//   precondition ifMetagenerationMatch=2 failed for object "b/o": no live generation exists
Status CheckPreconditions(const Preconditions& pre, const ObjectMeta* target,
                          std::string_view bucket, std::string_view name);

// "\"bucket/name\"" with unprintable bytes escaped, as error messages show an object.
std::string QuoteObject(std::string_view bucket, std::string_view name);

}  // namespace estate

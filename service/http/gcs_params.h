// Query parameters shared by several operations: generations and GCS preconditions.
#pragma once

#include <optional>
#include <string>

#include "engine/ns/object.h"
#include "engine/result.h"
#include "service/http/gcs_route.h"

namespace estate::service {

// An optional integer parameter. Errors: 400 naming the parameter when it is not a
// non-negative decimal integer.
Result<std::optional<int64_t>> Int64Param(const GcsRoute& route, const std::string& name);

// ifGenerationMatch, ifGenerationNotMatch, ifMetagenerationMatch, ifMetagenerationNotMatch;
// with prefix "ifSource" the source preconditions of copy and rewrite
// (ifSourceGenerationMatch, ...).
Result<Preconditions> PreconditionsParam(const GcsRoute& route, const std::string& prefix = "if");

}  // namespace estate::service

// Reads one consistency mode's figures (mode_comparison.h) from the result.json its
// `estate run` wrote (docs/RUNNING.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/result.h"
#include "reports/compare/mode_comparison.h"

namespace estate::reports {

// `mode` picks the t_visibility curve (t_visibility.<mode>, else t_visibility.all); egress is
// priced at `egress_per_gib`. run_dir and exit_code are left for the caller. Errors are
// Invalid and name `origin` (the file), the JSON pointer and what was expected, e.g.
// `out/strong/result.json: /stale_reads/rate: expected a number, found nothing`.
Result<ModeFigures> ReadModeFigures(const nlohmann::json& result, const std::string& mode,
                                    const std::string& origin, double egress_per_gib);

}  // namespace estate::reports

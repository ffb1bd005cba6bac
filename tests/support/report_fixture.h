// The report model of one fixed input under tests/data/report/, shared by the suites that
// check what the exporters make of it.
#pragma once

#include <string>

#include "reports/report/report_model.h"

namespace estate::testing {

// Loads and builds the fixture's report. A failure is a test failure (with the loader's
// message) and yields an empty model, so the caller's checks fail rather than crash.
reports::ReportModel FixtureReport(const std::string& fixture);

}  // namespace estate::testing

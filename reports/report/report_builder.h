// BuildReport: the report model of everything a result directory holds (report_inputs.h). It
// is built once, without I/O, and every exporter reads it. When a run has no sizing.json, the
// sizing table is derived from its result.json and scenario by estate size's own code
// (reports/sizing/), so a plain `estate run` directory gets the full table.
#pragma once

#include "engine/result.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_model.h"

namespace estate::reports {

// Errors are Invalid and name the file, the JSON pointer (or CSV line) and what was expected.
Result<ReportModel> BuildReport(const ReportInputs& inputs);

}  // namespace estate::reports

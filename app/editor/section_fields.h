// The fields each form editor shows, one list per scenario section (docs/SCENARIOS.md,
// "Fields"). Sections not listed (ui) are edited in the JSON tab only.
#pragma once

#include <string>
#include <vector>

#include "app/editor/field_spec.h"

namespace estate::studio {

std::vector<FieldSpec> GeneralFields();  // top level, simulation, sizing
std::vector<FieldSpec> SiteFields();
std::vector<FieldSpec> LinkFields();
std::vector<FieldSpec> MountFields();
// The workload's own fields, then one rate field per site id.
std::vector<FieldSpec> WorkloadFields(const std::vector<std::string>& site_ids);
std::vector<FieldSpec> BurstFields();
std::vector<FieldSpec> FailureFields();
std::vector<FieldSpec> ExpectationFields();

}  // namespace estate::studio

#include "tests/support/report_fixture.h"

#include <gtest/gtest.h>

#include "reports/report/report_builder.h"
#include "reports/report/report_inputs.h"
#include "tests/support/source_path.h"

namespace estate::testing {

reports::ReportModel FixtureReport(const std::string& fixture) {
  Result<reports::ReportInputs> in =
      reports::LoadReportInputs(SourcePath("tests/data/report/" + fixture), "");
  EXPECT_TRUE(in.ok()) << in.status().message();
  if (!in.ok()) return {};
  Result<reports::ReportModel> model = reports::BuildReport(*in);
  EXPECT_TRUE(model.ok()) << model.status().message();
  return model.ok() ? *model : reports::ReportModel{};
}

}  // namespace estate::testing

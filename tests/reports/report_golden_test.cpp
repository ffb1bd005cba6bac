// Golden files for `estate report`'s machine-readable and Markdown outputs: the report of each
// fixed input under tests/data/report/ must equal, byte for byte, the file under
// tests/golden/report/. After an intended change, regenerate them with
//   ESTATE_UPDATE_GOLDEN=1 ctest --preset default -R ReportGolden
// and review the diff (docs/REPORTS.md, Tests).
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "reports/report/report_builder.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_output.h"
#include "tests/support/cli_runner.h"
#include "tests/support/report_fixture.h"
#include "tests/support/source_path.h"

namespace estate::reports {
namespace {

using testing::ReadFileOrEmpty;
using testing::SourcePath;

void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = SourcePath("tests/golden/report/" + name);
  if (std::getenv("ESTATE_UPDATE_GOLDEN") != nullptr) {
    testing::WriteTextFile(path, actual);
    std::cerr << "rewrote " << path << '\n';
    return;
  }
  const std::string expected = ReadFileOrEmpty(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing; ESTATE_UPDATE_GOLDEN=1 writes it";
  EXPECT_EQ(actual, expected) << name << " differs from " << path
                              << "; if the change is intended, rerun with ESTATE_UPDATE_GOLDEN=1";
}

class ReportGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportGoldenTest, JsonCsvAndMarkdownMatchTheGoldenFiles) {
  const ReportModel model = testing::FixtureReport(GetParam());
  ExpectGolden(GetParam() + ".json", ReportJson(model));
  ExpectGolden(GetParam() + ".csv", ReportCsv(model));
  ExpectGolden(GetParam() + ".md", ReportMarkdown(model));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ReportGoldenTest,
                         ::testing::Values("run", "sizing", "compare", "sweep"));

}  // namespace
}  // namespace estate::reports

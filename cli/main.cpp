// estate: the headless command line that CI pipelines and the desktop app call.
#include <CLI/CLI.hpp>

#include "cli/compare_command.h"
#include "cli/demo_command.h"
#include "cli/merge_command.h"
#include "cli/report_command.h"
#include "cli/run_command.h"
#include "cli/serve_command.h"
#include "cli/size_command.h"
#include "cli/sweep_command.h"
#include "cli/validate_command.h"

int main(int argc, char** argv) {
  CLI::App app{"Estate: hybrid cloud storage simulation and capacity planning"};
  app.require_subcommand(1);
  estate::AddDemoCommand(app);
  estate::AddValidateCommand(app);
  estate::AddRunCommand(app);
  estate::AddSizeCommand(app);
  estate::AddCompareCommand(app);
  estate::AddSweepCommand(app);
  estate::AddMergeCommand(app);
  estate::AddReportCommand(app);
  estate::AddServeCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

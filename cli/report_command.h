// `estate report RESULT_DIR [--format html,pdf,md,json,csv] [--out DIR] [--scenario FILE]`:
// the POC sizing report of a run, sizing, comparison or sweep directory (docs/REPORTS.md).
// Prints the path of each file written, one per line. Exit 0 written, 2 bad arguments or
// inputs (the message names the file and field), 3 an output could not be written.
#pragma once

namespace CLI {
class App;
}

namespace estate {

void AddReportCommand(CLI::App& app);

}  // namespace estate

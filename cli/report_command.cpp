#include "cli/report_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/atomic_file.h"
#include "reports/pdf/report_pdf.h"
#include "reports/report/report_builder.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_output.h"

namespace estate {
namespace {

namespace fs = std::filesystem;

// In the order they are written and printed, whatever the order asked.
const std::vector<std::string>& KnownFormats() {
  static const std::vector<std::string> kFormats = {"html", "pdf", "md", "json", "csv"};
  return kFormats;
}

struct ReportArgs {
  std::string dir;
  std::string formats = "html,pdf,md,json,csv";
  std::string out;  // default: the result directory
  std::string scenario;
};

// "html, pdf" -> {"html", "pdf"}; an unknown or repeated name is an error.
Result<std::set<std::string>> ParseFormats(const std::string& text) {
  std::set<std::string> formats;
  std::stringstream list(text);
  for (std::string name; std::getline(list, name, ',');) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const auto& known = KnownFormats();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Status::Invalid(
          "--format: expected a comma-separated list of html, pdf, md, json, csv, found \"" + name +
          "\"");
    }
    if (!formats.insert(name).second) {
      return Status::Invalid("--format: expected each format once, found \"" + name + "\" again");
    }
  }
  if (formats.empty()) {
    return Status::Invalid("--format: expected at least one format, found none");
  }
  return formats;
}

// The file's content in `format`.
Result<std::string> Render(const std::string& format, const reports::ReportModel& m) {
  if (format == "html") return reports::ReportHtml(m);
  if (format == "pdf") {
    Result<reports::PdfDocument> pdf = reports::ReportPdf(m);
    if (!pdf.ok()) return pdf.status();
    return std::move(pdf->bytes);
  }
  if (format == "md") return reports::ReportMarkdown(m);
  if (format == "json") return reports::ReportJson(m);
  return reports::ReportCsv(m);
}

int Report(const ReportArgs& a) {
  Result<std::set<std::string>> formats = ParseFormats(a.formats);
  if (!formats.ok()) {
    std::cerr << "estate report: " << formats.status().message() << '\n';
    return 2;
  }
  Result<reports::ReportInputs> inputs = reports::LoadReportInputs(a.dir, a.scenario);
  if (!inputs.ok()) {
    std::cerr << "estate report: " << inputs.status().message() << '\n';
    return 2;
  }
  Result<reports::ReportModel> model = reports::BuildReport(*inputs);
  if (!model.ok()) {
    std::cerr << "estate report: " << model.status().message() << '\n';
    return 2;
  }
  const fs::path out = a.out.empty() ? fs::path(a.dir) : fs::path(a.out);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << "estate report: " << out.string()
              << ": cannot create the output directory: " << ec.message() << '\n';
    return 3;
  }
  for (const std::string& format : KnownFormats()) {
    if (formats->count(format) == 0) continue;
    const fs::path path = out / ("report." + format);
    const Result<std::string> content = Render(format, *model);
    if (!content.ok()) {
      std::cerr << "estate report: " << path.string() << ": " << content.status().message() << '\n';
      return 3;
    }
    if (!WriteFileAtomically(path, *content)) return 3;
    std::cout << path.string() << '\n';
  }
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write the POC sizing report of a run, sizing, comparison or sweep directory");
  cmd->add_option("result_dir", args->dir,
                  "Directory written by estate run, size, compare or sweep")
      ->required();
  cmd->add_option("--format", args->formats, "Comma-separated: html, pdf, md, json, csv")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Output directory (default: RESULT_DIR)");
  cmd->add_option("--scenario", args->scenario,
                  "The scenario the run simulated (default: RESULT_DIR/scenario.json)");
  cmd->callback([args] { std::exit(Report(*args)); });
}

}  // namespace estate

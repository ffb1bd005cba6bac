#include "reports/sweep/sweep_parameter.h"

namespace estate::reports {
namespace {

using nlohmann::json;

// Splits at commas that are outside JSON strings, brackets and braces.
std::vector<std::string> SplitValues(const std::string& list) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (in_string) {
      if (c == '\\' && i + 1 < list.size()) {
        current += c;
        current += list[++i];
        continue;
      }
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  out.push_back(current);
  return out;
}

}  // namespace

Result<SweepParameter> ParseSweepParameter(const std::string& arg) {
  const size_t eq = arg.find('=');
  if (eq == std::string::npos) {
    return Status::Invalid("expected PATH=V1,V2,...");
  }
  SweepParameter p;
  p.pointer = arg.substr(0, eq);
  const std::string list = arg.substr(eq + 1);
  if (list.empty()) return Status::Invalid("expected at least one value after \"=\"");
  const std::vector<std::string> items = SplitValues(list);
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].empty()) {
      return Status::Invalid("value " + std::to_string(i + 1) +
                             " is empty; write \"\" for the empty string");
    }
    json value = json::parse(items[i], nullptr, /*allow_exceptions=*/false);
    p.values.push_back(value.is_discarded() ? json(items[i]) : std::move(value));
  }
  return p;
}

std::string DescribeSetting(const SweepParameter& parameter, const json& value) {
  std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (shown.size() > 48) shown = shown.substr(0, 45) + "...";
  return parameter.pointer + " = " + shown;
}

}  // namespace estate::reports

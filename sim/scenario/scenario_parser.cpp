#include "sim/scenario/scenario_parser.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "engine/mount/mount_table.h"
#include "models/json/json_nesting.h"
#include "sim/scenario/expectation_parser.h"
#include "sim/scenario/scenario_sections.h"

namespace estate {
namespace {

// Line and column (1-based) of a byte offset, for JSON syntax errors.
std::pair<size_t, size_t> LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

std::vector<std::string> ScenarioParse::Messages() const {
  std::vector<std::string> out;
  if (!json_error.empty()) out.push_back(json_error);
  for (const ScenarioError& e : errors)
    out.push_back(e.Format(file));
  return out;
}

ScenarioParse ParseScenario(std::string_view text, const std::string& file) {
  ScenarioParse result;
  result.file = file;
  nlohmann::json doc;
  try {
    if (JsonNestsDeeperThan(text)) {
      result.json_error = file + ": invalid JSON: nested deeper than 64 levels";
      return result;
    }
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, col] = LineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    const size_t colon = what.rfind(": ");
    result.json_error =
        file + ":" + std::to_string(line) + ":" + std::to_string(col) +
        ": invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
    return result;
  }
  JsonReader r;
  ReadScenario(doc, r, &result.scenario);
  result.errors = r.TakeSortedErrors();
  return result;
}

ScenarioParse LoadScenario(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ScenarioParse result;
    result.file = path;
    result.json_error = path + ": cannot read: " + std::strerror(errno);
    return result;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseScenario(buffer.str(), path);
}

}  // namespace estate

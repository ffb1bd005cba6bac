#include <cmath>
#include <sstream>

#include "sim/output/run_result.h"

namespace estate::sim {
namespace {

using nlohmann::json;

// result.json keeps durations in seconds; expectations carry them in nanoseconds.
double ToExpectationUnit(double v, const std::string& unit) {
  return unit == "duration" ? v * 1e9 : v;
}

std::string Show(double v, const std::string& unit) {
  std::ostringstream o;
  o.precision(6);
  if (unit == "duration") {
    o << v / 1e9 << " s";
  } else if (unit == "bytes") {
    o << v << " bytes";
  } else if (unit == "bandwidth") {
    o << v << " bit/s";
  } else {
    o << v;
  }
  return o.str();
}

bool Compare(double a, const std::string& op, double b) {
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  return a == b;
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<ExpectationOutcome> CheckExpectations(const std::vector<Expectation>& expectations,
                                                  const json& result) {
  std::vector<ExpectationOutcome> out;
  for (const Expectation& e : expectations) {
    ExpectationOutcome o;
    o.expectation = e;
    const json* node = &result;
    std::string path;
    std::istringstream parts(e.metric);
    for (std::string part; std::getline(parts, part, '.');) {
      path += "/" + part;
      if (!node->is_object() || !node->contains(part)) {
        node = nullptr;
        break;
      }
      node = &(*node)[part];
    }
    if (node == nullptr || !node->is_number()) {
      o.message = "metric \"" + e.metric + "\" is not in the result (no number at " + path + ")";
      out.push_back(o);
      continue;
    }
    o.found = true;
    o.actual = ToExpectationUnit(node->get<double>(), e.unit);
    o.pass = Compare(o.actual, e.comparator, e.value);
    o.message = e.metric + " = " + Show(o.actual, e.unit) +
                (o.pass ? ", meets " : ", does not meet ") + e.comparator + " " +
                Show(e.value, e.unit);
    out.push_back(o);
  }
  return out;
}

std::string JunitXml(const std::string& scenario, const std::vector<ExpectationOutcome>& outcomes) {
  int failures = 0;
  for (const ExpectationOutcome& o : outcomes)
    failures += !o.pass;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites tests=\"" + std::to_string(outcomes.size()) + "\" failures=\"" +
       std::to_string(failures) + "\">\n";
  x += "  <testsuite name=\"" + XmlEscape(scenario) + "\" tests=\"" +
       std::to_string(outcomes.size()) + "\" failures=\"" + std::to_string(failures) + "\">\n";
  for (const ExpectationOutcome& o : outcomes) {
    x += "    <testcase classname=\"" + XmlEscape(scenario) + ".expectations\" name=\"" +
         XmlEscape(o.expectation.text) + "\"";
    if (o.pass) {
      x += "/>\n";
    } else {
      x += ">\n      <failure message=\"" + XmlEscape(o.message) + "\">" + XmlEscape(o.message) +
           "</failure>\n    </testcase>\n";
    }
  }
  x += "  </testsuite>\n</testsuites>\n";
  return x;
}

}  // namespace estate::sim

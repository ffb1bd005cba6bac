// report.json follows reports/report.schema.json. Debian has no JSON Schema validator for
// nlohmann, so this checks the subset the schema uses: type, const, enum, properties,
// required, additionalProperties: false, items and local $ref.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/report/report_builder.h"
#include "reports/report/report_inputs.h"
#include "reports/report/report_output.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate::reports {
namespace {

using nlohmann::json;

bool HasType(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  return false;
}

class SchemaCheck {
 public:
  explicit SchemaCheck(json root) : root_(std::move(root)) {}

  // Every violation, as "pointer: what".
  std::vector<std::string> Check(const json& doc) {
    errors_.clear();
    Validate(doc, root_, "");
    return errors_;
  }

 private:
  void Validate(const json& v, const json& schema, const std::string& at) {
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];  // "#/$defs/axis"
      Validate(v, root_.at(json::json_pointer(ref.substr(1))), at);
      return;
    }
    if (schema.contains("type")) {
      const json types = schema["type"].is_array() ? schema["type"] : json::array({schema["type"]});
      bool any = false;
      for (const json& t : types)
        any = any || HasType(v, t.get<std::string>());
      if (!any) errors_.push_back(at + ": expected " + types.dump() + ", found " + v.dump());
    }
    if (schema.contains("const") && v != schema["const"]) {
      errors_.push_back(at + ": expected " + schema["const"].dump());
    }
    if (schema.contains("enum")) {
      const json& e = schema["enum"];
      if (std::find(e.begin(), e.end(), v) == e.end()) {
        errors_.push_back(at + ": " + v.dump() + " not in " + e.dump());
      }
    }
    if (v.is_object()) {
      for (const json& key : schema.value("required", json::array())) {
        if (!v.contains(key.get<std::string>())) {
          errors_.push_back(at + ": missing " + key.get<std::string>());
        }
      }
      const json properties = schema.value("properties", json::object());
      for (const auto& [key, value] : v.items()) {
        if (properties.contains(key)) {
          Validate(value, properties[key], at + "/" + key);
        } else if (schema.value("additionalProperties", true) == false) {
          errors_.push_back(at + ": unexpected " + key);
        }
      }
    }
    if (v.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < v.size(); ++i)
        Validate(v[i], schema["items"], at + "/" + std::to_string(i));
    }
  }

  json root_;
  std::vector<std::string> errors_;
};

SchemaCheck Schema() {
  return SchemaCheck(
      json::parse(testing::ReadFileOrEmpty(testing::SourcePath("reports/report.schema.json"))));
}

std::string ReportOf(const std::string& fixture) {
  Result<ReportInputs> in =
      LoadReportInputs(testing::SourcePath("tests/data/report/" + fixture), "");
  EXPECT_TRUE(in.ok()) << in.status().message();
  Result<ReportModel> model = BuildReport(*in);
  EXPECT_TRUE(model.ok()) << model.status().message();
  return ReportJson(*model);
}

TEST(ReportSchemaTest, EveryFixturesReportFollowsTheSchema) {
  SchemaCheck schema = Schema();
  for (const char* fixture : {"run", "sizing", "compare", "sweep"}) {
    const std::vector<std::string> errors = schema.Check(json::parse(ReportOf(fixture)));
    EXPECT_TRUE(errors.empty()) << fixture << ": " << errors.front();
  }
}

TEST(ReportSchemaTest, TheCheckFindsViolations) {
  // Parsed into a json (keys sorted), so the violations come in key order.
  json doc = json::parse(ReportOf("run"));
  doc["run"]["extra"] = 1;
  doc["charts"][0]["kind"] = "pie";
  doc["sizing"].erase("links");
  doc["run"]["operations"] = 1.5;
  EXPECT_EQ(Schema().Check(doc),
            (std::vector<std::string>{
                "/charts/0/kind: \"pie\" not in [\"line\",\"bar\"]", "/run: unexpected extra",
                "/run/operations: expected [\"integer\"], found 1.5", "/sizing: missing links"}));
}

}  // namespace
}  // namespace estate::reports

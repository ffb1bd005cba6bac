// JsonReader: reads typed fields out of a parsed JSON document while collecting every
// problem as (JSON pointer, what was expected, what was found), so a user sees all errors of
// a scenario at once. It never throws and never stops at the first error.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace estate {

struct ScenarioError {
  std::string pointer;  // RFC 6901, "" for the document itself
  std::string expected;
  std::string found;

  // "file: /links/1/bandwidth: expected a bandwidth such as \"100Gbps\", found \"fast\""
  std::string Format(const std::string& file) const;
  friend bool operator<(const ScenarioError& a, const ScenarioError& b) {
    return std::tie(a.pointer, a.expected, a.found) < std::tie(b.pointer, b.expected, b.found);
  }
};

class JsonReader {
 public:
  void Error(const std::string& pointer, const std::string& expected, const std::string& found);
  void Error(const std::string& pointer, const std::string& expected, const nlohmann::json* found);
  const std::vector<ScenarioError>& errors() const { return errors_; }
  std::vector<ScenarioError> TakeSortedErrors();

  // Reports keys of `object` that are not in `known`.
  void CheckKnownKeys(const nlohmann::json& object, const std::string& pointer,
                      const std::set<std::string>& known);

  // Each getter: when the key is absent, leaves *out unchanged and reports an error only if
  // `required`; when present but wrong, reports an error. Returns whether *out was set.
  bool String(const nlohmann::json& obj, const std::string& ptr, const char* key, std::string* out,
              bool required = false);
  bool Number(const nlohmann::json& obj, const std::string& ptr, const char* key, double* out,
              bool required = false, double min = -1e308, double max = 1e308);
  bool Integer(const nlohmann::json& obj, const std::string& ptr, const char* key, int64_t* out,
               bool required = false, int64_t min = INT64_MIN, int64_t max = INT64_MAX);
  bool Bool(const nlohmann::json& obj, const std::string& ptr, const char* key, bool* out);
  // Unit strings, parsed by models/units.h.
  bool Duration(const nlohmann::json& obj, const std::string& ptr, const char* key, int64_t* out_ns,
                bool required = false);
  bool Bandwidth(const nlohmann::json& obj, const std::string& ptr, const char* key,
                 double* out_bps, bool required = false);
  bool Bytes(const nlohmann::json& obj, const std::string& ptr, const char* key, double* out,
             bool required = false);
  // An array field; calls each(element, element_pointer). Returns false when absent or wrong.
  bool Array(const nlohmann::json& obj, const std::string& ptr, const char* key,
             const std::function<void(const nlohmann::json&, const std::string&)>& each,
             bool required = false);
  // An object field that must be a JSON object; returns it or nullptr.
  const nlohmann::json* Object(const nlohmann::json& obj, const std::string& ptr, const char* key,
                               bool required = false);

  static std::string Child(const std::string& ptr, const std::string& key);
  static std::string Child(const std::string& ptr, size_t index);
  static std::string Show(const nlohmann::json& value);

 private:
  const nlohmann::json* Find(const nlohmann::json& obj, const std::string& ptr, const char* key,
                             const char* expected, bool required);
  // A string with a unit, converted by `parse`.
  bool UnitValue(const nlohmann::json& obj, const std::string& ptr, const char* key,
                 const char* expected, std::optional<double> (*parse)(std::string_view),
                 double* out, bool required);
  std::vector<ScenarioError> errors_;
};

}  // namespace estate

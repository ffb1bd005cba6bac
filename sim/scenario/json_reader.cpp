#include "sim/scenario/json_reader.h"

#include <algorithm>
#include <cmath>

#include "engine/json_excerpt.h"
#include "models/units.h"

namespace estate {

std::string ScenarioError::Format(const std::string& file) const {
  return file + ": " + (pointer.empty() ? "/" : pointer) + ": expected " + expected + ", found " +
         found;
}

std::string JsonReader::Show(const nlohmann::json& value) {
  return JsonExcerpt(value, 48);
}

std::string JsonReader::Child(const std::string& ptr, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return ptr + "/" + escaped;
}

std::string JsonReader::Child(const std::string& ptr, size_t index) {
  return ptr + "/" + std::to_string(index);
}

void JsonReader::Error(const std::string& pointer, const std::string& expected,
                       const std::string& found) {
  errors_.push_back({pointer, expected, found});
}

void JsonReader::Error(const std::string& pointer, const std::string& expected,
                       const nlohmann::json* found) {
  Error(pointer, expected, found == nullptr ? std::string("nothing") : Show(*found));
}

std::vector<ScenarioError> JsonReader::TakeSortedErrors() {
  std::vector<ScenarioError> out = std::move(errors_);
  std::stable_sort(out.begin(), out.end(), [](const ScenarioError& a, const ScenarioError& b) {
    return a.pointer < b.pointer;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const ScenarioError& a, const ScenarioError& b) {
                          return !(a < b) && !(b < a);
                        }),
            out.end());
  return out;
}

void JsonReader::CheckKnownKeys(const nlohmann::json& object, const std::string& pointer,
                                const std::set<std::string>& known) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (known.count(key)) continue;
    std::string list;
    for (const std::string& k : known)
      list += (list.empty() ? "" : ", ") + k;
    Error(Child(pointer, key), "one of the fields " + list, "unknown field \"" + key + "\"");
  }
}

const nlohmann::json* JsonReader::Find(const nlohmann::json& obj, const std::string& ptr,
                                       const char* key, const char* expected, bool required) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(Child(ptr, key), expected, nullptr);
    return nullptr;
  }
  return &*it;
}

bool JsonReader::String(const nlohmann::json& obj, const std::string& ptr, const char* key,
                        std::string* out, bool required) {
  const nlohmann::json* v = Find(obj, ptr, key, "a string", required);
  if (v == nullptr) return false;
  if (!v->is_string()) {
    Error(Child(ptr, key), "a string", v);
    return false;
  }
  *out = v->get<std::string>();
  return true;
}

bool JsonReader::Number(const nlohmann::json& obj, const std::string& ptr, const char* key,
                        double* out, bool required, double min, double max) {
  const nlohmann::json* v = Find(obj, ptr, key, "a number", required);
  if (v == nullptr) return false;
  if (!v->is_number()) {
    Error(Child(ptr, key), "a number", v);
    return false;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    Error(Child(ptr, key),
          "a number from " + Show(nlohmann::json(min)) + " to " + Show(nlohmann::json(max)), v);
    return false;
  }
  *out = d;
  return true;
}

bool JsonReader::Integer(const nlohmann::json& obj, const std::string& ptr, const char* key,
                         int64_t* out, bool required, int64_t min, int64_t max) {
  const nlohmann::json* v = Find(obj, ptr, key, "an integer", required);
  if (v == nullptr) return false;
  if (!v->is_number_integer() ||
      (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))) {
    Error(Child(ptr, key), "an integer", v);
    return false;
  }
  const int64_t i = v->get<int64_t>();
  if (i < min || i > max) {
    Error(Child(ptr, key), "an integer from " + std::to_string(min) + " to " + std::to_string(max),
          v);
    return false;
  }
  *out = i;
  return true;
}

bool JsonReader::Bool(const nlohmann::json& obj, const std::string& ptr, const char* key,
                      bool* out) {
  const nlohmann::json* v = Find(obj, ptr, key, "true or false", false);
  if (v == nullptr) return false;
  if (!v->is_boolean()) {
    Error(Child(ptr, key), "true or false", v);
    return false;
  }
  *out = v->get<bool>();
  return true;
}

bool JsonReader::UnitValue(const nlohmann::json& obj, const std::string& ptr, const char* key,
                           const char* expected, std::optional<double> (*parse)(std::string_view),
                           double* out, bool required) {
  const nlohmann::json* v = Find(obj, ptr, key, expected, required);
  if (v == nullptr) return false;
  std::optional<double> value = v->is_string() ? parse(v->get<std::string>()) : std::nullopt;
  if (!value) {
    Error(Child(ptr, key), expected, v);
    return false;
  }
  *out = *value;
  return true;
}

bool JsonReader::Duration(const nlohmann::json& obj, const std::string& ptr, const char* key,
                          int64_t* out_ns, bool required) {
  static constexpr const char* kExpected = "a duration such as \"15ms\" or \"24h\"";
  double ns = 0;
  if (!UnitValue(obj, ptr, key, kExpected, &ParseDurationNs, &ns, required)) return false;
  if (ns > 9.2e18) {
    Error(Child(ptr, key), kExpected, &obj[key]);
    return false;
  }
  *out_ns = static_cast<int64_t>(std::llround(ns));
  return true;
}

bool JsonReader::Bandwidth(const nlohmann::json& obj, const std::string& ptr, const char* key,
                           double* out_bps, bool required) {
  return UnitValue(obj, ptr, key, "a bandwidth such as \"100Gbps\"", &ParseBandwidthBps, out_bps,
                   required);
}

bool JsonReader::Bytes(const nlohmann::json& obj, const std::string& ptr, const char* key,
                       double* out, bool required) {
  return UnitValue(obj, ptr, key, "a size such as \"64MiB\" or \"2PB\"", &ParseBytes, out,
                   required);
}

bool JsonReader::Array(const nlohmann::json& obj, const std::string& ptr, const char* key,
                       const std::function<void(const nlohmann::json&, const std::string&)>& each,
                       bool required) {
  const nlohmann::json* v = Find(obj, ptr, key, "an array", required);
  if (v == nullptr) return false;
  if (!v->is_array()) {
    Error(Child(ptr, key), "an array", v);
    return false;
  }
  const std::string here = Child(ptr, key);
  for (size_t i = 0; i < v->size(); ++i)
    each((*v)[i], Child(here, i));
  return true;
}

const nlohmann::json* JsonReader::Object(const nlohmann::json& obj, const std::string& ptr,
                                         const char* key, bool required) {
  const nlohmann::json* v = Find(obj, ptr, key, "an object", required);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    Error(Child(ptr, key), "an object", v);
    return nullptr;
  }
  return v;
}

}  // namespace estate

#include "reports/report/json_fields.h"

#include "engine/json_excerpt.h"

namespace estate::reports {
namespace {

const nlohmann::json& EmptyObject() {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

const nlohmann::json& EmptyArray() {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  return kEmpty;
}

// A found value as the message shows it: short, so that a huge array does not flood it.
std::string Show(const nlohmann::json* v) {
  // Sixty characters, then the ellipsis.
  return v == nullptr ? "nothing" : JsonExcerpt(*v, 63);
}

}  // namespace

std::string PointerToken(const std::string& key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

JsonFields::JsonFields(const nlohmann::json& doc, std::string origin)
    : doc_(doc), origin_(std::move(origin)) {}

const nlohmann::json* JsonFields::Find(const std::string& pointer) const {
  try {
    const nlohmann::json::json_pointer p(pointer);
    return doc_.contains(p) ? &doc_.at(p) : nullptr;
  } catch (const nlohmann::json::exception&) {
    // A pointer through a scalar or with a non-numeric array index names nothing.
    return nullptr;
  }
}

void JsonFields::Fail(const std::string& pointer, const std::string& expected,
                      const nlohmann::json* found) {
  if (!status_.ok()) return;
  status_ = Status::Invalid(origin_ + ": " + pointer + ": expected " + expected + ", found " +
                            Show(found));
}

const nlohmann::json* JsonFields::Typed(const std::string& pointer, const char* expected,
                                        bool (nlohmann::json::*is)() const) {
  const nlohmann::json* v = Find(pointer);
  if (v == nullptr || !(v->*is)()) {
    Fail(pointer, expected, v);
    return nullptr;
  }
  return v;
}

double JsonFields::Number(const std::string& pointer) {
  const nlohmann::json* v = Typed(pointer, "a number", &nlohmann::json::is_number);
  return v == nullptr ? 0 : v->get<double>();
}

uint64_t JsonFields::Count(const std::string& pointer) {
  // nlohmann keeps a non-negative integer as signed when it was built from an int.
  const nlohmann::json* v = Find(pointer);
  if (v == nullptr || !v->is_number_integer() || v->get<int64_t>() < 0) {
    Fail(pointer, "a count", v);
    return 0;
  }
  return v->get<uint64_t>();
}

std::string JsonFields::Text(const std::string& pointer) {
  const nlohmann::json* v = Typed(pointer, "a string", &nlohmann::json::is_string);
  return v == nullptr ? "" : v->get<std::string>();
}

bool JsonFields::Bool(const std::string& pointer) {
  const nlohmann::json* v = Typed(pointer, "true or false", &nlohmann::json::is_boolean);
  return v != nullptr && v->get<bool>();
}

const nlohmann::json& JsonFields::Object(const std::string& pointer) {
  const nlohmann::json* v = Typed(pointer, "an object", &nlohmann::json::is_object);
  return v == nullptr ? EmptyObject() : *v;
}

const nlohmann::json& JsonFields::Array(const std::string& pointer) {
  const nlohmann::json* v = Typed(pointer, "an array", &nlohmann::json::is_array);
  return v == nullptr ? EmptyArray() : *v;
}

std::optional<double> JsonFields::OptionalNumber(const std::string& pointer) {
  const nlohmann::json* v = Find(pointer);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_number()) {
    Fail(pointer, "a number or null", v);
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<std::string> JsonFields::OptionalText(const std::string& pointer) {
  const nlohmann::json* v = Find(pointer);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    Fail(pointer, "a string or null", v);
    return std::nullopt;
  }
  return v->get<std::string>();
}

}  // namespace estate::reports

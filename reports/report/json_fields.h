// JsonFields: reads typed fields of an input document (result.json, sizing.json, ...) by JSON
// pointer. The first field that is missing or of the wrong type becomes the error, which names
// the file, the pointer and what was expected:
//   "out/result.json: /run/duration_s: expected a number, found nothing"
// so that a report built from a damaged file says exactly what is wrong with it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/status.h"

namespace estate::reports {

// `key` as one JSON pointer token (RFC 6901: "~" -> "~0", "/" -> "~1").
std::string PointerToken(const std::string& key);

class JsonFields {
 public:
  // REQUIRES: `doc` outlives this reader.
  JsonFields(const nlohmann::json& doc, std::string origin);

  // The value at `pointer`, or nullptr when there is none. Never an error.
  const nlohmann::json* Find(const std::string& pointer) const;

  // Required fields: on failure record the error and return a neutral value.
  double Number(const std::string& pointer);
  uint64_t Count(const std::string& pointer);
  std::string Text(const std::string& pointer);
  bool Bool(const std::string& pointer);
  // An object or an array; an empty one on failure.
  const nlohmann::json& Object(const std::string& pointer);
  const nlohmann::json& Array(const std::string& pointer);

  // Optional fields: absent or null give nullopt; present with another type is an error.
  std::optional<double> OptionalNumber(const std::string& pointer);
  std::optional<std::string> OptionalText(const std::string& pointer);

  // Records an error about the value at `pointer` (nullptr: absent), unless one is recorded.
  void Fail(const std::string& pointer, const std::string& expected, const nlohmann::json* found);

  const std::string& origin() const { return origin_; }
  bool ok() const { return status_.ok(); }
  // OK, or Invalid with the first error.
  const Status& status() const { return status_; }

 private:
  const nlohmann::json* Typed(const std::string& pointer, const char* expected,
                              bool (nlohmann::json::*is)() const);

  const nlohmann::json& doc_;
  std::string origin_;
  Status status_;
};

}  // namespace estate::reports

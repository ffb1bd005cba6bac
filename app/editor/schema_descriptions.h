// Field descriptions from scenarios/schema.json (compiled into the app as a resource), so that
// each form field's tooltip says what the schema says, in one place.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <string>

namespace estate::studio {

class SchemaDescriptions {
 public:
  // Reads the schema from the app's resources (":/scenario/schema.json").
  SchemaDescriptions();
  explicit SchemaDescriptions(nlohmann::json schema) : schema_(std::move(schema)) {}

  // The description of the field at scenario pointer `pointer` ("/links/0/bandwidth"), then
  // the description of the type it refers to ("A bandwidth in bits per second, ..."), one
  // per line; empty when the schema describes neither.
  QString For(const std::string& pointer) const;

  // The schema every form shares.
  static const SchemaDescriptions& Shared();

 private:
  const nlohmann::json* Resolve(const nlohmann::json& node) const;

  nlohmann::json schema_;
};

}  // namespace estate::studio

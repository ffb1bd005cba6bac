#include "app/editor/schema_descriptions.h"

#include <QFile>
#include <QStringList>

namespace estate::studio {
namespace {

using nlohmann::json;

std::string Description(const json& node) {
  const auto it = node.find("description");
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Unescapes one RFC 6901 token.
std::string Unescape(std::string token) {
  for (size_t i = 0; (i = token.find('~', i)) != std::string::npos; ++i)
    token.replace(i, 2, token.compare(i, 2, "~1") == 0 ? "/" : "~");
  return token;
}

}  // namespace

SchemaDescriptions::SchemaDescriptions() {
  QFile file(":/scenario/schema.json");
  if (!file.open(QIODevice::ReadOnly)) return;
  schema_ = json::parse(file.readAll().toStdString(), nullptr, /*allow_exceptions=*/false);
  if (schema_.is_discarded()) schema_ = json();
}

const SchemaDescriptions& SchemaDescriptions::Shared() {
  static const SchemaDescriptions shared;
  return shared;
}

// Follows a local "$ref": "#/$defs/name".
const json* SchemaDescriptions::Resolve(const json& node) const {
  const auto ref = node.find("$ref");
  if (ref == node.end() || !ref->is_string()) return &node;
  const std::string target = ref->get<std::string>();
  if (target.rfind("#/", 0) != 0) return &node;
  try {
    const json::json_pointer p(target.substr(1));
    return schema_.contains(p) ? &schema_.at(p) : &node;
  } catch (const json::exception&) {
    return &node;
  }
}

QString SchemaDescriptions::For(const std::string& pointer) const {
  if (!schema_.is_object() || pointer.empty() || pointer[0] != '/') return {};
  const json* node = &schema_;
  size_t start = 1;
  while (node != nullptr) {
    const size_t slash = pointer.find('/', start);
    const std::string token = Unescape(
        pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    const json& type = *Resolve(*node);
    const json* next = nullptr;
    if (type.contains("items") && type["items"].is_object()) {
      next = &type["items"];
    } else if (type.contains("properties") && type["properties"].contains(token)) {
      next = &type["properties"][token];
    } else if (type.contains("additionalProperties") && type["additionalProperties"].is_object()) {
      next = &type["additionalProperties"];
    }
    node = next;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (node == nullptr) return {};
  QStringList lines;
  for (const std::string& text : {Description(*node), Description(*Resolve(*node))}) {
    if (!text.empty() && !lines.contains(QString::fromStdString(text)))
      lines << QString::fromStdString(text);
  }
  return lines.join('\n');
}

}  // namespace estate::studio

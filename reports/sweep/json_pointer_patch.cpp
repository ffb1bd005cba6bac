#include "reports/sweep/json_pointer_patch.h"

#include <vector>

namespace estate::reports {
namespace {

using nlohmann::json;

std::string Escape(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// The raw (still escaped) tokens after each "/", or false on a bad escape.
bool SplitTokens(const std::string& pointer, std::vector<std::string>* raw,
                 std::vector<std::string>* unescaped) {
  size_t start = 1;
  while (start <= pointer.size()) {
    size_t slash = pointer.find('/', start);
    if (slash == std::string::npos) slash = pointer.size();
    const std::string token = pointer.substr(start, slash - start);
    std::string plain;
    for (size_t i = 0; i < token.size(); ++i) {
      if (token[i] != '~') {
        plain += token[i];
        continue;
      }
      if (i + 1 == token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) return false;
      plain += token[i + 1] == '0' ? '~' : '/';
      ++i;
    }
    raw->push_back(token);
    unescaped->push_back(plain);
    start = slash + 1;
  }
  return true;
}

// RFC 6901 array indexes: "0", or digits without a leading zero.
bool IsIndex(const std::string& token) {
  if (token.empty() || token.size() > 9) return false;
  if (token.size() > 1 && token[0] == '0') return false;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string KindOf(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

}  // namespace

Result<std::string> ResolvePointer(const json& doc, const std::string& pointer) {
  if (pointer.empty() || pointer[0] != '/') {
    return Status::Invalid("expected a JSON pointer starting with \"/\", found \"" + pointer +
                           "\"");
  }
  std::vector<std::string> raw;
  std::vector<std::string> tokens;
  if (!SplitTokens(pointer, &raw, &tokens)) {
    return Status::Invalid("expected \"~0\" or \"~1\" after \"~\" in a JSON pointer, found \"" +
                           pointer + "\"");
  }
  const json* at = &doc;
  std::string given;  // the pointer as the user wrote it, up to the current token
  std::string resolved;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string parent = given.empty() ? "/" : given;
    given += "/" + raw[i];
    const bool last = i + 1 == tokens.size();
    if (at->is_object()) {
      resolved += "/" + Escape(tokens[i]);
      if (at->contains(tokens[i])) {
        at = &(*at)[tokens[i]];
      } else if (!last) {
        return Status::Invalid(given +
                               ": no such field (only the last token may name a new field)");
      }
    } else if (at->is_array()) {
      if (IsIndex(tokens[i])) {
        const size_t index = std::stoul(tokens[i]);
        if (index >= at->size()) {
          return Status::Invalid(given + ": no such element (" + parent + " has " +
                                 std::to_string(at->size()) + ")");
        }
        resolved += "/" + tokens[i];
        at = &(*at)[index];
        continue;
      }
      size_t index = at->size();
      for (size_t e = 0; e < at->size(); ++e) {
        const json& element = (*at)[e];
        if (element.is_object() && element.contains("id") && element["id"] == tokens[i]) {
          index = e;
          break;
        }
      }
      if (index == at->size()) {
        return Status::Invalid(given + ": no element of " + parent +
                               " has \"id\": " + json(tokens[i]).dump());
      }
      resolved += "/" + std::to_string(index);
      at = &(*at)[index];
    } else {
      return Status::Invalid(given + ": " + parent + " is " + KindOf(*at) +
                             ", not an object or an array");
    }
  }
  return resolved;
}

void SetAtResolvedPointer(json* doc, const std::string& resolved, json value) {
  (*doc)[json::json_pointer(resolved)] = std::move(value);
}

}  // namespace estate::reports

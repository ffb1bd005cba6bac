#include "models/cost/price_table.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "engine/json_excerpt.h"
#include "models/json/json_nesting.h"

namespace estate {
namespace {

using Json = nlohmann::json;

// A JSON pointer's reference token for `key` (RFC 6901: "~" is "~0", "/" is "~1").
std::string Child(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (const char c : key) {
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

// A found value as messages show it: its JSON text, cut after 48 characters.
std::string Shown(const Json& value) {
  return JsonExcerpt(value, 48);
}

// Reads one document, stopping at the first error.
class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  Status Error(const std::string& pointer, std::string_view expected,
               const std::string& found) const {
    return Status::Invalid(origin_ + ": " + (pointer.empty() ? "/" : pointer) + ": expected " +
                           std::string(expected) + ", found " + found);
  }

  Status Object(const Json& value, const std::string& pointer) const {
    if (!value.is_object()) return Error(pointer, "an object", Shown(value));
    return Status::Ok();
  }

  Status OnlyFields(const Json& object, const std::string& pointer,
                    std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : object.items()) {
      bool is_known = false;
      for (std::string_view k : known)
        is_known = is_known || k == key;
      if (is_known) continue;
      std::string list;
      for (std::string_view k : known)
        list += (list.empty() ? "" : ", ") + std::string(k);
      return Error(Child(pointer, key), "one of the fields " + list,
                   "unknown field \"" + key + "\"");
    }
    return Status::Ok();
  }

  // A string field; absent is an error when `required`, else leaves *out alone.
  Status String(const Json& object, const std::string& pointer, const char* key, std::string* out,
                bool required = true) const {
    const auto it = object.find(key);
    if (it == object.end())
      return required ? Error(Child(pointer, key), "a string", "nothing") : Status::Ok();
    if (!it->is_string()) return Error(Child(pointer, key), "a string", Shown(*it));
    *out = it->get<std::string>();
    return Status::Ok();
  }

  Status NonNegativeNumber(const Json& object, const std::string& pointer, const char* key,
                           double* out) const {
    constexpr std::string_view kExpected = "a non-negative number";
    const auto it = object.find(key);
    if (it == object.end()) return Error(Child(pointer, key), kExpected, "nothing");
    if (!it->is_number()) return Error(Child(pointer, key), kExpected, Shown(*it));
    const double v = it->get<double>();
    if (!(v >= 0) || !std::isfinite(v)) return Error(Child(pointer, key), kExpected, Shown(*it));
    *out = v;
    return Status::Ok();
  }

 private:
  std::string origin_;
};

// The line and column (from 1) of byte `offset` of `text`, for parse errors.
std::pair<size_t, size_t> LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Result<PriceTable> PriceTable::Parse(std::string_view json, const std::string& origin) {
  if (JsonNestsDeeperThan(json))
    return Status::Invalid(origin + ": invalid JSON: nested deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels");
  Json doc;
  try {
    doc = Json::parse(json);
  } catch (const Json::parse_error& e) {
    const auto [line, column] = LineColumn(json, e.byte > 0 ? e.byte - 1 : 0);
    const std::string what = e.what();
    const size_t colon = what.rfind(": ");
    return Status::Invalid(
        origin + ":" + std::to_string(line) + ":" + std::to_string(column) +
        ": invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  } catch (const Json::exception& e) {
    // Not a syntax error but a value nlohmann cannot hold, such as a number overflowing
    // double ("1e400").
    return Status::Invalid(origin + ": invalid JSON: " + e.what());
  }

  const Reader r(origin);
  PriceTable table;
  table.origin_ = origin;
  if (Status s = r.Object(doc, ""); !s.ok()) return s;
  if (Status s = r.OnlyFields(doc, "", {"currency", "note", "prices"}); !s.ok()) return s;
  if (Status s = r.String(doc, "", "currency", &table.currency_); !s.ok()) return s;
  if (Status s = r.String(doc, "", "note", &table.note_, /*required=*/false); !s.ok()) return s;
  const auto prices = doc.find("prices");
  if (prices == doc.end()) return r.Error("/prices", "an object", "nothing");
  if (Status s = r.Object(*prices, "/prices"); !s.ok()) return s;
  for (const auto& [name, entry] : prices->items()) {
    const std::string at = Child("/prices", name);
    if (Status s = r.Object(entry, at); !s.ok()) return s;
    if (Status s = r.OnlyFields(entry, at, {"value", "unit", "source", "as_of"}); !s.ok()) return s;
    Price price;
    if (Status s = r.NonNegativeNumber(entry, at, "value", &price.value); !s.ok()) return s;
    if (Status s = r.String(entry, at, "unit", &price.unit); !s.ok()) return s;
    if (Status s = r.String(entry, at, "source", &price.source); !s.ok()) return s;
    if (Status s = r.String(entry, at, "as_of", &price.as_of); !s.ok()) return s;
    table.prices_.emplace(name, std::move(price));
  }
  return table;
}

Result<PriceTable> PriceTable::Read(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::NotFound(path + ": cannot read the price table: no such file");
  if (std::filesystem::is_directory(path, ec))
    return Status::Invalid(path + ": cannot read the price table: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot read the price table: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    return Status::Invalid(path + ": cannot read the price table: " + std::strerror(errno));
  return Parse(text.str(), path);
}

Result<Price> PriceTable::Find(const std::string& name) const {
  const auto it = prices_.find(name);
  if (it == prices_.end())
    return Status::NotFound(origin_ + ": " + Child("/prices", name) +
                            ": expected a price named \"" + name + "\", found nothing");
  return it->second;
}

}  // namespace estate

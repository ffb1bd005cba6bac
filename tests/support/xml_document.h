// A strict, small XML parser for tests of generated markup (report.html, its inline SVG): it
// accepts only well-formed XML (one root element, matched and properly nested tags, quoted and
// unique attributes, the five predefined entities and character references, no stray "<" or
// "&"), plus a leading <!DOCTYPE ...>, comments and processing instructions. On success it
// returns the element tree for queries.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace estate::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values with entities decoded
  std::vector<XmlElement> children;
  std::string text;  // character data directly inside, decoded, concatenated

  // The attribute's value, or "" when absent.
  std::string Attribute(const std::string& key) const;
  // Every element in this subtree (this one first, depth first) for which `match` holds.
  std::vector<const XmlElement*> FindAll(const std::function<bool(const XmlElement&)>& match) const;
};

// Errors are Invalid and say what was wrong at which byte offset.
Result<XmlElement> ParseXml(std::string_view text);

}  // namespace estate::testing

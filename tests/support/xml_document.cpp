#include "tests/support/xml_document.h"

#include <cctype>

namespace estate::testing {
namespace {

bool NameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool NameChar(char c) {
  return NameStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

// UTF-8 for a character reference.
std::string Utf8(unsigned long cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<XmlElement> Document() {
    Misc(/*allow_doctype=*/true);
    if (!error_.empty()) return Fail();
    if (!Peek("<")) return Error("expected the root element");
    XmlElement root;
    if (!Element(&root)) return Fail();
    Misc(/*allow_doctype=*/false);
    if (!error_.empty()) return Fail();
    if (pos_ != s_.size()) return Error("expected nothing after the root element");
    return root;
  }

 private:
  Status Error(const std::string& what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(pos_);
    return Status::Invalid(error_);
  }
  Status Fail() { return Status::Invalid(error_); }
  bool Peek(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
  }
  bool SkipPast(std::string_view end, const char* what) {
    const size_t at = s_.find(end, pos_);
    if (at == std::string_view::npos) {
      Error(std::string("unterminated ") + what);
      return false;
    }
    pos_ = at + end.size();
    return true;
  }

  // Whitespace, comments, processing instructions and (before the root) one DOCTYPE.
  void Misc(bool allow_doctype) {
    while (true) {
      SkipSpace();
      if (Peek("<!--")) {
        if (!SkipPast("-->", "comment")) return;
      } else if (Peek("<?")) {
        if (!SkipPast("?>", "processing instruction")) return;
      } else if (Peek("<!DOCTYPE")) {
        if (!allow_doctype) {
          Error("unexpected DOCTYPE");
          return;
        }
        allow_doctype = false;
        if (!SkipPast(">", "DOCTYPE")) return;
      } else {
        return;
      }
    }
  }

  bool Name(std::string* out) {
    if (pos_ >= s_.size() || !NameStart(s_[pos_])) {
      Error("expected a name");
      return false;
    }
    const size_t start = pos_;
    while (pos_ < s_.size() && NameChar(s_[pos_]))
      ++pos_;
    *out = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  // Character data up to `stop`, entities decoded; a raw "<" (or quote, in attributes) or a
  // bad entity is an error.
  bool CharData(char stop, std::string* out) {
    while (pos_ < s_.size() && s_[pos_] != stop) {
      const char c = s_[pos_];
      if (c == '<') {
        if (stop == '<') break;
        Error("\"<\" in an attribute value");
        return false;
      }
      if (c != '&') {
        *out += c;
        ++pos_;
        continue;
      }
      const size_t semi = s_.find(';', pos_);
      if (semi == std::string_view::npos || semi - pos_ > 10) {
        Error("\"&\" that starts no entity");
        return false;
      }
      const std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
      static const std::map<std::string_view, char> kNamed = {
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      if (auto it = kNamed.find(ref); it != kNamed.end()) {
        *out += it->second;
      } else if (ref.size() > 1 && ref[0] == '#') {
        const bool hex = ref[1] == 'x';
        const std::string digits(ref.substr(hex ? 2 : 1));
        if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF"
                                                           : "0123456789") != std::string::npos) {
          Error("a bad character reference");
          return false;
        }
        *out += Utf8(std::stoul(digits, nullptr, hex ? 16 : 10));
      } else {
        Error("an unknown entity &" + std::string(ref) + ";");
        return false;
      }
      pos_ = semi + 1;
    }
    return true;
  }

  bool Element(XmlElement* e) {
    ++pos_;  // '<'
    if (!Name(&e->name)) return false;
    while (true) {
      const size_t before = pos_;
      SkipSpace();
      if (Peek("/>")) {
        pos_ += 2;
        return true;
      }
      if (Peek(">")) {
        ++pos_;
        break;
      }
      if (pos_ == before) {
        Error("expected whitespace before an attribute");
        return false;
      }
      std::string key;
      if (!Name(&key)) return false;
      SkipSpace();
      if (!Peek("=")) {
        Error("expected = after attribute " + key);
        return false;
      }
      ++pos_;
      SkipSpace();
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) {
        Error("expected a quoted value for attribute " + key);
        return false;
      }
      const char quote = s_[pos_++];
      std::string value;
      if (!CharData(quote, &value)) return false;
      if (pos_ >= s_.size()) {
        Error("unterminated attribute value");
        return false;
      }
      ++pos_;
      if (!e->attributes.emplace(key, value).second) {
        Error("a second attribute " + key);
        return false;
      }
    }
    // Content: character data, children, comments, CDATA, until the matching end tag.
    while (true) {
      if (!CharData('<', &e->text)) return false;
      if (pos_ >= s_.size()) {
        Error("unclosed element <" + e->name + ">");
        return false;
      }
      if (Peek("</")) {
        pos_ += 2;
        std::string end;
        if (!Name(&end)) return false;
        if (end != e->name) {
          Error("</" + end + "> closing <" + e->name + ">");
          return false;
        }
        SkipSpace();
        if (!Peek(">")) {
          Error("expected > after </" + end);
          return false;
        }
        ++pos_;
        return true;
      }
      if (Peek("<!--")) {
        if (!SkipPast("-->", "comment")) return false;
      } else if (Peek("<![CDATA[")) {
        const size_t start = pos_ + 9;
        if (!SkipPast("]]>", "CDATA section")) return false;
        e->text += std::string(s_.substr(start, pos_ - 3 - start));
      } else if (Peek("<?")) {
        if (!SkipPast("?>", "processing instruction")) return false;
      } else {
        e->children.emplace_back();
        if (!Element(&e->children.back())) return false;
      }
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

void Collect(const XmlElement& e, const std::function<bool(const XmlElement&)>& match,
             std::vector<const XmlElement*>* out) {
  if (match(e)) out->push_back(&e);
  for (const XmlElement& child : e.children)
    Collect(child, match, out);
}

}  // namespace

std::string XmlElement::Attribute(const std::string& key) const {
  auto it = attributes.find(key);
  return it == attributes.end() ? "" : it->second;
}

std::vector<const XmlElement*> XmlElement::FindAll(
    const std::function<bool(const XmlElement&)>& match) const {
  std::vector<const XmlElement*> out;
  Collect(*this, match, &out);
  return out;
}

Result<XmlElement> ParseXml(std::string_view text) {
  return Parser(text).Document();
}

}  // namespace estate::testing

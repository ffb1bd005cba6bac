// Name rules follow the GCS documentation ("Bucket naming requirements", "Object naming
// requirements"); messages are meant for the person who chose the name.
#include "engine/ns/name_validation.h"

#include <cstdint>
#include <string>

namespace estate {
namespace {

constexpr size_t kMaxObjectNameBytes = 1024;
constexpr size_t kMaxQuotedBytes = 80;

std::string Hex2(unsigned char b) {
  constexpr char kDigits[] = "0123456789abcdef";
  return {kDigits[b >> 4], kDigits[b & 15]};
}

Status BadObject(std::string_view name, const std::string& why) {
  return Status::Invalid("invalid object name " + QuoteForMessage(name) + ": " + why);
}

Status BadBucket(std::string_view name, const std::string& why) {
  return Status::Invalid("invalid bucket name " + QuoteForMessage(name) + ": " + why);
}

bool IsLowerOrDigit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsDottedDecimalIpv4(std::string_view name) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    const std::string_view part =
        name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty() || part.size() > 3) return false;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

// Folds the digits people use as look-alike letters, so that "g00gle" reads as "google".
bool ContainsGoogleLookalike(std::string_view name) {
  std::string folded(name);
  for (char& c : folded) {
    if (c == '0') c = 'o';
    if (c == '1') c = 'l';
    if (c == '3') c = 'e';
  }
  return folded.find("google") != std::string::npos;
}

}  // namespace

std::string QuoteForMessage(std::string_view text) {
  std::string out = "\"";
  const size_t shown = text.size() > kMaxQuotedBytes ? kMaxQuotedBytes : text.size();
  for (size_t i = 0; i < shown; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (b < 0x20 || b > 0x7e) {
      out += "\\x" + Hex2(b);
    } else {
      out += static_cast<char>(b);
    }
  }
  if (shown < text.size()) out += "...";
  out += '"';
  return out;
}

std::string Utf8Error(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char lead = p[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    uint32_t min_cp;
    if (lead >= 0xc0 && lead <= 0xdf) {
      len = 2, cp = lead & 0x1f, min_cp = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      len = 3, cp = lead & 0x0f, min_cp = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf7) {
      len = 4, cp = lead & 0x07, min_cp = 0x10000;
    } else if (lead >= 0x80 && lead <= 0xbf) {
      return "unexpected continuation byte 0x" + Hex2(lead) + " at byte offset " +
             std::to_string(i);
    } else {
      return "invalid byte 0x" + Hex2(lead) + " at byte offset " + std::to_string(i);
    }
    for (size_t k = 1; k < len; ++k) {
      if (i + k >= n || (p[i + k] & 0xc0) != 0x80) {
        return "truncated multi-byte sequence at byte offset " + std::to_string(i);
      }
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if (cp < min_cp) return "overlong encoding at byte offset " + std::to_string(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      return "UTF-16 surrogate code point at byte offset " + std::to_string(i);
    }
    if (cp > 0x10ffff) {
      return "code point above U+10FFFF at byte offset " + std::to_string(i);
    }
    i += len;
  }
  return {};
}

Status ValidateObjectName(std::string_view name) {
  if (name.empty() || name.size() > kMaxObjectNameBytes) {
    return BadObject(name, "must be 1-1024 bytes long, got " + std::to_string(name.size()));
  }
  if (const std::string err = Utf8Error(name); !err.empty()) {
    return BadObject(name, "not valid UTF-8: " + err);
  }
  if (name.find_first_of("\r\n") != std::string_view::npos) {
    return BadObject(name, "must not contain carriage return or line feed characters");
  }
  if (name == "." || name == "..") return BadObject(name, "must not be \".\" or \"..\"");
  if (name.starts_with(".well-known/acme-challenge/")) {
    return BadObject(name, "must not start with \".well-known/acme-challenge/\"");
  }
  return Status::Ok();
}

Status ValidateBucketName(std::string_view name) {
  const bool dotted = name.find('.') != std::string_view::npos;
  if (name.size() < 3) {
    return BadBucket(name,
                     "must be at least 3 characters long, got " + std::to_string(name.size()));
  }
  if (!dotted && name.size() > 63) {
    return BadBucket(name, "must be at most 63 characters long unless it contains dots, got " +
                               std::to_string(name.size()));
  }
  if (name.size() > 222) {
    return BadBucket(name,
                     "must be at most 222 characters long, got " + std::to_string(name.size()));
  }
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!IsLowerOrDigit(c) && c != '-' && c != '_' && c != '.') {
      return BadBucket(name,
                       "may contain only lowercase letters, digits, '-', '_' and '.', found " +
                           QuoteForMessage(name.substr(i, 1)) + " at offset " + std::to_string(i));
    }
  }
  if (!IsLowerOrDigit(name.front()) || !IsLowerOrDigit(name.back())) {
    return BadBucket(name, "must start and end with a letter or digit");
  }
  for (size_t start = 0; start <= name.size();) {
    size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) dot = name.size();
    const size_t len = dot - start;
    if (len == 0) return BadBucket(name, "must not contain empty dot-separated components");
    if (len > 63) {
      return BadBucket(name,
                       "each dot-separated component must be at most 63 characters long, got " +
                           std::to_string(len));
    }
    start = dot + 1;
  }
  if (IsDottedDecimalIpv4(name)) {
    return BadBucket(name, "must not be an IP address in dotted-decimal form");
  }
  if (name.starts_with("goog")) return BadBucket(name, "must not begin with \"goog\"");
  if (ContainsGoogleLookalike(name)) {
    return BadBucket(name, "must not contain \"google\" or a close misspelling of it");
  }
  return Status::Ok();
}

}  // namespace estate

// GCS naming rules for buckets and objects. Every rejection is a Status::Invalid whose message
// quotes the name and names the rule it breaks, e.g.
//   invalid bucket name "Ab": may contain only lowercase letters, digits, '-', '_' and '.' ...
#pragma once

#include <string>
#include <string_view>

#include "engine/status.h"

namespace estate {

// Object names: 1-1024 bytes of valid UTF-8 (no overlong forms, surrogates, truncated
// sequences or code points above U+10FFFF), no carriage return or line feed, not "." or "..",
// and not under ".well-known/acme-challenge/".
Status ValidateObjectName(std::string_view name);

// Bucket names: 3-63 characters (up to 222 when dotted, each dot-separated component 1-63),
// only [a-z0-9-_.], starting and ending with a letter or digit, not a dotted-decimal IPv4
// address, not starting with "goog", and not containing "google" or a look-alike such as
// "g00gle" (digits 0/1/3 read as o/l/e).
Status ValidateBucketName(std::string_view name);

// Returns an empty string when `text` is valid UTF-8, otherwise why not, e.g.
// "overlong encoding at byte offset 3".
std::string Utf8Error(std::string_view text);

// `text` in double quotes for an error message: bytes outside printable ASCII become \xNN, '"'
// and '\' are escaped, and anything beyond 80 bytes is elided as "...".
std::string QuoteForMessage(std::string_view text);

}  // namespace estate

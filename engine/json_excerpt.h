// How an error message quotes a JSON value it rejects: the value's text, cut short so that a
// huge array or string cannot flood the message, with invalid UTF-8 replaced rather than
// thrown on (the value may be whatever bytes a user or a client sent).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace estate {

// The value's JSON text; when longer than max_chars, its first max_chars - 3 characters and
// "...". REQUIRES: max_chars >= 3.
std::string JsonExcerpt(const nlohmann::json& value, size_t max_chars);

}  // namespace estate

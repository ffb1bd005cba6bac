// A guard for parsing untrusted JSON with nlohmann, whose parser recurses once per level of
// nesting: hostile input is refused before it can exhaust the stack.
#pragma once

#include <cstddef>
#include <string_view>

namespace estate {

// The deepest the scenario and trace readers accept.
constexpr size_t kMaxJsonDepth = 64;

// True when `text` nests arrays/objects deeper than max_depth (brackets inside strings do
// not count). A linear scan; the text need not be valid JSON.
bool JsonNestsDeeperThan(std::string_view text, size_t max_depth = kMaxJsonDepth);

}  // namespace estate

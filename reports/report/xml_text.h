// Text and attribute values for XML and XHTML: every report string passes through here, so
// that no scenario name, site id or message can break the markup.
#pragma once

#include <string>
#include <string_view>

namespace estate::reports {

// Escapes &, <, >, " and ' and drops the control characters XML 1.0 forbids (all below 0x20
// but tab, newline and carriage return).
std::string EscapeXml(std::string_view text);

}  // namespace estate::reports

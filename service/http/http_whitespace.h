// HTTP's optional whitespace (OWS, RFC 9110 5.6.3): spaces and horizontal tabs around header
// values and list elements.
#pragma once

#include <string_view>

namespace estate::service {

std::string_view TrimOws(std::string_view s);

}  // namespace estate::service

// The shortest decimal text that reads back as the same double (std::to_chars): how the
// models quote a number in an error message.
#pragma once

#include <string>

namespace estate {

std::string NumberText(double x);

}  // namespace estate

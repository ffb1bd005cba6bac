#include "models/number_text.h"

#include <charconv>

namespace estate {

std::string NumberText(double x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

}  // namespace estate

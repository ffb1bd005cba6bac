#include "engine/json_excerpt.h"

namespace estate {

std::string JsonExcerpt(const nlohmann::json& value, size_t max_chars) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > max_chars) {
    text.resize(max_chars - 3);
    text += "...";
  }
  return text;
}

}  // namespace estate

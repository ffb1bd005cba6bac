#include "engine/ns/object.h"

#include <array>
#include <utility>

namespace estate {
namespace {

constexpr std::array<std::pair<StorageClass, const char*>, 4> kClasses = {{
    {StorageClass::kStandard, "STANDARD"},
    {StorageClass::kNearline, "NEARLINE"},
    {StorageClass::kColdline, "COLDLINE"},
    {StorageClass::kArchive, "ARCHIVE"},
}};

}  // namespace

const char* StorageClassName(StorageClass c) {
  for (const auto& [v, text] : kClasses) {
    if (v == c) return text;
  }
  return "STANDARD";
}

std::optional<StorageClass> ParseStorageClass(std::string_view name) {
  for (const auto& [v, text] : kClasses) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace estate

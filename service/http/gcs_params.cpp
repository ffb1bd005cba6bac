#include "service/http/gcs_params.h"

#include <cstdint>

namespace estate::service {

Result<std::optional<int64_t>> Int64Param(const GcsRoute& route, const std::string& name) {
  const std::string* v = route.Param(name);
  if (v == nullptr) return std::optional<int64_t>();
  // Generations take all 63 bits (engine/clock/hlc.h), so 19 digits are common.
  uint64_t value = 0;
  bool ok = !v->empty() && v->size() <= 19;
  for (char c : *v) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (!ok || value > static_cast<uint64_t>(INT64_MAX)) {
    return Status::Invalid("query parameter " + name +
                           ": expected a non-negative integer, found \"" + v->substr(0, 40) + "\"");
  }
  return std::optional<int64_t>(static_cast<int64_t>(value));
}

Result<Preconditions> PreconditionsParam(const GcsRoute& route, const std::string& prefix) {
  Preconditions p;
  struct Field {
    const char* suffix;
    std::optional<int64_t> Preconditions::*member;
  };
  static const Field kFields[] = {
      {"GenerationMatch", &Preconditions::if_generation_match},
      {"GenerationNotMatch", &Preconditions::if_generation_not_match},
      {"MetagenerationMatch", &Preconditions::if_metageneration_match},
      {"MetagenerationNotMatch", &Preconditions::if_metageneration_not_match},
  };
  for (const Field& f : kFields) {
    Result<std::optional<int64_t>> v = Int64Param(route, prefix + f.suffix);
    if (!v.ok()) return v.status();
    p.*(f.member) = *v;
  }
  return p;
}

}  // namespace estate::service

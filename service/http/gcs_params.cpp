#include "service/http/gcs_params.h"

namespace estate::service {

Result<std::optional<int64_t>> Int64Param(const GcsRoute& route, const std::string& name) {
  const std::string* v = route.Param(name);
  if (v == nullptr) return std::optional<int64_t>();
  if (v->empty() || v->size() > 18 || v->find_first_not_of("0123456789") != std::string::npos) {
    return Status::Invalid("query parameter " + name +
                           ": expected a non-negative integer, found \"" + v->substr(0, 40) + "\"");
  }
  return std::optional<int64_t>(std::stoll(*v));
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

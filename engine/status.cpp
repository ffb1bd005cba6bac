#include "engine/status.h"

namespace estate {

std::string_view Status::reason() const {
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalid:
      return "invalid";
    case StatusCode::kUnauthorized:
      return "required";
    case StatusCode::kForbidden:
      return "forbidden";
    case StatusCode::kNotFound:
      return "notFound";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kPreconditionFailed:
      return "conditionNotMet";
    case StatusCode::kResourceExhausted:
      return "rateLimitExceeded";
    case StatusCode::kInternal:
      return "internalError";
    case StatusCode::kUnavailable:
      return "backendError";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = std::to_string(http_code());
  out += ' ';
  out += reason();
  out += ": ";
  out += message_;
  return out;
}

}  // namespace estate

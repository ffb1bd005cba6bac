// ApiError: an HTTP error answer in GCS's error shape. Most come from an engine Status, whose
// codes are GCS's; the rest exist only at the HTTP layer (413 body too large, 408 body too
// slow, 416 range not satisfiable).
#pragma once

#include <cstdint>
#include <string>

#include "engine/status.h"

namespace estate::service {

struct ApiError {
  int code = 500;
  std::string reason;
  std::string message;

  ApiError(const Status& s)  // NOLINT: implicit, so engine statuses pass where errors go
      : code(s.http_code()), reason(s.reason()), message(s.message()) {}
  ApiError(int c, std::string r, std::string m)
      : code(c), reason(std::move(r)), message(std::move(m)) {}

  static ApiError PayloadTooLarge(uint64_t limit) {
    return {413, "uploadTooLarge",
            "the request body exceeds the limit of " + std::to_string(limit) + " bytes"};
  }
  static ApiError BodyTimeout() {
    return {408, "requestTimeout", "the request body was not received within the time limit"};
  }
  static ApiError RangeNotSatisfiable(uint64_t size) {
    return {416, "requestedRangeNotSatisfiable",
            "the requested range is beyond the object's " + std::to_string(size) + " bytes"};
  }
};

}  // namespace estate::service

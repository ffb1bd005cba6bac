// multipart/related bodies (RFC 2387), as GCS multipart uploads send them: a JSON metadata
// part, then the media part. Parts are views into the body, so the media is never copied.
// A pure function of its input, fuzzed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace estate::service {

struct MultipartPart {
  std::map<std::string, std::string> headers;  // names in lower case
  std::string_view body;                       // a view into the parsed body
};

// The boundary parameter of a "multipart/related; boundary=..." content type (quoted or not).
// nullopt when the type is not multipart/related or has no usable boundary.
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Splits body at the boundary. Errors: 400 naming what is missing (the first delimiter, a
// part's header end, the closing delimiter).
Result<std::vector<MultipartPart>> ParseMultipartRelated(std::string_view body,
                                                         std::string_view boundary);

}  // namespace estate::service

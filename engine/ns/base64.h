// Base64 (RFC 4648): the standard alphabet with padding, as GCS shows checksums, and the
// URL-safe alphabet without padding, used for opaque page tokens that travel in query strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace estate {

std::string Base64Encode(std::string_view data);
// Returns nullopt unless `text` is canonical padded standard base64.
std::optional<std::string> Base64Decode(std::string_view text);

std::string Base64UrlEncode(std::string_view data);
// Returns nullopt unless `text` is unpadded URL-safe base64.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace estate

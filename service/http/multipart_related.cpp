#include "service/http/multipart_related.h"

#include <algorithm>
#include <cctype>

namespace estate::service {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view TrimHeaderLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  if (Lower(TrimHeaderLine(content_type.substr(0, semi))) != "multipart/related")
    return std::nullopt;
  std::string_view params = semi == std::string_view::npos ? "" : content_type.substr(semi + 1);
  while (!params.empty()) {
    const size_t next = params.find(';');
    std::string_view p = TrimHeaderLine(params.substr(0, next));
    params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
    const size_t eq = p.find('=');
    if (eq == std::string_view::npos || Lower(TrimHeaderLine(p.substr(0, eq))) != "boundary")
      continue;
    std::string_view value = TrimHeaderLine(p.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    // RFC 2046: 1 to 70 characters.
    if (value.empty() || value.size() > 70) return std::nullopt;
    return std::string(value);
  }
  return std::nullopt;
}

Result<std::vector<MultipartPart>> ParseMultipartRelated(std::string_view body,
                                                         std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) {
    return Status::Invalid("multipart body without its first boundary delimiter");
  }
  std::vector<MultipartPart> parts;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    // The rest of the delimiter line (transport padding), then the part's headers.
    const size_t line_end = body.find("\r\n", pos);
    if (line_end == std::string_view::npos)
      return Status::Invalid("multipart delimiter line not ended");
    pos = line_end + 2;
    const size_t headers_end = body.find("\r\n\r\n", pos - 2);
    if (headers_end == std::string_view::npos)
      return Status::Invalid("multipart part without a header end");
    MultipartPart part;
    std::string_view headers = headers_end + 2 > pos ? body.substr(pos, headers_end + 2 - pos) : "";
    while (!headers.empty()) {
      const size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      part.headers[Lower(TrimHeaderLine(line.substr(0, colon)))] =
          std::string(TrimHeaderLine(line.substr(colon + 1)));
    }
    const size_t content = headers_end + 4;
    const size_t next = body.find("\r\n" + delimiter, content);
    if (next == std::string_view::npos)
      return Status::Invalid("multipart body without its closing delimiter");
    part.body = body.substr(content, next - content);
    parts.push_back(std::move(part));
    pos = next + 2;
  }
}

}  // namespace estate::service

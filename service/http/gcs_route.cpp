#include "service/http/gcs_route.h"

#include <vector>

namespace estate::service {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

Status NoSuchPath(std::string_view method, std::string_view path) {
  return Status::NotFound("no operation at " + std::string(method) + " " + std::string(path));
}

// Strips one of the accepted URL bases. Returns the rest ("b/..."), and what kind of base.
enum class Base { kJson, kUpload, kDownload, kNone };
Base StripBase(std::string_view* path) {
  auto strip = [&](std::string_view prefix) {
    if (path->substr(0, prefix.size()) != prefix) return false;
    path->remove_prefix(prefix.size());
    return true;
  };
  if (strip("/upload/storage/v1/")) return Base::kUpload;
  if (strip("/download/storage/v1/")) return Base::kDownload;
  if (strip("/storage/v1/")) return Base::kJson;
  if (strip("/")) return Base::kJson;  // the emulator form, "/b/..."
  return Base::kNone;
}

}  // namespace

const char* GcsOpName(GcsOp op) {
  switch (op) {
    case GcsOp::kBucketList:
      return "buckets.list";
    case GcsOp::kBucketInsert:
      return "buckets.insert";
    case GcsOp::kBucketGet:
      return "buckets.get";
    case GcsOp::kBucketDelete:
      return "buckets.delete";
    case GcsOp::kObjectList:
      return "objects.list";
    case GcsOp::kObjectInsert:
      return "objects.insert";
    case GcsOp::kUploadChunk:
      return "objects.insert.resumable";
    case GcsOp::kUploadCancel:
      return "objects.insert.cancel";
    case GcsOp::kObjectGet:
      return "objects.get";
    case GcsOp::kObjectPatch:
      return "objects.patch";
    case GcsOp::kObjectDelete:
      return "objects.delete";
    case GcsOp::kObjectCopy:
      return "objects.copy";
    case GcsOp::kObjectRewrite:
      return "objects.rewrite";
    case GcsOp::kObjectCompose:
      return "objects.compose";
    case GcsOp::kMetrics:
      return "metrics";
    case GcsOp::kHealth:
      return "health";
  }
  return "unknown";
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = Hex(text[i + 1]), lo = Hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Result<GcsRoute> RouteGcsRequest(std::string_view method, std::string_view target) {
  GcsRoute r;
  const size_t qmark = target.find('?');
  std::string_view path = target.substr(0, qmark);
  if (qmark != std::string_view::npos) {
    std::string_view query = target.substr(qmark + 1);
    while (!query.empty()) {
      const size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      if (pair.empty()) continue;
      const size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (!key || !value) return Status::Invalid("malformed percent escape in the query string");
      r.query[*key] = *value;
    }
  }

  if (method == "GET" && path == "/metrics") {
    r.op = GcsOp::kMetrics;
    return r;
  }
  if (method == "GET" && path == "/healthz") {
    r.op = GcsOp::kHealth;
    return r;
  }
  std::string_view rest = path;
  const Base base = StripBase(&rest);
  if (base == Base::kNone) return NoSuchPath(method, path);
  std::vector<std::string_view> raw = Split(rest);
  if (raw.empty() || raw[0] != "b") return NoSuchPath(method, path);
  std::vector<std::string> seg;
  for (std::string_view s : raw) {
    auto decoded = PercentDecode(s, false);
    if (!decoded) return Status::Invalid("malformed percent escape in the path");
    seg.push_back(std::move(*decoded));
  }
  const size_t n = seg.size();

  if (base == Base::kUpload) {
    if (n != 3 || seg[2] != "o" || seg[1].empty()) return NoSuchPath(method, path);
    r.bucket = seg[1];
    if (method == "POST") {
      r.op = GcsOp::kObjectInsert;
    } else if (method == "PUT" && r.Param("upload_id")) {
      r.op = GcsOp::kUploadChunk;
    } else if (method == "DELETE" && r.Param("upload_id")) {
      r.op = GcsOp::kUploadCancel;
    } else {
      return NoSuchPath(method, path);
    }
    return r;
  }

  // b, b/B, b/B/o, b/B/o/NAME[/suffix...]
  if (n == 1 || (n == 2 && seg[1].empty())) {
    if (base == Base::kDownload) return NoSuchPath(method, path);
    if (method == "GET")
      r.op = GcsOp::kBucketList;
    else if (method == "POST")
      r.op = GcsOp::kBucketInsert;
    else
      return NoSuchPath(method, path);
    return r;
  }
  r.bucket = seg[1];
  if (r.bucket.empty()) return NoSuchPath(method, path);
  if (n == 2) {
    if (base == Base::kDownload) return NoSuchPath(method, path);
    if (method == "GET")
      r.op = GcsOp::kBucketGet;
    else if (method == "DELETE")
      r.op = GcsOp::kBucketDelete;
    else
      return NoSuchPath(method, path);
    return r;
  }
  if (seg[2] != "o") return NoSuchPath(method, path);
  if (n == 3) {
    if (method != "GET" || base == Base::kDownload) return NoSuchPath(method, path);
    r.op = GcsOp::kObjectList;
    return r;
  }
  if (method == "POST") {
    // .../o/SRC/copyTo/b/DB/o/DEST, .../o/SRC/rewriteTo/b/DB/o/DEST, .../o/DEST/compose
    if (n == 5 && seg[4] == "compose") {
      if (seg[3].empty()) return NoSuchPath(method, path);
      r.op = GcsOp::kObjectCompose;
      r.object = seg[3];
      return r;
    }
    if (n == 9 && (seg[4] == "copyTo" || seg[4] == "rewriteTo") && seg[5] == "b" && seg[7] == "o") {
      r.op = seg[4] == "copyTo" ? GcsOp::kObjectCopy : GcsOp::kObjectRewrite;
      r.object = seg[3];
      r.dest_bucket = seg[6];
      r.dest_object = seg[8];
      if (r.object.empty() || r.dest_bucket.empty() || r.dest_object.empty()) {
        return NoSuchPath(method, path);
      }
      return r;
    }
    return NoSuchPath(method, path);
  }
  // A client that did not encode the slashes of a name: the rest of the path is the name.
  std::string name = seg[3];
  for (size_t i = 4; i < n; ++i)
    name += "/" + seg[i];
  if (name.empty()) return NoSuchPath(method, path);
  r.object = std::move(name);
  if (method == "GET") {
    r.op = GcsOp::kObjectGet;
    const std::string* alt = r.Param("alt");
    r.media = base == Base::kDownload || (alt && *alt == "media");
  } else if (method == "PATCH" && base != Base::kDownload) {
    r.op = GcsOp::kObjectPatch;
  } else if (method == "DELETE" && base != Base::kDownload) {
    r.op = GcsOp::kObjectDelete;
  } else {
    return NoSuchPath(method, path);
  }
  return r;
}

}  // namespace estate::service

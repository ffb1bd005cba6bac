#include "service/http/gcs_json.h"

#include <ctime>

#include "engine/json_excerpt.h"
#include "engine/ns/base64.h"
#include "engine/ns/crc32c.h"
#include "service/http/gcs_route.h"

namespace estate::service {
namespace {

using nlohmann::json;

std::string Show(const json& v) {
  return JsonExcerpt(v, 40);
}

Status Expected(const std::string& pointer, const char* what, const json* found) {
  return Status::Invalid(pointer + ": expected " + what + ", found " +
                         (found ? Show(*found) : std::string("nothing")));
}

Result<json> ParseBody(std::string_view text) {
  if (text.empty()) return json::object();
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Invalid("the request body is not valid JSON");
  if (!doc.is_object()) return Expected("", "a JSON object", &doc);
  return doc;
}

// GCS writes 64-bit numbers as strings; clients send either form.
Result<int64_t> Int64(const json& v, const std::string& pointer) {
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (!s.empty() && s.size() <= 19 && s.find_first_not_of("0123456789") == std::string::npos) {
      const unsigned long long value = std::stoull(s);
      if (value <= static_cast<unsigned long long>(INT64_MAX)) return static_cast<int64_t>(value);
    }
  }
  return Expected(pointer, "an integer (number or decimal string)", &v);
}

Status ReadObjectFields(const json& doc, const std::string& base, ObjectResource* out) {
  for (const auto& [key, v] : doc.items()) {
    const std::string p = base + "/" + key;
    if (key == "name") {
      if (!v.is_string()) return Expected(p, "a string", &v);
      out->name = v.get<std::string>();
    } else if (key == "contentType") {
      if (!v.is_string()) return Expected(p, "a string", &v);
      out->content_type = v.get<std::string>();
    } else if (key == "metadata") {
      out->has_metadata = true;
      if (v.is_null()) {
        out->metadata_null = true;
        continue;
      }
      if (!v.is_object()) return Expected(p, "an object of strings", &v);
      for (const auto& [mk, mv] : v.items()) {
        if (mv.is_null()) {
          out->metadata[mk] = std::nullopt;
        } else if (mv.is_string()) {
          out->metadata[mk] = mv.get<std::string>();
        } else if (mv.is_number() || mv.is_boolean()) {
          out->metadata[mk] = mv.dump();  // GCS keeps every value as a string
        } else {
          return Expected(p + "/" + mk, "a string or null", &mv);
        }
      }
    } else if (key == "storageClass") {
      std::optional<StorageClass> c;
      if (v.is_string()) c = ParseStorageClass(v.get<std::string>());
      if (!c) return Expected(p, "STANDARD, NEARLINE, COLDLINE or ARCHIVE", &v);
      out->storage_class = c;
    } else if (key == "crc32c") {
      std::optional<uint32_t> crc;
      if (v.is_string()) crc = Crc32cFromBase64(v.get<std::string>());
      if (!crc) return Expected(p, "base64 of a 4-byte CRC32C", &v);
      out->crc32c = crc;
    } else if (key == "md5Hash") {
      std::optional<std::string> md5;
      if (v.is_string()) md5 = Base64Decode(v.get<std::string>());
      if (!md5 || md5->size() != 16) return Expected(p, "base64 of a 16-byte MD5", &v);
      out->md5 = md5;
    }
    // Other resource fields (acl, cacheControl, kind, ...) are accepted and ignored.
  }
  return Status::Ok();
}

}  // namespace

std::string Rfc3339(TimeNs t) {
  const std::time_t secs = static_cast<std::time_t>(t / kSecond);
  const int ms = static_cast<int>((t % kSecond) / kMillisecond);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::string ObjectEtag(const ObjectMeta& m) {
  return Base64Encode(std::to_string(m.generation) + "/" + std::to_string(m.metageneration));
}

json ObjectJson(const ObjectMeta& m, const std::string& base_url) {
  const std::string path = "/b/" + PercentEncode(m.bucket) + "/o/" + PercentEncode(m.name);
  json j = {
      {"kind", "storage#object"},
      {"id", m.bucket + "/" + m.name + "/" + std::to_string(m.generation)},
      {"selfLink", base_url + "/storage/v1" + path},
      {"mediaLink", base_url + "/download/storage/v1" + path +
                        "?generation=" + std::to_string(m.generation) + "&alt=media"},
      {"name", m.name},
      {"bucket", m.bucket},
      {"generation", std::to_string(m.generation)},
      {"metageneration", std::to_string(m.metageneration)},
      {"contentType", m.content_type},
      {"storageClass", StorageClassName(m.storage_class)},
      {"size", std::to_string(m.size)},
      {"crc32c", Crc32cToBase64(m.crc32c)},
      {"etag", ObjectEtag(m)},
      {"timeCreated", Rfc3339(m.create_time)},
      {"updated", Rfc3339(m.update_time)},
      {"timeStorageClassUpdated", Rfc3339(m.create_time)},
  };
  if (!m.md5.empty()) j["md5Hash"] = Base64Encode(m.md5);
  if (!m.metadata.empty()) j["metadata"] = m.metadata;
  if (m.delete_time) j["timeDeleted"] = Rfc3339(*m.delete_time);
  return j;
}

json BucketJson(const BucketMeta& b, const std::string& base_url) {
  return {
      {"kind", "storage#bucket"},
      {"id", b.name},
      {"selfLink", base_url + "/storage/v1/b/" + PercentEncode(b.name)},
      {"name", b.name},
      {"projectNumber", "0"},
      {"metageneration", std::to_string(b.metageneration)},
      {"location", "ESTATE"},
      {"locationType", "multi-region"},
      {"storageClass", StorageClassName(b.default_storage_class)},
      {"etag", Base64Encode(std::to_string(b.metageneration))},
      {"timeCreated", Rfc3339(b.create_time)},
      {"updated", Rfc3339(b.update_time)},
      {"versioning", {{"enabled", b.versioning}}},
  };
}

Result<ObjectResource> ParseObjectResource(std::string_view text) {
  Result<json> doc = ParseBody(text);
  if (!doc.ok()) return doc.status();
  ObjectResource r;
  Status s = ReadObjectFields(*doc, "", &r);
  if (!s.ok()) return s;
  return r;
}

Result<BucketResource> ParseBucketResource(std::string_view text) {
  Result<json> doc = ParseBody(text);
  if (!doc.ok()) return doc.status();
  BucketResource b;
  auto name = doc->find("name");
  if (name == doc->end() || !name->is_string()) {
    return Expected("/name", "the bucket name as a string", name == doc->end() ? nullptr : &*name);
  }
  b.name = name->get<std::string>();
  if (auto v = doc->find("versioning"); v != doc->end()) {
    if (!v->is_object()) return Expected("/versioning", "an object", &*v);
    if (auto e = v->find("enabled"); e != v->end()) {
      if (!e->is_boolean()) return Expected("/versioning/enabled", "true or false", &*e);
      b.versioning = e->get<bool>();
    }
  }
  if (auto c = doc->find("storageClass"); c != doc->end()) {
    std::optional<StorageClass> sc;
    if (c->is_string()) sc = ParseStorageClass(c->get<std::string>());
    if (!sc) return Expected("/storageClass", "STANDARD, NEARLINE, COLDLINE or ARCHIVE", &*c);
    b.storage_class = sc;
  }
  return b;
}

Result<ComposeRequest> ParseComposeRequest(std::string_view text) {
  Result<json> doc = ParseBody(text);
  if (!doc.ok()) return doc.status();
  ComposeRequest req;
  auto sources = doc->find("sourceObjects");
  if (sources == doc->end() || !sources->is_array() || sources->empty() || sources->size() > 32) {
    return Expected("/sourceObjects", "an array of 1 to 32 source objects",
                    sources == doc->end() ? nullptr : &*sources);
  }
  for (size_t i = 0; i < sources->size(); ++i) {
    const json& s = (*sources)[i];
    const std::string p = "/sourceObjects/" + std::to_string(i);
    if (!s.is_object()) return Expected(p, "an object", &s);
    ComposeSource src;
    auto name = s.find("name");
    if (name == s.end() || !name->is_string() || name->get_ref<const std::string&>().empty()) {
      return Expected(p + "/name", "the source object's name", name == s.end() ? nullptr : &*name);
    }
    src.name = name->get<std::string>();
    if (auto g = s.find("generation"); g != s.end()) {
      Result<int64_t> v = Int64(*g, p + "/generation");
      if (!v.ok()) return v.status();
      src.generation = *v;
    }
    if (auto pre = s.find("objectPreconditions"); pre != s.end()) {
      if (!pre->is_object()) return Expected(p + "/objectPreconditions", "an object", &*pre);
      if (auto m = pre->find("ifGenerationMatch"); m != pre->end()) {
        Result<int64_t> v = Int64(*m, p + "/objectPreconditions/ifGenerationMatch");
        if (!v.ok()) return v.status();
        src.if_generation_match = *v;
      }
    }
    req.sources.push_back(std::move(src));
  }
  if (auto d = doc->find("destination"); d != doc->end()) {
    if (!d->is_object()) return Expected("/destination", "an object resource", &*d);
    Status s = ReadObjectFields(*d, "/destination", &req.destination);
    if (!s.ok()) return s;
  }
  return req;
}

json GcsErrorJson(int code, std::string_view reason, std::string_view message) {
  const std::string m(message);
  return {
      {"error",
       {{"code", code},
        {"message", m},
        {"errors",
         json::array({{{"message", m}, {"domain", "global"}, {"reason", std::string(reason)}}})}}}};
}

json GcsErrorJson(const Status& status) {
  return GcsErrorJson(status.http_code(), status.reason(), status.message());
}

}  // namespace estate::service

#include "engine/history/history_record.h"

#include <nlohmann/json.hpp>

#include "engine/json_excerpt.h"
namespace estate {
namespace {

using nlohmann::ordered_json;

Status FieldError(const char* field, const char* expected, const nlohmann::json& found) {
  const std::string shown = found.is_null() ? "nothing" : JsonExcerpt(found, 60);
  return Status::Invalid(std::string("history line: field \"") + field + "\": expected " +
                         expected + ", found " + shown);
}

}  // namespace

std::string ToJsonLine(const HistoryRecord& r) {
  ordered_json j;
  j["op"] = r.op;
  j["bucket"] = r.bucket;
  j["object"] = r.object;
  j["generation"] = r.generation;
  j["digest"] = r.digest;
  j["call_ns"] = r.call_ns;
  j["return_ns"] = r.return_ns;
  j["client"] = r.client;
  j["site"] = r.site;
  j["outcome"] = r.outcome;
  if (r.if_generation_match) j["if_generation_match"] = *r.if_generation_match;
  j["mode"] = r.mode;
  return j.dump();
}

Result<HistoryRecord> ParseHistoryLine(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Invalid("history line: not valid JSON");
  if (!j.is_object()) return Status::Invalid("history line: expected a JSON object");
  HistoryRecord r;
  auto text = [&](const char* f, std::string* out, bool required) -> Status {
    if (!j.contains(f)) {
      return required ? FieldError(f, "a string", nullptr) : Status::Ok();
    }
    if (!j[f].is_string()) return FieldError(f, "a string", j[f]);
    *out = j[f].get<std::string>();
    return Status::Ok();
  };
  auto integer = [&](const char* f, int64_t* out) -> Status {
    if (!j.contains(f) || !j[f].is_number_integer()) {
      return FieldError(f, "an integer", j.contains(f) ? j[f] : nlohmann::json());
    }
    if (j[f].is_number_unsigned() && j[f].get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
      return FieldError(f, "an integer that fits 64 bits", j[f]);
    }
    *out = j[f].get<int64_t>();
    return Status::Ok();
  };
  int64_t client = 0, site = 0;
  for (Status s :
       {text("op", &r.op, true), text("bucket", &r.bucket, true), text("object", &r.object, true),
        integer("generation", &r.generation), text("digest", &r.digest, false),
        integer("call_ns", &r.call_ns), integer("return_ns", &r.return_ns),
        integer("client", &client), integer("site", &site), text("outcome", &r.outcome, true),
        text("mode", &r.mode, false)}) {
    if (!s.ok()) return s;
  }
  static const char* const kOps[] = {"insert", "get", "patch", "delete", "list"};
  if (std::find(std::begin(kOps), std::end(kOps), r.op) == std::end(kOps)) {
    return FieldError("op", "one of insert, get, patch, delete, list", j["op"]);
  }
  if (client < 0) return FieldError("client", "a non-negative integer", j["client"]);
  if (site < 0 || site >= kMaxSites) return FieldError("site", "a site id from 0 to 31", j["site"]);
  if (r.return_ns < r.call_ns)
    return FieldError("return_ns", "a time not before call_ns", j["return_ns"]);
  r.client = static_cast<uint64_t>(client);
  r.site = static_cast<SiteId>(site);
  if (j.contains("if_generation_match")) {
    int64_t g = 0;
    if (Status s = integer("if_generation_match", &g); !s.ok()) return s;
    r.if_generation_match = g;
  }
  return r;
}

}  // namespace estate

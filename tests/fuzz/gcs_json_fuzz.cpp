// libFuzzer target: the JSON bodies `estate serve` reads. Request bodies come from clients:
// object resources (multipart metadata, resumable starts, patches, copy overrides), bucket
// inserts and compose requests. The configuration file comes from the operator. Every parser
// must reject garbage with a message naming the field, never crash or throw, and what it
// accepts must respect its documented bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "service/config/serve_config.h"
#include "service/http/gcs_json.h"

namespace {

template <typename T>
void RequireMessage(const estate::Result<T>& r) {
  if (!r.ok() && r.status().message().empty()) std::abort();
}

void FuzzObjectResource(std::string_view text) {
  const auto r = estate::service::ParseObjectResource(text);
  RequireMessage(r);
  if (!r.ok()) return;
  if (r->md5 && r->md5->size() != 16) std::abort();
  if (r->metadata_null && !r->has_metadata) std::abort();
}

void FuzzBucketResource(std::string_view text) {
  RequireMessage(estate::service::ParseBucketResource(text));
}

void FuzzComposeRequest(std::string_view text) {
  const auto r = estate::service::ParseComposeRequest(text);
  RequireMessage(r);
  if (!r.ok()) return;
  if (r->sources.empty() || r->sources.size() > 32) std::abort();
  for (const estate::service::ComposeSource& s : r->sources) {
    if (s.name.empty()) std::abort();
    if (s.generation && *s.generation < 0) std::abort();
  }
}

void FuzzServeConfig(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return;
  // A secret_file names a file to read; the fuzzer would have it read /dev/zero forever.
  if (doc.is_object()) doc.erase("secret_file");
  const auto config = estate::service::ParseServeConfig(doc, "fuzz.json", "/nonexistent");
  RequireMessage(config);
  if (!config.ok()) return;
  if (config->site_names.empty() || config->site.self >= config->site_names.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the parser, so one corpus covers them all.
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      FuzzObjectResource(text);
      break;
    case 1:
      FuzzBucketResource(text);
      break;
    case 2:
      FuzzComposeRequest(text);
      break;
    case 3:
      FuzzServeConfig(text);
      break;
  }
  return 0;
}

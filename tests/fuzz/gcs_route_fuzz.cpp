// libFuzzer target: the request router of `estate serve` sees every request line a client
// sends, before authentication. Whatever the method and target, routing must not crash, must
// explain a refusal, and must return a route whose fields fit its operation. Percent-encoding
// what the router decodes must round-trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "service/http/gcs_route.h"

namespace {

using estate::service::GcsOp;

// The methods cpp-httplib hands the service, and one it never does.
constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};

void CheckRoute(const estate::service::GcsRoute& r) {
  switch (r.op) {
    case GcsOp::kBucketList:
    case GcsOp::kBucketInsert:
    case GcsOp::kMetrics:
    case GcsOp::kHealth:
      break;
    case GcsOp::kBucketGet:
    case GcsOp::kBucketDelete:
    case GcsOp::kObjectList:
    case GcsOp::kObjectInsert:
      if (r.bucket.empty()) std::abort();
      break;
    case GcsOp::kUploadChunk:
    case GcsOp::kUploadCancel:
      // GcsApi dereferences the upload id without checking it.
      if (r.bucket.empty() || r.Param("upload_id") == nullptr) std::abort();
      break;
    case GcsOp::kObjectGet:
    case GcsOp::kObjectPatch:
    case GcsOp::kObjectDelete:
    case GcsOp::kObjectCompose:
      if (r.bucket.empty() || r.object.empty()) std::abort();
      break;
    case GcsOp::kObjectCopy:
    case GcsOp::kObjectRewrite:
      if (r.bucket.empty() || r.object.empty() || r.dest_bucket.empty() || r.dest_object.empty()) {
        std::abort();
      }
      break;
  }
  if (std::string_view(estate::service::GcsOpName(r.op)) == "unknown") std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the method; the rest is the request target.
  const std::string_view method = kMethods[data[0] % std::size(kMethods)];
  const std::string_view target(reinterpret_cast<const char*>(data) + 1, size - 1);
  const estate::Result<estate::service::GcsRoute> route =
      estate::service::RouteGcsRequest(method, target);
  if (route.ok()) {
    CheckRoute(*route);
  } else if (route.status().message().empty()) {
    std::abort();
  }
  const std::string encoded = estate::service::PercentEncode(target);
  const std::optional<std::string> decoded = estate::service::PercentDecode(encoded, false);
  if (!decoded || *decoded != target) std::abort();
  return 0;
}

// GcsApi: objects.copy, rewrite and compose. Bytes are content-addressed, so a copy or a
// rewrite shares the source's file: it moves no bytes and completes in one call. A compose
// concatenates its sources into a new file.
#include <unistd.h>

#include "engine/ns/name_validation.h"
#include "service/http/gcs_api.h"
#include "service/http/gcs_params.h"

namespace estate::service {
namespace {

Status AppendFile(const BodyFile& file, ObjectWriter& out) {
  std::string buf(256 * 1024, '\0');
  for (uint64_t offset = 0; offset < file.size();) {
    const ssize_t n = ::pread(file.fd(), buf.data(), buf.size(), static_cast<off_t>(offset));
    if (n <= 0) return Status::Internal("a source object's file is shorter than its size");
    Status s = out.Append(std::string_view(buf.data(), static_cast<size_t>(n)));
    if (!s.ok()) return s;
    offset += static_cast<uint64_t>(n);
  }
  return Status::Ok();
}

}  // namespace

void GcsApi::CopyObject(Exchange& x, bool rewrite) {
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_json_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<ObjectResource> overrides = ParseObjectResource(*body);
  if (!overrides.ok()) return Fail(x, overrides.status());
  Result<std::optional<int64_t>> source_generation = Int64Param(x.route, "sourceGeneration");
  if (!source_generation.ok()) return Fail(x, source_generation.status());
  Result<Preconditions> source_pre = PreconditionsParam(x.route, "ifSource");
  if (!source_pre.ok()) return Fail(x, source_pre.status());
  Result<Preconditions> dest_pre = PreconditionsParam(x.route);
  if (!dest_pre.ok()) return Fail(x, dest_pre.status());
  Status valid = ValidateObjectName(x.route.dest_object);
  if (!valid.ok()) return Fail(x, valid);

  Result<ObjectMeta> source =
      GetWithBytes(x, x.route.bucket, x.route.object, *source_generation, *source_pre);
  if (!source.ok()) return Fail(x, source.status());
  // The destination keeps the source's metadata unless the request gives its own.
  ObjectResource resource = *overrides;
  if (!resource.has_metadata) {
    for (const auto& [k, v] : source->metadata)
      resource.metadata[k] = v;
  }
  if (!resource.storage_class) resource.storage_class = source->storage_class;
  const std::string content_type = resource.content_type.value_or(source->content_type);
  Result<ObjectMeta> meta =
      CommitObject(x, x.route.dest_bucket, x.route.dest_object, *ContentAddress::Of(*source),
                   resource, content_type, *dest_pre);
  if (!meta.ok()) return Fail(x, meta.status());
  nlohmann::json object = ObjectJson(*meta, x.base_url);
  if (!rewrite) return Reply(x, 200, object);
  const std::string size = std::to_string(meta->size);
  Reply(x, 200,
        {{"kind", "storage#rewriteResponse"},
         {"totalBytesRewritten", size},
         {"objectSize", size},
         {"done", true},
         {"resource", object}});
}

void GcsApi::ComposeObject(Exchange& x) {
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_json_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<ComposeRequest> request = ParseComposeRequest(*body);
  if (!request.ok()) return Fail(x, request.status());
  Result<Preconditions> dest_pre = PreconditionsParam(x.route);
  if (!dest_pre.ok()) return Fail(x, dest_pre.status());
  Status valid = ValidateObjectName(x.route.object);
  if (!valid.ok()) return Fail(x, valid);

  Result<std::unique_ptr<ObjectWriter>> writer = site_.objects().NewWriter();
  if (!writer.ok()) return Fail(x, writer.status());
  for (const ComposeSource& src : request->sources) {
    Preconditions pre;
    pre.if_generation_match = src.if_generation_match;
    Result<ObjectMeta> meta = GetWithBytes(x, x.route.bucket, src.name, src.generation, pre);
    if (!meta.ok()) return Fail(x, meta.status());
    if ((*writer)->size() + meta->size > limits_.max_object_bytes) {
      return Fail(x, ApiError::PayloadTooLarge(limits_.max_object_bytes));
    }
    Result<BodyFile> file = site_.objects().OpenRead(*ContentAddress::Of(*meta));
    if (!file.ok()) return Fail(x, Status::Unavailable(file.status().message()));
    Status s = AppendFile(*file, **writer);
    if (!s.ok()) return Fail(x, s);
  }
  Result<ContentAddress> address = (*writer)->Commit();
  if (!address.ok()) return Fail(x, address.status());
  const ObjectResource& dest = request->destination;
  Result<ObjectMeta> meta = CommitObject(x, x.route.bucket, x.route.object, *address, dest,
                                         dest.content_type.value_or(""), *dest_pre);
  if (!meta.ok()) return Fail(x, meta.status());
  Reply(x, 200, ObjectJson(*meta, x.base_url));
}

}  // namespace estate::service

// GcsApi: objects.get (metadata, or the bytes with alt=media), list, patch and delete.
#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "service/http/gcs_api.h"
#include "service/http/gcs_params.h"
#include "service/http/goog_hash.h"
#include "service/http/http_ranges.h"

namespace estate::service {
namespace {

// The Match conditions go to the engine (412 when they fail). The NotMatch ones of a read
// answer 304 Not Modified instead, as GCS does, so they are checked here.
Preconditions MatchOnly(const Preconditions& p) {
  Preconditions m;
  m.if_generation_match = p.if_generation_match;
  m.if_metageneration_match = p.if_metageneration_match;
  return m;
}

bool NotModified(const Preconditions& p, const ObjectMeta& meta) {
  return (p.if_generation_not_match && *p.if_generation_not_match == meta.generation) ||
         (p.if_metageneration_not_match && *p.if_metageneration_not_match == meta.metageneration);
}

}  // namespace

void GcsApi::GetObject(Exchange& x) {
  Result<std::optional<int64_t>> generation = Int64Param(x.route, "generation");
  if (!generation.ok()) return Fail(x, generation.status());
  Result<Preconditions> pre = PreconditionsParam(x.route);
  if (!pre.ok()) return Fail(x, pre.status());
  const std::string bucket = x.route.bucket;
  const std::string name = x.route.object;
  const std::optional<int64_t> gen = *generation;
  const Preconditions match = MatchOnly(*pre);

  if (!x.route.media) {
    Result<ObjectMeta> meta = site_.Call<ObjectMeta>(
        Remaining(x), [bucket, name, gen, match](EngineNode& e, ClientContext& ctx, auto done) {
          e.Get(ctx, bucket, name, gen, match, done);
        });
    if (!meta.ok()) return Fail(x, meta.status());
    if (NotModified(*pre, *meta)) {
      x.res.status = 304;
      return;
    }
    return Reply(x, 200, ObjectJson(*meta, x.base_url));
  }

  ObjectBody body;
  Result<ObjectMeta> meta = GetWithBytes(x, bucket, name, gen, match, &body);
  if (!meta.ok()) return Fail(x, meta.status());
  if (NotModified(*pre, *meta)) {
    x.res.status = 304;
    return;
  }

  ByteRange range{0, meta->size};
  bool partial = false;
  if (x.req.has_header("Range")) {
    Result<std::optional<ByteRange>> r =
        ParseRangeHeader(x.req.get_header_value("Range"), meta->size);
    if (!r.ok()) {
      x.res.set_header("Content-Range", "bytes */" + std::to_string(meta->size));
      return Fail(x, ApiError::RangeNotSatisfiable(meta->size));
    }
    if (r->has_value()) {
      range = **r;
      partial = true;
    }
  }
  x.res.status = partial ? 206 : 200;
  x.res.set_header("x-goog-hash", FormatGoogHash(*meta));
  x.res.set_header("x-goog-generation", std::to_string(meta->generation));
  x.res.set_header("x-goog-metageneration", std::to_string(meta->metageneration));
  x.res.set_header("x-goog-stored-content-length", std::to_string(meta->size));
  x.res.set_header("x-goog-stored-content-encoding", "identity");
  x.res.set_header("x-goog-storage-class", StorageClassName(meta->storage_class));
  x.res.set_header("ETag", "\"" + ObjectEtag(*meta) + "\"");
  x.res.set_header("Accept-Ranges", "bytes");
  if (partial) {
    x.res.set_header("Content-Range", "bytes " + std::to_string(range.offset) + "-" +
                                          std::to_string(range.offset + range.length - 1) + "/" +
                                          std::to_string(meta->size));
  }
  metrics_.RecordDownloadBytes(range.length);
  if (range.length == 0) {
    x.res.set_content("", meta->content_type);
    return;
  }
  // Bytes go out through a sized content provider, never set_content(): cpp-httplib gzips a
  // set_content() body of a text type when the client accepts it, and the x-goog-hash above
  // describes the stored bytes (the Node client then fails with CONTENT_DOWNLOAD_MISMATCH).
  // A small body is already in memory; a large one is read from its file as the response is
  // written, so it is never all in memory.
  std::shared_ptr<const std::string> bytes = std::move(body.bytes);
  std::shared_ptr<BodyFile> file =
      body.file ? std::make_shared<BodyFile>(std::move(*body.file)) : nullptr;
  const uint64_t start = range.offset;
  x.res.set_content_provider(
      range.length, meta->content_type,
      [bytes, file, start](size_t offset, size_t length, httplib::DataSink& sink) {
        if (bytes != nullptr) return sink.write(bytes->data() + start + offset, length);
        std::string buf(std::min<size_t>(length, 256 * 1024), '\0');
        const ssize_t n =
            ::pread(file->fd(), buf.data(), buf.size(), static_cast<off_t>(start + offset));
        if (n <= 0) return false;
        return sink.write(buf.data(), static_cast<size_t>(n));
      });
}

void GcsApi::ListObjects(Exchange& x) {
  ListOptions o;
  if (const std::string* v = x.route.Param("prefix")) o.prefix = *v;
  if (const std::string* v = x.route.Param("delimiter")) o.delimiter = *v;
  if (const std::string* v = x.route.Param("pageToken")) o.page_token = *v;
  if (const std::string* v = x.route.Param("startOffset")) o.start_offset = *v;
  if (const std::string* v = x.route.Param("endOffset")) o.end_offset = *v;
  if (const std::string* v = x.route.Param("versions")) o.versions = *v == "true";
  Result<std::optional<int64_t>> max = Int64Param(x.route, "maxResults");
  if (!max.ok()) return Fail(x, max.status());
  // GCS caps pages at 1000 items and prefixes whatever the client asks.
  if (*max) o.max_results = static_cast<int>(std::clamp<int64_t>(**max, 1, 1000));
  const std::string bucket = x.route.bucket;
  Result<ListPage> page = site_.Call<ListPage>(
      Remaining(x),
      [bucket, o](EngineNode& e, ClientContext& ctx, auto done) { e.List(ctx, bucket, o, done); });
  if (!page.ok()) return Fail(x, page.status());
  nlohmann::json out = {{"kind", "storage#objects"}};
  if (!page->items.empty()) {
    nlohmann::json items = nlohmann::json::array();
    for (const ObjectMeta& m : page->items)
      items.push_back(ObjectJson(m, x.base_url));
    out["items"] = std::move(items);
  }
  if (!page->prefixes.empty()) out["prefixes"] = page->prefixes;
  if (!page->next_page_token.empty()) out["nextPageToken"] = page->next_page_token;
  Reply(x, 200, out);
}

void GcsApi::PatchObject(Exchange& x) {
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_json_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<ObjectResource> resource = ParseObjectResource(*body);
  if (!resource.ok()) return Fail(x, resource.status());
  Result<std::optional<int64_t>> generation = Int64Param(x.route, "generation");
  if (!generation.ok()) return Fail(x, generation.status());
  Result<Preconditions> pre = PreconditionsParam(x.route);
  if (!pre.ok()) return Fail(x, pre.status());
  const std::string bucket = x.route.bucket;
  const std::string name = x.route.object;
  const std::optional<int64_t> gen = *generation;

  ObjectPatch patch;
  patch.content_type = resource->content_type;
  patch.storage_class = resource->storage_class;
  if (resource->metadata_null) {
    // "metadata": null clears every custom key: name the ones there are now.
    Result<ObjectMeta> now = site_.Call<ObjectMeta>(
        Remaining(x), [bucket, name, gen](EngineNode& e, ClientContext& ctx, auto done) {
          e.Get(ctx, bucket, name, gen, {}, done);
        });
    if (!now.ok()) return Fail(x, now.status());
    for (const auto& [k, v] : now->metadata)
      patch.metadata[k] = std::nullopt;
  }
  for (const auto& [k, v] : resource->metadata)
    patch.metadata[k] = v;
  const Preconditions p = *pre;
  Result<ObjectMeta> meta = site_.Call<ObjectMeta>(
      Remaining(x), [bucket, name, gen, patch, p](EngineNode& e, ClientContext& ctx, auto done) {
        e.Patch(ctx, bucket, name, gen, patch, p, done);
      });
  if (!meta.ok()) return Fail(x, meta.status());
  Status synced = site_.SyncMetadata();
  if (!synced.ok()) return Fail(x, synced);
  Reply(x, 200, ObjectJson(*meta, x.base_url));
}

void GcsApi::DeleteObject(Exchange& x) {
  Result<std::optional<int64_t>> generation = Int64Param(x.route, "generation");
  if (!generation.ok()) return Fail(x, generation.status());
  Result<Preconditions> pre = PreconditionsParam(x.route);
  if (!pre.ok()) return Fail(x, pre.status());
  const std::string bucket = x.route.bucket;
  const std::string name = x.route.object;
  const std::optional<int64_t> gen = *generation;
  const Preconditions p = *pre;
  Result<ObjectMeta> deleted = site_.Call<ObjectMeta>(
      Remaining(x), [bucket, name, gen, p](EngineNode& e, ClientContext& ctx, auto done) {
        e.Delete(ctx, bucket, name, gen, p, done);
      });
  if (!deleted.ok()) return Fail(x, deleted.status());
  Status synced = site_.SyncMetadata();
  if (!synced.ok()) return Fail(x, synced);
  x.res.status = 204;
}

}  // namespace estate::service

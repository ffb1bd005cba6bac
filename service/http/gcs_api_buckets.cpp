// GcsApi: buckets.insert, get, list and delete. Bucket changes go through the engine's
// strong-mode log at every site, whatever the bucket's mounts say.
#include <thread>

#include "service/http/gcs_api.h"

namespace estate::service {

void GcsApi::InsertBucket(Exchange& x) {
  std::optional<ApiError> error;
  std::optional<std::string> body = ReadBody(x, limits_.max_json_bytes, &error);
  if (!body) return Fail(x, *error);
  Result<BucketResource> spec = ParseBucketResource(*body);
  if (!spec.ok()) return Fail(x, spec.status());
  const std::string name = spec->name;
  // Objects live under mounts, which the deployment's configuration fixes at every site.
  bool mounted = false;
  for (const Mount& m : site_.mounts().mounts())
    mounted = mounted || m.bucket == name;
  if (!mounted) {
    return Fail(x, Status::Invalid("bucket \"" + name.substr(0, 80) +
                                   "\" has no mount in this deployment's configuration; add one "
                                   "under \"mounts\" at every site"));
  }
  const bool versioning = spec->versioning;
  Result<bool> created =
      site_.Call<bool>(Remaining(x), [name, versioning](EngineNode& e, ClientContext&, auto done) {
        e.CreateBucket(name, versioning, [done](Status s) {
          if (s.ok()) return done(true);
          done(s);
        });
      });
  if (!created.ok()) return Fail(x, created.status());
  Result<BucketMeta> b = AwaitLocalBucket(x, name, /*exists=*/true);
  if (!b.ok()) return Fail(x, b.status());
  Status synced = site_.SyncMetadata();
  if (!synced.ok()) return Fail(x, synced);
  Reply(x, 200, BucketJson(*b, x.base_url));
}

Result<BucketMeta> GcsApi::AwaitLocalBucket(Exchange& x, const std::string& name, bool exists) {
  // The log's leader answered; this site applies the change when it learns the commit (a
  // heartbeat later at a follower). Waiting for it here lets the client's next request at this
  // site see its own change, as GCS's strongly consistent bucket operations do.
  for (;;) {
    Result<std::optional<BucketMeta>> b = site_.Inspect<std::optional<BucketMeta>>(
        Remaining(x), [name](const EngineNode& e) -> std::optional<BucketMeta> {
          Result<BucketMeta> r = e.ns().GetBucket(name);
          if (!r.ok()) return std::nullopt;
          return *r;
        });
    if (!b.ok()) return b.status();
    if (b->has_value() == exists) return b->value_or(BucketMeta{});
    if (std::chrono::steady_clock::now() > x.deadline) {
      return Status::Unavailable(std::string("bucket ") + (exists ? "created" : "deleted") +
                                 ", but the change is not yet applied at this site");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void GcsApi::GetBucket(Exchange& x) {
  const std::string name = x.route.bucket;
  Result<Result<BucketMeta>> b = site_.Inspect<Result<BucketMeta>>(
      Remaining(x), [name](const EngineNode& e) { return e.ns().GetBucket(name); });
  if (!b.ok()) return Fail(x, b.status());
  if (!b->ok()) return Fail(x, b->status());
  Reply(x, 200, BucketJson(**b, x.base_url));
}

void GcsApi::ListBuckets(Exchange& x) {
  Result<std::vector<BucketMeta>> all = site_.Inspect<std::vector<BucketMeta>>(
      Remaining(x), [](const EngineNode& e) { return e.ns().ListBuckets(); });
  if (!all.ok()) return Fail(x, all.status());
  const std::string* prefix = x.route.Param("prefix");
  nlohmann::json items = nlohmann::json::array();
  for (const BucketMeta& b : *all) {
    if (prefix && b.name.compare(0, prefix->size(), *prefix) != 0) continue;
    items.push_back(BucketJson(b, x.base_url));
  }
  nlohmann::json out = {{"kind", "storage#buckets"}};
  if (!items.empty()) out["items"] = std::move(items);
  Reply(x, 200, out);
}

void GcsApi::DeleteBucket(Exchange& x) {
  const std::string name = x.route.bucket;
  Result<bool> deleted =
      site_.Call<bool>(Remaining(x), [name](EngineNode& e, ClientContext&, auto done) {
        e.DeleteBucket(name, [done](Status s) {
          if (s.ok()) return done(true);
          done(s);
        });
      });
  if (!deleted.ok()) return Fail(x, deleted.status());
  Result<BucketMeta> gone = AwaitLocalBucket(x, name, /*exists=*/false);
  if (!gone.ok()) return Fail(x, gone.status());
  Status synced = site_.SyncMetadata();
  if (!synced.ok()) return Fail(x, synced);
  x.res.status = 204;
}

}  // namespace estate::service

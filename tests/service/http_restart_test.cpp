// Every acknowledged object survives a restart with its bytes and its crc32c: after a clean
// shutdown, and from a copy of the data directory taken while the site runs (what a crash
// leaves on disk, since acknowledged writes were fsynced).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "engine/ns/crc32c.h"
#include "tests/service/http_deployment.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::HttpDeployment;
using testing::Json;
using testing::ObjectPath;
using testing::OneBucketMount;

std::string Bytes(int i) {
  std::string s(static_cast<size_t>(i) * 997 + 1, '\0');
  for (size_t k = 0; k < s.size(); ++k)
    s[k] = static_cast<char>('a' + (k * 31 + static_cast<size_t>(i)) % 26);
  return s;
}

// Writes 40 objects (media and resumable), overwrites some, deletes some, patches some, and
// returns what each surviving name was acknowledged with.
std::map<std::string, json> Workload(httplib::Client& c) {
  std::map<std::string, json> acked;
  for (int i = 0; i < 40; ++i) {
    const std::string name = "obj/" + std::to_string(i);
    auto upload = [&]() -> httplib::Result {
      if (i % 4 != 3) return testing::UploadMedia(c, "bkt", name, Bytes(i));
      auto start = c.Post("/upload/storage/v1/b/bkt/o?uploadType=resumable&name=" +
                              httplib::detail::encode_query_param(name),
                          "{}", "application/json");
      const std::string location = start->get_header_value("Location");
      return c.Put(location.substr(location.find("/upload/")), {{"Content-Range", "bytes 0-*/*"}},
                   Bytes(i), "application/octet-stream");
    };
    httplib::Result r = upload();
    EXPECT_EQ(r->status, 200) << r->body;
    acked[name] = Json(r);
  }
  for (int i = 0; i < 40; i += 5) {
    const std::string name = "obj/" + std::to_string(i);
    auto r = testing::UploadMedia(c, "bkt", name, Bytes(i + 100));
    acked[name] = Json(r);
  }
  for (int i = 1; i < 40; i += 7) {
    EXPECT_EQ(c.Delete(ObjectPath("bkt", "obj/" + std::to_string(i)))->status, 204);
    acked.erase("obj/" + std::to_string(i));
  }
  for (int i = 2; i < 40; i += 9) {
    const std::string name = "obj/" + std::to_string(i);
    if (!acked.count(name)) continue;  // deleted above
    auto r =
        c.Patch(ObjectPath("bkt", name), R"({"metadata":{"patched":"yes"}})", "application/json");
    acked[name] = Json(r);
  }
  return acked;
}

void ExpectAllRecovered(httplib::Client& c, const std::map<std::string, json>& acked) {
  for (const auto& [name, object] : acked) {
    auto meta = c.Get(ObjectPath("bkt", name));
    ASSERT_EQ(meta->status, 200) << name;
    const json now = Json(meta);
    EXPECT_EQ(now["generation"], object["generation"]) << name;
    EXPECT_EQ(now["metageneration"], object["metageneration"]) << name;
    EXPECT_EQ(now["crc32c"], object["crc32c"]) << name;
    auto media = c.Get(ObjectPath("bkt", name) + "?alt=media");
    ASSERT_EQ(media->status, 200) << name;
    EXPECT_EQ(Crc32cToBase64(Crc32c(media->body)), object["crc32c"]) << name;
  }
  const json listed = Json(c.Get("/storage/v1/b/bkt/o"));
  EXPECT_EQ(listed["items"].size(), acked.size());
}

TEST(HttpRestart, EveryAcknowledgedObjectSurvivesACleanRestart) {
  HttpDeployment d(1, OneBucketMount(ConsistencyMode::kEventual));
  auto c = d.Client(0);
  ASSERT_EQ(testing::CreateBucketHttp(*c, "bkt"), 200);
  const std::map<std::string, json> acked = Workload(*c);
  d.Restart(0);
  c = d.Client(0);
  ExpectAllRecovered(*c, acked);
}

TEST(HttpRestart, ACopyOfTheDataDirectoryTakenWhileRunningHoldsEveryAcknowledgedObject) {
  HttpDeployment d(1, OneBucketMount(ConsistencyMode::kEventual));
  auto c = d.Client(0);
  ASSERT_EQ(testing::CreateBucketHttp(*c, "bkt"), 200);
  const std::map<std::string, json> acked = Workload(*c);
  // What the kernel holds for the running site now is what a kill -9 would leave.
  testing::ScratchDir crash;
  std::filesystem::copy(d.data_dir(0), crash.sub("image"),
                        std::filesystem::copy_options::recursive);
  d.Stop(0);
  std::filesystem::remove_all(d.data_dir(0));
  std::filesystem::rename(crash.sub("image"), d.data_dir(0));
  d.Start(0);
  c = d.Client(0);
  ExpectAllRecovered(*c, acked);
}

}  // namespace
}  // namespace estate::service

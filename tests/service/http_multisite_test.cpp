// Three sites on loopback (the GCP region and two on-prem sites), each with its HTTP front
// end: what a client writes at one site it reads at another.
#include <gtest/gtest.h>

#include "engine/ns/crc32c.h"
#include "tests/service/eventually.h"
#include "tests/service/http_deployment.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::Eventually;
using testing::HttpDeployment;
using testing::Json;
using testing::ObjectPath;

MountTable MultisiteMounts() {
  MountTable t(3);
  EXPECT_TRUE(t.Add("shared/", testing::EventualEverywhere(3)).ok());
  MountPolicy strong = testing::EventualEverywhere(3);
  strong.mode = ConsistencyMode::kStrong;
  EXPECT_TRUE(t.Add("strict/", strong).ok());
  MountPolicy pos = testing::EventualEverywhere(3);
  pos.mode = ConsistencyMode::kSyncSites;
  pos.home = 1;
  EXPECT_TRUE(t.Add("pos/", pos).ok());
  EXPECT_TRUE(t.Add("scratch/", testing::EventualEverywhere(3)).ok());
  return t;
}

class HttpMultiSite : public ::testing::Test {
 protected:
  void SetUp() override {
    for (SiteId s = 0; s < 3; ++s)
      c[s] = d.Client(s);
    for (const char* bucket : {"shared", "strict", "pos"}) {
      ASSERT_EQ(testing::CreateBucketHttp(*c[0], bucket), 200);
      for (SiteId s = 0; s < 3; ++s) {
        ASSERT_TRUE(Eventually(
            [&] { return c[s]->Get(std::string("/storage/v1/b/") + bucket)->status == 200; }));
      }
    }
  }

  HttpDeployment d{3, MultisiteMounts()};
  std::unique_ptr<httplib::Client> c[3];
};

// Bucket changes are ordered by the strong-mode log's leader and applied at the other sites a
// heartbeat later; the site a client asked answers only once it has applied the change, so the
// client's next request there sees it. Every site takes a turn, so followers are covered.
TEST_F(HttpMultiSite, ABucketCreatedOrDeletedAtASiteIsSeenThereAtOnce) {
  for (SiteId s = 0; s < 3; ++s) {
    ASSERT_EQ(testing::CreateBucketHttp(*c[s], "scratch"), 200) << "site " << s;
    EXPECT_EQ(c[s]->Get("/storage/v1/b/scratch")->status, 200) << "site " << s;
    auto put = testing::UploadMedia(*c[s], "scratch", "right-after-create", "x");
    EXPECT_EQ(put->status, 200) << "site " << s << ": " << put->body;
    ASSERT_EQ(c[s]->Delete(ObjectPath("scratch", "right-after-create"))->status, 204);
    // The delete has to wait until the object's deletion is applied everywhere it is.
    ASSERT_TRUE(Eventually([&] {
      for (SiteId other = 0; other < 3; ++other) {
        if (c[other]->Get(ObjectPath("scratch", "right-after-create"))->status != 404) return false;
      }
      return true;
    }));
    auto deleted = c[s]->Delete("/storage/v1/b/scratch");
    ASSERT_EQ(deleted->status, 204) << "site " << s << ": " << deleted->body;
    EXPECT_EQ(c[s]->Get("/storage/v1/b/scratch")->status, 404) << "site " << s;
  }
}

TEST_F(HttpMultiSite, AnEventualWriteAtOneSiteIsReadableAtTheOthers) {
  std::string data(200000, 'q');
  auto put = testing::UploadMedia(*c[1], "shared", "from/site-1", data);
  ASSERT_EQ(put->status, 200) << put->body;
  for (SiteId s : {0, 2}) {
    std::string body;
    ASSERT_TRUE(Eventually([&] {
      auto r = c[s]->Get(ObjectPath("shared", "from/site-1") + "?alt=media");
      if (!r || r->status != 200) return false;
      body = r->body;
      return true;
    })) << "site "
        << s;
    EXPECT_EQ(body, data);
  }
  // A delete at a third site reaches the writer's site too.
  ASSERT_EQ(c[2]->Delete(ObjectPath("shared", "from/site-1"))->status, 204);
  EXPECT_TRUE(
      Eventually([&] { return c[1]->Get(ObjectPath("shared", "from/site-1"))->status == 404; }));
}

TEST_F(HttpMultiSite, AStrongWriteIsReadAtAnySiteAsSoonAsItIsAcknowledged) {
  auto put = testing::UploadMedia(*c[2], "strict", "inventory/sku-1", "count=7");
  ASSERT_EQ(put->status, 200) << put->body;
  const json written = Json(put);
  for (SiteId s : {0, 1}) {
    // Linearizable metadata: no waiting. The bytes may still be on their way and are fetched.
    auto meta = c[s]->Get(ObjectPath("strict", "inventory/sku-1"));
    ASSERT_EQ(meta->status, 200) << "site " << s;
    EXPECT_EQ(Json(meta)["generation"], written["generation"]);
    auto media = c[s]->Get(ObjectPath("strict", "inventory/sku-1") + "?alt=media");
    ASSERT_EQ(media->status, 200) << media->body;
    EXPECT_EQ(media->body, "count=7");
  }
  // A create-only write of the same name at another site fails: one order for every site.
  EXPECT_EQ(
      testing::UploadMedia(*c[0], "strict", "inventory/sku-1", "x", "&ifGenerationMatch=0")->status,
      412);
}

TEST_F(HttpMultiSite, SyncSitesWritesAreOnEveryOnPremSiteWhenAcknowledged) {
  auto put = testing::UploadMedia(*c[2], "pos", "till/3", "sale 12.50");
  ASSERT_EQ(put->status, 200) << put->body;
  for (SiteId s : {1, 2}) {
    auto meta = c[s]->Get(ObjectPath("pos", "till/3"));
    ASSERT_EQ(meta->status, 200) << "site " << s;
    EXPECT_EQ(Json(meta)["crc32c"], Crc32cToBase64(Crc32c("sale 12.50")));
  }
  auto media = c[0]->Get(ObjectPath("pos", "till/3") + "?alt=media");
  ASSERT_TRUE(Eventually([&] {
    media = c[0]->Get(ObjectPath("pos", "till/3") + "?alt=media");
    return media && media->status == 200;
  }));
  EXPECT_EQ(media->body, "sale 12.50");
}

}  // namespace
}  // namespace estate::service

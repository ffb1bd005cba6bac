// Replication moves real object bytes between service sites: the engine's data transfers
// carry the files, and a site stores and checks them before the engine hears of them.
#include <gtest/gtest.h>
#include <unistd.h>

#include "engine/ns/crc32c.h"
#include "tests/service/eventually.h"
#include "tests/service/loopback_sites.h"

namespace estate::service {
namespace {

using testing::Eventually;
using testing::LoopbackSites;

std::string ReadBytes(ServiceSite& site, const ContentAddress& a) {
  auto f = site.objects().OpenRead(a);
  if (!f.ok()) return "";
  std::string out(f->size(), '\0');
  if (::pread(f->fd(), out.data(), out.size(), 0) != static_cast<ssize_t>(out.size())) return "";
  return out;
}

MountTable ReplicationMounts() {
  MountTable t(3);
  EXPECT_TRUE(t.Add("bkt/", testing::EventualEverywhere(3)).ok());
  return t;
}

TEST(SiteReplication, AWriteAtOneSiteBringsItsBytesToEveryReplicaAndToGcs) {
  LoopbackSites sites(3, ReplicationMounts());
  ASSERT_TRUE(testing::CreateBucket(sites.site(1), "bkt").ok());
  ASSERT_TRUE(testing::BucketEverywhere(sites, 3, "bkt"));
  std::string bytes;
  for (int i = 0; i < 300000; ++i)
    bytes += static_cast<char>('a' + i % 26);
  Result<ObjectMeta> meta = testing::PutObject(sites.site(1), "bkt", "dir/file.bin", bytes);
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  EXPECT_EQ(meta->crc32c, Crc32c(bytes));
  const ContentAddress a = *ContentAddress::Of(*meta);
  for (SiteId s : {0, 2}) {
    ASSERT_TRUE(Eventually([&] { return sites.site(s).objects().Contains(a); })) << "site " << s;
    EXPECT_EQ(ReadBytes(sites.site(s), a), bytes) << "site " << s;
    // The metadata arrived too, by the replication stream.
    ASSERT_TRUE(Eventually([&] {
      auto m = sites.site(s).Inspect<ObjectMeta>(testing::kCallTimeout, [](const EngineNode& e) {
        Result<ObjectMeta> r = e.ns().GetObject("bkt", "dir/file.bin");
        return r.ok() ? *r : ObjectMeta{};
      });
      return m.ok() && m->generation == meta->generation;
    }));
  }
  // An empty object travels as an empty body.
  Result<ObjectMeta> empty = testing::PutObject(sites.site(2), "bkt", "empty", "");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  const ContentAddress none = *ContentAddress::Of(*empty);
  for (SiteId s : {0, 1}) {
    EXPECT_TRUE(Eventually([&] { return sites.site(s).objects().Contains(none); })) << s;
  }
  EXPECT_EQ(sites.site(0).rejected_deliveries(), 0u);
}

TEST(SiteReplication, ASiteThatWasDownReceivesTheBytesWhenItComesBack) {
  LoopbackSites sites(3, ReplicationMounts());
  ASSERT_TRUE(testing::CreateBucket(sites.site(0), "bkt").ok());
  ASSERT_TRUE(testing::BucketEverywhere(sites, 3, "bkt"));
  sites.Close(2);
  Result<ObjectMeta> meta =
      testing::PutObject(sites.site(1), "bkt", "late", "bytes for a late site");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  const ContentAddress a = *ContentAddress::Of(*meta);
  sites.Open(2);
  ASSERT_TRUE(Eventually([&] { return sites.site(2).objects().Contains(a); }));
  EXPECT_EQ(ReadBytes(sites.site(2), a), "bytes for a late site");
}

}  // namespace
}  // namespace estate::service

#include "engine/mount/mount_table.h"

#include <gtest/gtest.h>

namespace estate {
namespace {

MountPolicy Mode(ConsistencyMode m, SiteId home = kGcpSite) {
  MountPolicy p;
  p.mode = m;
  p.home = home;
  p.replicas = SiteSet(0b110);
  return p;
}

MountTable RetailTable() {
  MountTable t(3);
  EXPECT_TRUE(t.Add("retail-lake/", Mode(ConsistencyMode::kEventual)).ok());
  EXPECT_TRUE(t.Add("retail-lake/hot/", Mode(ConsistencyMode::kStrong)).ok());
  EXPECT_TRUE(t.Add("retail-lake/hot/pos/", Mode(ConsistencyMode::kSyncSites, 1)).ok());
  EXPECT_TRUE(t.Add("staging/", Mode(ConsistencyMode::kSession, 2)).ok());
  return t;
}

TEST(MountTableTest, LongestPrefixWins) {
  MountTable t = RetailTable();
  auto r = t.Resolve("retail-lake", "hot/pos/store-17/2026-11-22.parquet");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->mount->path, "retail-lake/hot/pos/");
  EXPECT_EQ(r->mount->policy.mode, ConsistencyMode::kSyncSites);
  EXPECT_EQ(t.Resolve("retail-lake", "hot/inventory.csv")->mount->path, "retail-lake/hot/");
  EXPECT_EQ(t.Resolve("retail-lake", "cold/archive.tar")->mount->path, "retail-lake/");
  // "hot" without the slash is not under "hot/".
  EXPECT_EQ(t.Resolve("retail-lake", "hotter.txt")->mount->path, "retail-lake/");
  EXPECT_EQ(t.Resolve("staging", "x")->mount->policy.home, 2);
}

TEST(MountTableTest, UncoveredNamesAreNotFound) {
  MountTable t = RetailTable();
  auto r = t.Resolve("other-bucket", "a/b");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "404 notFound: no mount covers \"other-bucket/a/b\"");
  MountTable prefix_only(3);
  ASSERT_TRUE(prefix_only.Add("lake/hot/", Mode(ConsistencyMode::kStrong)).ok());
  EXPECT_FALSE(prefix_only.Resolve("lake", "cold/x").ok());
}

TEST(MountTableTest, ValidationMessagesNameThePath) {
  MountTable t(3);
  EXPECT_EQ(t.Add("lake", Mode(ConsistencyMode::kStrong)).message(),
            "mount \"lake\": expected \"bucket/\" or \"bucket/prefix/\"");
  EXPECT_EQ(t.Add("lake/hot", Mode(ConsistencyMode::kStrong)).message(),
            "mount \"lake/hot\": expected \"bucket/\" or \"bucket/prefix/\"");
  EXPECT_EQ(t.Add("lake/a//", Mode(ConsistencyMode::kStrong)).message(),
            "mount \"lake/a//\": empty path component");
  EXPECT_EQ(t.Add("lake/", Mode(ConsistencyMode::kStrong, 5)).message(),
            "mount \"lake/\": home site 5 is not in the deployment");
  MountPolicy bad_replicas = Mode(ConsistencyMode::kStrong);
  bad_replicas.replicas = SiteSet(0b1000);
  EXPECT_EQ(t.Add("lake/", bad_replicas).message(),
            "mount \"lake/\": a replica site is not in the deployment");
  MountPolicy bad_bound = Mode(ConsistencyMode::kBoundedStaleness);
  bad_bound.staleness.max_versions = 0;
  EXPECT_EQ(t.Add("lake/", bad_bound).message(),
            "mount \"lake/\": bounded staleness needs max_versions >= 1 and max_lag > 0");
  Status upper = t.Add("Lake/", Mode(ConsistencyMode::kStrong));
  EXPECT_TRUE(upper.IsInvalid());
  EXPECT_EQ(upper.message().rfind("mount \"Lake/\": ", 0), 0u) << upper.message();
  ASSERT_TRUE(t.Add("lake/", Mode(ConsistencyMode::kStrong)).ok());
  Status dup = t.Add("lake/", Mode(ConsistencyMode::kEventual));
  EXPECT_TRUE(dup.IsConflict());
  EXPECT_EQ(dup.message(), "mount \"lake/\" already exists");
}

TEST(MountTableTest, ResolutionIsTheSameFromEverySite) {
  // The table is a value: every site holds an identical copy, and resolution takes no site
  // argument, so copies made for three sites must agree on every name.
  MountTable base = RetailTable();
  std::vector<MountTable> per_site = {base, base, base};
  const char* names[] = {"hot/pos/a", "hot/b", "c", "hot", "hot/pos/"};
  for (const char* n : names) {
    auto first = per_site[0].Resolve("retail-lake", n);
    for (const MountTable& t : per_site) {
      auto r = t.Resolve("retail-lake", n);
      ASSERT_TRUE(r.ok());
      EXPECT_EQ(r->mount->path, first->mount->path) << n;
      EXPECT_EQ(r->index, first->index);
    }
  }
}

TEST(MountTableTest, MountsIterateInPathOrderAndSitesIncludeHome) {
  MountTable t = RetailTable();
  std::vector<std::string> paths;
  for (const Mount& m : t.mounts())
    paths.push_back(m.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"retail-lake/", "retail-lake/hot/",
                                             "retail-lake/hot/pos/", "staging/"}));
  EXPECT_EQ(MountTable::SitesOf(Mode(ConsistencyMode::kStrong)).bits(), 0b111u);
}

}  // namespace
}  // namespace estate

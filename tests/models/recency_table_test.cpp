#include "models/cache/recency_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <unordered_map>

#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

TEST(RecencyTableTest, FindsWhatWasInsertedAndForgetsWhatWasErased) {
  RecencyTable table;
  EXPECT_EQ(table.Find(5), nullptr);
  table.Insert({.key = 5, .stamp = 50});
  table.Insert({.key = 0, .stamp = 0});  // key 0 and stamp 0 are ordinary values
  ASSERT_NE(table.Find(5), nullptr);
  EXPECT_EQ(table.Find(5)->stamp, 50u);
  EXPECT_EQ(table.Find(0)->stamp, 0u);
  table.Find(5)->stamp = 51;
  EXPECT_EQ(table.Find(5)->stamp, 51u);
  EXPECT_EQ(table.size(), 2u);
  const std::optional<RecencyTable::Entry> erased = table.Erase(5);
  ASSERT_TRUE(erased.has_value());
  EXPECT_EQ(erased->stamp, 51u);
  EXPECT_FALSE(table.Erase(5).has_value());
  EXPECT_EQ(table.Find(5), nullptr);
  EXPECT_EQ(table.size(), 1u);
}

// Inserts and erases at random through many growths, up to 3/4 full where linear-probing runs
// are long, so that erasures shift entries back (across the end of the table too); every key
// stays findable with its latest stamp.
TEST(RecencyTableTest, MatchesAMapThroughGrowthAndErasure) {
  RecencyTable table;
  std::unordered_map<uint64_t, uint64_t> reference;
  SplitMix64 rng(11);
  for (uint64_t step = 0; step < 200'000; ++step) {
    const uint64_t r = rng.Next();
    const uint64_t key = (r & 1) ? (r >> 1) % 5000 : ((r >> 1) % 3000) << 40;
    RecencyTable::Entry* e = table.Find(key);
    auto it = reference.find(key);
    ASSERT_EQ(e != nullptr, it != reference.end()) << "key " << key;
    if (e == nullptr) {
      table.Insert({.key = key, .stamp = step});
      reference[key] = step;
    } else if (step % 3 == 0) {
      ASSERT_EQ(table.Erase(key)->stamp, it->second);
      reference.erase(it);
    } else {
      ASSERT_EQ(e->stamp, it->second);
      e->stamp = step;
      it->second = step;
    }
  }
  EXPECT_EQ(table.size(), reference.size());
  uint64_t visited = 0;
  table.ForEach([&](RecencyTable::Entry& e) {
    ++visited;
    EXPECT_EQ(reference.at(e.key), e.stamp);
  });
  EXPECT_EQ(visited, reference.size());
  for (const auto& [key, stamp] : reference) {
    ASSERT_NE(table.Find(key), nullptr) << key;
    EXPECT_EQ(table.Find(key)->stamp, stamp);
  }
}

}  // namespace
}  // namespace estate

#include "engine/cache/site_cache.h"

#include <gtest/gtest.h>

#include <cmath>
#include <deque>
#include <list>
#include <map>
#include <random>

#include "engine/cache/s3_fifo_cache.h"

namespace estate {
namespace {

SiteCacheOptions Capacity(uint64_t bytes) {
  SiteCacheOptions o;
  o.capacity_bytes = bytes;
  return o;
}

// ---- Reference implementations: simple and slow, written from the definitions. ----

// LRU over byte capacity with whole-object admission: a vector ordered by recency.
class ReferenceLru {
 public:
  explicit ReferenceLru(uint64_t capacity) : capacity_(capacity) {}
  bool Access(const std::string& key, uint64_t size) {
    for (size_t i = 0; i < items_.size(); ++i) {
      if (items_[i].first == key) {
        auto item = items_[i];
        items_.erase(items_.begin() + static_cast<long>(i));
        items_.insert(items_.begin(), item);
        return true;
      }
    }
    if (size > capacity_) return false;
    while (Used() + size > capacity_)
      items_.pop_back();
    items_.insert(items_.begin(), {key, size});
    return false;
  }

 private:
  uint64_t Used() const {
    uint64_t u = 0;
    for (const auto& [k, s] : items_)
      u += s;
    return u;
  }
  uint64_t capacity_;
  std::vector<std::pair<std::string, uint64_t>> items_;  // front: most recent
};

// S3-FIFO as described in s3_fifo_cache.h, with deques and linear searches.
class ReferenceS3Fifo {
 public:
  explicit ReferenceS3Fifo(uint64_t capacity) : capacity_(capacity) {}
  bool Access(const std::string& key, uint64_t size) {
    for (auto* q : {&small_, &main_}) {
      for (Item& it : *q) {
        if (it.key == key) {
          it.freq = std::min(it.freq + 1, 3);
          return true;
        }
      }
    }
    if (size > capacity_) return false;
    while (Bytes(small_) + Bytes(main_) + size > capacity_)
      EvictOne();
    auto g = std::find(ghost_.begin(), ghost_.end(), key);
    if (g != ghost_.end()) {
      ghost_.erase(g);
      main_.push_front({key, size, 0});
    } else {
      small_.push_front({key, size, 0});
    }
    return false;
  }

 private:
  struct Item {
    std::string key;
    uint64_t size;
    int freq;
  };
  static uint64_t Bytes(const std::deque<Item>& q) {
    uint64_t b = 0;
    for (const Item& i : q)
      b += i.size;
    return b;
  }
  void EvictOne() {
    const uint64_t target = static_cast<uint64_t>(static_cast<double>(capacity_) * 0.10);
    while (true) {
      if (!small_.empty() && (Bytes(small_) >= target || main_.empty())) {
        Item t = small_.back();
        small_.pop_back();
        if (t.freq >= 1) {
          t.freq = 0;
          main_.push_front(t);
          continue;
        }
        ghost_.push_front(t.key);
        const size_t limit = std::max<size_t>(1, small_.size() + main_.size() + 1);
        while (ghost_.size() > limit)
          ghost_.pop_back();
        return;
      }
      Item t = main_.back();
      main_.pop_back();
      if (t.freq > 0) {
        --t.freq;
        main_.push_front(t);
        continue;
      }
      return;
    }
  }
  uint64_t capacity_;
  std::deque<Item> small_, main_;
  std::deque<std::string> ghost_;
};

// A trace of (key, size): sizes are a fixed function of the key.
std::vector<std::pair<std::string, uint64_t>> Trace(uint64_t seed, bool zipf, int n, int keys) {
  std::mt19937_64 rng(seed);
  std::vector<double> cdf;
  double total = 0;
  for (int k = 1; k <= keys; ++k) {
    total += zipf ? 1.0 / std::pow(k, 0.9) : 1.0;
    cdf.push_back(total);
  }
  std::vector<std::pair<std::string, uint64_t>> out;
  for (int i = 0; i < n; ++i) {
    double u = std::uniform_real_distribution<double>(0, total)(rng);
    int k = static_cast<int>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    out.emplace_back("k" + std::to_string(k), 1 + (static_cast<uint64_t>(k) * 2654435761u) % 100);
  }
  return out;
}

// Drives a SiteCache like a demand cache: lookup, and insert on a miss.
bool Access(SiteCache& c, const std::string& key, uint64_t size, TimeNs now = 0) {
  if (c.Lookup(key, now)) return true;
  c.Insert(key, size, now, /*dirty=*/false);
  return false;
}

// Replays 20 seeds of uniform and Zipf traces through `policy` and the reference model,
// requiring the same hit or miss on every access.
template <typename Reference>
void ExpectSameHitsAsReference(EvictionPolicy policy) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    for (bool zipf : {false, true}) {
      const uint64_t capacity = 300 + seed * 97;
      auto cache = MakeSiteCache(policy, Capacity(capacity));
      Reference ref(capacity);
      int i = 0;
      for (const auto& [key, size] : Trace(seed, zipf, 3000, 200)) {
        ASSERT_EQ(Access(*cache, key, size), ref.Access(key, size))
            << "seed " << seed << " zipf " << zipf << " access " << i;
        ASSERT_LE(cache->used_bytes(), capacity);
        ++i;
      }
    }
  }
}

TEST(SiteCacheTest, LruMatchesTheReferenceOnRandomAndZipfTraces) {
  ExpectSameHitsAsReference<ReferenceLru>(EvictionPolicy::kLru);
}

TEST(SiteCacheTest, S3FifoMatchesTheReferenceOnRandomAndZipfTraces) {
  ExpectSameHitsAsReference<ReferenceS3Fifo>(EvictionPolicy::kS3Fifo);
}

TEST(SiteCacheTest, StatsAreExactOnAHandTrace) {
  auto c = MakeSiteCache(EvictionPolicy::kLru, Capacity(100));
  Access(*c, "a", 40);  // miss
  Access(*c, "b", 40);  // miss
  Access(*c, "a", 40);  // hit: a is now most recent
  Access(*c, "c", 40);  // miss: evicts b
  Access(*c, "b", 40);  // miss: evicts a
  const SiteCacheStats& s = c->stats();
  EXPECT_EQ(s.hits, 1u);
  EXPECT_EQ(s.misses, 4u);
  EXPECT_EQ(s.hit_bytes, 40u);
  EXPECT_EQ(s.insertions, 4u);
  EXPECT_EQ(s.evictions, 2u);
  EXPECT_EQ(s.evicted_bytes, 80u);
  EXPECT_TRUE(c->Contains("c"));
  EXPECT_TRUE(c->Contains("b"));
  EXPECT_FALSE(c->Contains("a"));
  EXPECT_DOUBLE_EQ(s.hit_ratio(), 0.2);
}

TEST(SiteCacheTest, DirtyEntriesAreNeverEvictedUntilWrittenBack) {
  for (EvictionPolicy p : {EvictionPolicy::kLru, EvictionPolicy::kS3Fifo}) {
    auto c = MakeSiteCache(p, Capacity(100));
    std::vector<std::string> evicted;
    c->SetEvictionListener([&](const std::string& k, uint64_t) { evicted.push_back(k); });
    ASSERT_TRUE(c->Insert("dirty", 60, 0, /*dirty=*/true));
    EXPECT_EQ(c->dirty_bytes(), 60u);
    ASSERT_TRUE(c->Insert("x", 30, 0, false));
    // 60 dirty + 30 + 30 > 100: x must go, never the dirty entry.
    ASSERT_TRUE(c->Insert("y", 30, 0, false));
    EXPECT_TRUE(c->Contains("dirty"));
    EXPECT_EQ(evicted, (std::vector<std::string>{"x"}));
    // Nothing evictable can make room for 50 bytes: refused, counted.
    EXPECT_FALSE(c->Insert("z", 50, 0, false));
    EXPECT_EQ(c->stats().rejections, 1u);
    EXPECT_TRUE(c->Contains("dirty"));
    c->MarkClean("dirty");
    EXPECT_EQ(c->dirty_bytes(), 0u);
    EXPECT_TRUE(c->Insert("z", 50, 0, false));
  }
}

TEST(SiteCacheTest, PinnedPrefixesAreNeverEvicted) {
  for (EvictionPolicy p : {EvictionPolicy::kLru, EvictionPolicy::kS3Fifo}) {
    SiteCacheOptions o = Capacity(100);
    o.pinned_prefixes = {"lake/hot/"};
    auto c = MakeSiteCache(p, o);
    ASSERT_TRUE(c->Insert("lake/hot/a", 50, 0, false));
    for (int i = 0; i < 20; ++i)
      Access(*c, "lake/cold/" + std::to_string(i), 25);
    EXPECT_TRUE(c->Contains("lake/hot/a"));
    EXPECT_LE(c->used_bytes(), 100u);
  }
}

TEST(SiteCacheTest, TtlExpiresCleanEntriesExactlyAtTheBoundary) {
  SiteCacheOptions o = Capacity(100);
  o.ttl = 10 * kSecond;
  auto c = MakeSiteCache(EvictionPolicy::kLru, o);
  c->Insert("a", 10, 0, false);
  c->Insert("d", 10, 0, /*dirty=*/true);
  EXPECT_TRUE(c->Lookup("a", 10 * kSecond - 1));
  EXPECT_FALSE(c->Lookup("a", 10 * kSecond));
  EXPECT_EQ(c->stats().expirations, 1u);
  EXPECT_FALSE(c->Contains("a"));
  EXPECT_TRUE(c->Lookup("d", 100 * kSecond));  // dirty: never expires
}

TEST(SiteCacheTest, TooLargeObjectsAreRejected) {
  auto c = MakeSiteCache(EvictionPolicy::kS3Fifo, Capacity(100));
  EXPECT_FALSE(c->Insert("big", 101, 0, false));
  EXPECT_EQ(c->stats().rejections, 1u);
  EXPECT_EQ(c->used_bytes(), 0u);
}

// A hot set of 4 objects accessed in turn, interrupted by a scan of one-hit wonders: LRU
// loses the hot set to the scan; S3-FIFO keeps it in M while the scan churns through S.
TEST(SiteCacheTest, S3FifoResistsAScanThatFlushesLru) {
  auto run = [](EvictionPolicy p) {
    auto c = MakeSiteCache(p, Capacity(100));
    uint64_t hot_hits = 0;
    auto hot_round = [&] {
      for (int k = 0; k < 4; ++k)
        hot_hits += Access(*c, "hot" + std::to_string(k), 10);
    };
    for (int r = 0; r < 3; ++r)
      hot_round();
    for (int i = 0; i < 20; ++i)
      Access(*c, "scan" + std::to_string(i), 10);
    hot_hits = 0;
    hot_round();
    return hot_hits;
  };
  EXPECT_EQ(run(EvictionPolicy::kLru), 0u);
  EXPECT_EQ(run(EvictionPolicy::kS3Fifo), 4u);
}

TEST(SiteCacheTest, S3FifoGhostHitGoesStraightToMain) {
  SiteCacheOptions o = Capacity(100);
  S3FifoCache c(o);
  c.Insert("a", 10, 0, false);  // into S
  EXPECT_EQ(c.small_bytes(), 10u);
  for (int i = 0; i < 10; ++i)
    Access(c, "f" + std::to_string(i), 10);  // a evicted to ghost
  EXPECT_FALSE(c.Contains("a"));
  EXPECT_GE(c.ghost_size(), 1u);
  const uint64_t main_before = c.main_bytes();
  c.Insert("a", 10, 0, false);
  EXPECT_EQ(c.main_bytes(), main_before + 10);
}

}  // namespace
}  // namespace estate

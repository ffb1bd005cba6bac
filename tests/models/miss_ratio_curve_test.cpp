#include "models/cache/miss_ratio_curve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <list>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/workload/zipf_sampler.h"

namespace estate {
namespace {

struct TraceRequest {
  uint64_t key;
  uint64_t size;
};

// The reference: an LRU cache kept as a list, most recent first. It admits every object and
// then evicts from the cold end while over capacity, counting objects or bytes.
class ListLru {
 public:
  ListLru(uint64_t capacity, bool bytes) : capacity_(capacity), bytes_(bytes) {}

  bool Access(uint64_t key, uint64_t size) {
    auto found = index_.find(key);
    const bool hit = found != index_.end();
    if (hit) {
      used_ -= Weight(found->second->size);
      order_.erase(found->second);
    }
    order_.push_front({key, size});
    index_[key] = order_.begin();
    used_ += Weight(size);
    while (used_ > capacity_) {
      used_ -= Weight(order_.back().size);
      index_.erase(order_.back().key);
      order_.pop_back();
    }
    return hit;
  }

 private:
  uint64_t Weight(uint64_t size) const { return bytes_ ? size : 1; }

  uint64_t capacity_;
  bool bytes_;
  uint64_t used_ = 0;
  std::list<TraceRequest> order_;
  std::unordered_map<uint64_t, std::list<TraceRequest>::iterator> index_;
};

struct Outcome {
  uint64_t hits = 0, total = 0;
  double hit_ratio() const { return static_cast<double>(hits) / static_cast<double>(total); }
  double miss_ratio() const {
    return static_cast<double>(total - hits) / static_cast<double>(total);
  }
};

// Replays the trace through a reference cache; weighs each access by 1 or by its bytes.
Outcome SimulateLru(const std::vector<TraceRequest>& trace, uint64_t capacity, bool bytes) {
  ListLru lru(capacity, bytes);
  Outcome out;
  for (const TraceRequest& a : trace) {
    const uint64_t weight = bytes ? a.size : 1;
    if (lru.Access(a.key, a.size)) out.hits += weight;
    out.total += weight;
  }
  return out;
}

// Each key keeps one size, between 1 and max_size bytes.
uint64_t SizeOfKey(uint64_t key, uint64_t max_size) {
  return 1 + SplitMix64(key * 7919 + 1).Next() % max_size;
}

std::vector<TraceRequest> UniformTrace(int length, uint64_t keys, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<TraceRequest> trace;
  for (int i = 0; i < length; ++i) {
    const uint64_t key = rng.Next() % keys;
    trace.push_back({key, SizeOfKey(key, 5000)});
  }
  return trace;
}

std::vector<TraceRequest> ZipfTrace(int length, uint64_t keys, double alpha, uint64_t seed) {
  ZipfSampler zipf(keys, alpha);
  SplitMix64 rng(seed);
  std::vector<TraceRequest> trace;
  for (int i = 0; i < length; ++i) {
    const uint64_t key = zipf.Sample(rng);
    trace.push_back({key, SizeOfKey(key, 5000)});
  }
  return trace;
}

ExactMrc Build(const std::vector<TraceRequest>& trace) {
  ExactMrc mrc;
  for (const TraceRequest& a : trace)
    mrc.Access(a.key, a.size);
  return mrc;
}

uint64_t DistinctBytes(const std::vector<TraceRequest>& trace) {
  std::unordered_map<uint64_t, uint64_t> sizes;
  for (const TraceRequest& a : trace)
    sizes[a.key] = a.size;
  uint64_t sum = 0;
  for (const auto& [key, size] : sizes)
    sum += size;
  return sum;
}

// 20 sizes from 0 to a little past everything, for objects and for bytes, exactly.
void ExpectMatchesReference(const std::vector<TraceRequest>& trace) {
  const ExactMrc mrc = Build(trace);
  const uint64_t keys = mrc.distinct_keys(), bytes = DistinctBytes(trace);
  for (int i = 0; i < 20; ++i) {
    const uint64_t objects = keys * i / 18, capacity = bytes * i / 18;
    EXPECT_EQ(mrc.MissRatioAt(objects), SimulateLru(trace, objects, false).miss_ratio())
        << "objects " << objects;
    EXPECT_EQ(mrc.ByteMissRatioAt(capacity), SimulateLru(trace, capacity, true).miss_ratio())
        << "bytes " << capacity;
  }
}

TEST(ExactMrcTest, MatchesListLruOnUniformTrace) {
  // 500 keys over 20000 accesses also renumbers the timestamps many times over.
  ExpectMatchesReference(UniformTrace(20000, 500, 1));
}

TEST(ExactMrcTest, MatchesListLruOnZipfTrace) {
  ExpectMatchesReference(ZipfTrace(20000, 2000, 0.9, 2));
}

TEST(ExactMrcTest, SizeForHitRatioIsTheSmallestSizeMeetingTheTarget) {
  const std::vector<TraceRequest> trace = ZipfTrace(4000, 400, 0.8, 3);
  const ExactMrc mrc = Build(trace);
  // Objects: a sweep of every size finds the same answer.
  std::vector<double> sweep;
  for (uint64_t c = 0; c <= mrc.distinct_keys(); ++c)
    sweep.push_back(SimulateLru(trace, c, false).hit_ratio());
  for (double target : {0.05, 0.2, 0.37, 0.5, 0.61, 0.75, 0.8}) {
    uint64_t smallest = UINT64_MAX;
    for (uint64_t c = 0; c < sweep.size() && smallest == UINT64_MAX; ++c)
      if (sweep[c] >= target) smallest = c;
    EXPECT_EQ(mrc.SizeForHitRatio(target, false), smallest) << "target " << target;
  }
  // Bytes: the answer meets the target in the reference and one byte less does not, and a
  // sweep in steps of 1000 bytes first meets it within the step above.
  const uint64_t step = 1000;
  for (double target : {0.1, 0.3, 0.5, 0.7}) {
    const uint64_t size = mrc.SizeForHitRatio(target, true);
    ASSERT_NE(size, UINT64_MAX) << "target " << target;
    EXPECT_GE(SimulateLru(trace, size, true).hit_ratio(), target);
    EXPECT_LT(SimulateLru(trace, size - 1, true).hit_ratio(), target);
    uint64_t swept = 0;
    while (SimulateLru(trace, swept, true).hit_ratio() < target)
      swept += step;
    EXPECT_LE(size, swept);
    EXPECT_GT(size + step, swept);
  }
  // Past what the cold misses allow.
  const double best = SimulateLru(trace, UINT64_MAX, false).hit_ratio();
  EXPECT_NE(mrc.SizeForHitRatio(best, false), UINT64_MAX);
  EXPECT_EQ(mrc.SizeForHitRatio(std::nextafter(best, 1.0), false), UINT64_MAX);
  EXPECT_EQ(mrc.SizeForHitRatio(1.5, true), UINT64_MAX);
  EXPECT_EQ(mrc.SizeForHitRatio(0, true), 0u);
}

TEST(ExactMrcTest, EmptyTraceMissesNothing) {
  const ExactMrc mrc;
  EXPECT_EQ(mrc.accesses(), 0u);
  EXPECT_EQ(mrc.MissRatioAt(0), 0.0);
  EXPECT_EQ(mrc.ByteMissRatioAt(100), 0.0);
  EXPECT_EQ(mrc.SizeForHitRatio(0.9, false), 0u);
  const std::vector<uint64_t> sizes = {0, 10};
  for (const MrcPoint& p : mrc.Curve(sizes, true))
    EXPECT_EQ(p.miss_ratio, 0.0);
}

TEST(ExactMrcTest, OneKeyHitsFromOneObjectOrItsSize) {
  ExactMrc mrc;
  for (int i = 0; i < 10; ++i)
    mrc.Access(42, 300);
  EXPECT_EQ(mrc.object_histogram().cold(), 1u);
  using Reuses = std::vector<std::pair<uint64_t, uint64_t>>;
  EXPECT_EQ(mrc.object_histogram().Reuses(), (Reuses{{1, 9}}));
  EXPECT_EQ(mrc.byte_histogram().Reuses(), (Reuses{{300, 2700}}));
  EXPECT_EQ(mrc.MissRatioAt(0), 1.0);
  EXPECT_EQ(mrc.MissRatioAt(1), 0.1);
  EXPECT_EQ(mrc.ByteMissRatioAt(299), 1.0);
  EXPECT_EQ(mrc.ByteMissRatioAt(300), 0.1);
  EXPECT_EQ(mrc.SizeForHitRatio(0.9, false), 1u);
  EXPECT_EQ(mrc.SizeForHitRatio(0.9, true), 300u);
  EXPECT_EQ(mrc.SizeForHitRatio(0.95, true), UINT64_MAX);
}

TEST(ExactMrcTest, AllColdMissesEverywhere) {
  ExactMrc mrc;
  for (uint64_t key = 0; key < 1000; ++key)
    mrc.Access(key, key + 1);
  EXPECT_EQ(mrc.object_histogram().cold(), 1000u);
  EXPECT_TRUE(mrc.object_histogram().Reuses().empty());
  EXPECT_EQ(mrc.MissRatioAt(UINT64_MAX), 1.0);
  EXPECT_EQ(mrc.ByteMissRatioAt(UINT64_MAX), 1.0);
  EXPECT_EQ(mrc.SizeForHitRatio(0.01, false), UINT64_MAX);
  EXPECT_EQ(mrc.SizeForHitRatio(0.0, false), 0u);
}

TEST(ExactMrcTest, DistancesCountTheLatestSizes) {
  ExactMrc mrc;
  mrc.Access(1, 10);
  mrc.Access(2, 20);
  StackDistance d = mrc.Access(1, 5);  // b (20) above, then a at its new size
  EXPECT_FALSE(d.cold);
  EXPECT_EQ(d.objects, 2u);
  EXPECT_EQ(d.bytes, 25u);
  d = mrc.Access(2, 20);  // a now weighs 5
  EXPECT_EQ(d.bytes, 25u);
  d = mrc.Access(2, 1);
  EXPECT_EQ(d.objects, 1u);
  EXPECT_EQ(d.bytes, 1u);
  d = mrc.Access(1, 5);  // b shrank to 1
  EXPECT_EQ(d.objects, 2u);
  EXPECT_EQ(d.bytes, 6u);
  EXPECT_EQ(mrc.bytes_accessed(), 10u + 20 + 5 + 20 + 1 + 5);
}

TEST(ExactMrcTest, CurveKeepsTheOrderGiven) {
  const std::vector<TraceRequest> trace = UniformTrace(3000, 200, 4);
  const ExactMrc mrc = Build(trace);
  const std::vector<uint64_t> sizes = {150, 0, 20, 1000, 20, 75};
  const std::vector<MrcPoint> curve = mrc.Curve(sizes, false);
  ASSERT_EQ(curve.size(), sizes.size());
  for (size_t i = 0; i < sizes.size(); ++i) {
    EXPECT_EQ(curve[i].size, sizes[i]);
    EXPECT_EQ(curve[i].miss_ratio, mrc.MissRatioAt(sizes[i]));
  }
}

TEST(LruStackTest, ForgetRemovesAKeyFromLaterDistances) {
  LruStack stack;
  stack.Access(1, 100);
  stack.Access(2, 200);
  stack.Access(3, 300);
  EXPECT_TRUE(stack.Forget(2));
  EXPECT_FALSE(stack.Forget(2));
  EXPECT_EQ(stack.keys(), 2u);
  EXPECT_EQ(stack.bytes(), 400u);
  const StackDistance d = stack.Access(1, 100);
  EXPECT_EQ(d.objects, 2u);
  EXPECT_EQ(d.bytes, 400u);
  EXPECT_TRUE(stack.Access(2, 200).cold);
}

// The reference for an LruStack with forgetting: the keys most recent first, with sizes.
class ListStack {
 public:
  StackDistance Access(uint64_t key, uint64_t size) {
    StackDistance d;
    uint64_t bytes = 0;
    for (auto it = order_.begin(); it != order_.end(); ++it) {
      if (it->key == key) {
        d = {.cold = false, .objects = d.objects + 1, .bytes = bytes + size};
        order_.erase(it);
        break;
      }
      ++d.objects;
      bytes += it->size;
    }
    if (d.cold) d = StackDistance{};
    order_.push_front({key, size});
    return d;
  }
  bool Forget(uint64_t key) {
    for (auto it = order_.begin(); it != order_.end(); ++it) {
      if (it->key != key) continue;
      order_.erase(it);
      return true;
    }
    return false;
  }

 private:
  std::list<TraceRequest> order_;
};

TEST(LruStackTest, MatchesAListThroughForgettingAndRenumbering) {
  LruStack stack;
  ListStack reference;
  SplitMix64 rng(5);
  for (int step = 0; step < 40'000; ++step) {
    const uint64_t key = rng.Next() % 400, size = rng.Next() % 10'000;
    if (step % 7 == 0) {
      ASSERT_EQ(stack.Forget(key), reference.Forget(key)) << "step " << step;
      continue;
    }
    const StackDistance got = stack.Access(key, size), want = reference.Access(key, size);
    ASSERT_EQ(got.cold, want.cold) << "step " << step;
    ASSERT_EQ(got.objects, want.objects) << "step " << step;
    ASSERT_EQ(got.bytes, want.bytes) << "step " << step;
  }
}

// Enough entries for several sort-and-merge rounds of the histogram, with distances that repeat
// (small ones) and that differ in every byte (so that each radix pass runs), against a map.
template <typename W>
void ExpectHistogramMatchesMap() {
  DistanceHistogram<W> histogram;
  std::map<uint64_t, W> reference;
  W total{};
  SplitMix64 rng(3);
  for (int i = 0; i < 300'000; ++i) {
    const uint64_t r = rng.Next();
    const uint64_t distance = r % 3 == 0 ? r % 700 : r % 3 == 1 ? rng.Next() >> 24 : rng.Next();
    const W weight = static_cast<W>(1 + rng.Next() % 1000);
    histogram.Add(distance, weight);
    reference[distance] += weight;
    total += weight;
  }
  histogram.AddCold(W{5});
  total += W{5};
  const std::vector<std::pair<uint64_t, W>> reuses = histogram.Reuses();
  EXPECT_EQ(reuses, (std::vector<std::pair<uint64_t, W>>(reference.begin(), reference.end())));
  EXPECT_EQ(histogram.total(), total);
  std::vector<uint64_t> sizes = {0, 1, 699, 700, uint64_t{1} << 39, uint64_t{1} << 63, UINT64_MAX};
  for (int i = 0; i < 20; ++i)
    sizes.push_back(rng.Next() >> (i % 40));
  const std::vector<MrcPoint> curve = histogram.Curve(sizes);
  for (size_t i = 0; i < sizes.size(); ++i) {
    W hits{};
    for (auto it = reference.begin(); it != reference.end() && it->first <= sizes[i]; ++it)
      hits += it->second;
    const double expected = static_cast<double>(total - hits) / static_cast<double>(total);
    EXPECT_EQ(curve[i].miss_ratio, expected) << "size " << sizes[i];
    EXPECT_EQ(histogram.MissRatioAt(sizes[i]), expected) << "size " << sizes[i];
  }
  for (double target : {0.1, 0.5, 0.9}) {
    W hits{};
    uint64_t smallest = UINT64_MAX;
    for (const auto& [distance, weight] : reference) {
      hits += weight;
      if (static_cast<double>(hits) / static_cast<double>(total) >= target) {
        smallest = distance;
        break;
      }
    }
    EXPECT_EQ(histogram.SizeForHitRatio(target), smallest) << "target " << target;
  }
}

TEST(DistanceHistogramTest, ExactWeightsMatchAMapThroughManyMerges) {
  ExpectHistogramMatchesMap<uint64_t>();
}

TEST(DistanceHistogramTest, EstimatedWeightsMatchAMapThroughManyMerges) {
  // Whole-number weights, so that every sum is exact in a double whatever its order.
  ExpectHistogramMatchesMap<double>();
}

}  // namespace
}  // namespace estate

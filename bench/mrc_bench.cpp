// Miss-ratio-curve throughput and memory: ExactMrc and ShardsSampler (fixed rate and fixed
// size) over a Zipf(0.9) trace of 10 requests per key, for 1M and 10M distinct keys, each key
// with its own lognormal size. The traces are generated once per process, outside the timed
// loops. Reports requests/s (items_per_second), the time to produce the curves afterwards
// (curve_ms: 100 object sizes and 100 byte sizes, plus one SizeForHitRatio each), the keys
// tracked, and the heap bytes the estimator held at its peak (from a counting operator new in
// this program, so the trace itself is not counted).
//
//   build/default/bench/mrc_bench --benchmark_counters_tabular=true
//
// ESTATE_BENCH_REQUESTS_PER_KEY overrides the trace length (requests per key) for quick runs.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <span>
#include <utility>
#include <vector>

#include "models/cache/miss_ratio_curve.h"
#include "models/cache/shards_sampler.h"
#include "models/workload/size_distribution.h"
#include "models/workload/zipf_sampler.h"

// The heap bytes in use and their high-water mark, counted by the replaceable operator new
// and delete below: the estimators' memory is what this measures, and RSS alone would mix it
// with the trace. Usable sizes include the allocator's rounding but not its headers.
namespace {

std::atomic<int64_t> g_live_bytes{0};
std::atomic<int64_t> g_peak_bytes{0};

void CountAllocation(void* p) {
  const int64_t live = g_live_bytes.fetch_add(static_cast<int64_t>(malloc_usable_size(p)),
                                              std::memory_order_relaxed) +
                       static_cast<int64_t>(malloc_usable_size(p));
  int64_t peak = g_peak_bytes.load(std::memory_order_relaxed);
  while (live > peak && !g_peak_bytes.compare_exchange_weak(peak, live)) {
  }
}

void* CountedAlloc(size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  CountAllocation(p);
  return p;
}

void* CountedAlignedAlloc(size_t n, std::align_val_t alignment) {
  void* p = nullptr;
  if (posix_memalign(&p, std::max(sizeof(void*), static_cast<size_t>(alignment)), n == 0 ? 1 : n) !=
      0)
    throw std::bad_alloc();
  CountAllocation(p);
  return p;
}

void CountedFree(void* p) {
  if (p == nullptr) return;
  g_live_bytes.fetch_sub(static_cast<int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
  std::free(p);
}

}  // namespace

void* operator new(size_t n) {
  return CountedAlloc(n);
}
void* operator new[](size_t n) {
  return CountedAlloc(n);
}
void* operator new(size_t n, std::align_val_t a) {
  return CountedAlignedAlloc(n, a);
}
void* operator new[](size_t n, std::align_val_t a) {
  return CountedAlignedAlloc(n, a);
}
void operator delete(void* p) noexcept {
  CountedFree(p);
}
void operator delete[](void* p) noexcept {
  CountedFree(p);
}
void operator delete(void* p, size_t) noexcept {
  CountedFree(p);
}
void operator delete[](void* p, size_t) noexcept {
  CountedFree(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  CountedFree(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  CountedFree(p);
}
void operator delete(void* p, size_t, std::align_val_t) noexcept {
  CountedFree(p);
}
void operator delete[](void* p, size_t, std::align_val_t) noexcept {
  CountedFree(p);
}

namespace estate {
namespace {

constexpr double kZipfAlpha = 0.9;
constexpr uint64_t kTraceSeed = 2026;
constexpr uint64_t kFixedSizeMaxKeys = 8192;
constexpr int kCurvePoints = 100;
// How often (in requests) the sampler's tracked keys are read for their peak: rarely enough
// to cost nothing, and a fixed-size sampler never holds more than S_max between accesses.
constexpr size_t kPeakProbeEvery = 1024;

const uint64_t kRequestsPerKey = [] {
  const char* env = std::getenv("ESTATE_BENCH_REQUESTS_PER_KEY");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 10ull;
}();

struct Request {
  uint64_t key;
  uint64_t size;
};

struct Trace {
  std::vector<Request> requests;
  std::vector<uint64_t> object_sizes;  // cache sizes the curves are read at
  std::vector<uint64_t> byte_sizes;
};

// kCurvePoints sizes spaced evenly in log scale from 1 to top.
std::vector<uint64_t> LogSpaced(uint64_t top) {
  std::vector<uint64_t> sizes;
  const double log_top = std::log(static_cast<double>(top));
  for (int i = 1; i <= kCurvePoints; ++i)
    sizes.push_back(static_cast<uint64_t>(std::exp(log_top * i / kCurvePoints)));
  return sizes;
}

Trace MakeTrace(uint64_t keys) {
  // Ranks are scrambled into 64-bit keys (the SplitMix64 output function is a bijection), so
  // that hot keys are not small consecutive integers, which would flatter the hash maps.
  const SizeDistribution sizes =
      std::move(SizeDistribution::Make("lognormal", 32 * 1024, 1.5, {})).value();
  std::vector<uint64_t> key_of(keys + 1), size_of(keys + 1);
  uint64_t total_bytes = 0;
  for (uint64_t rank = 1; rank <= keys; ++rank) {
    key_of[rank] = SplitMix64(rank).Next();
    size_of[rank] = sizes.SizeOf(key_of[rank], kTraceSeed);
    total_bytes += size_of[rank];
  }
  Trace trace;
  const ZipfSampler zipf(keys, kZipfAlpha);
  SplitMix64 rng(kTraceSeed);
  trace.requests.resize(keys * kRequestsPerKey);
  for (Request& r : trace.requests) {
    const uint64_t rank = zipf.Sample(rng);
    r = {key_of[rank], size_of[rank]};
  }
  trace.object_sizes = LogSpaced(keys);
  trace.byte_sizes = LogSpaced(total_bytes);
  return trace;
}

const Trace& TraceOf(uint64_t keys) {
  static std::map<uint64_t, std::unique_ptr<Trace>> traces;
  std::unique_ptr<Trace>& trace = traces[keys];
  if (trace == nullptr) trace = std::make_unique<Trace>(MakeTrace(keys));
  return *trace;
}

// The most heap held at once since construction, beyond what was held then.
class PeakHeap {
 public:
  PeakHeap() : base_(g_live_bytes.load()) { g_peak_bytes.store(base_); }
  double bytes() const { return static_cast<double>(g_peak_bytes.load() - base_); }

 private:
  int64_t base_;
};

// Produces both curves and both sizing answers, as a caller would after the trace; returns the
// milliseconds taken.
template <typename Estimator>
double CurveMillis(const Estimator& mrc, const Trace& trace) {
  const auto start = std::chrono::steady_clock::now();
  benchmark::DoNotOptimize(mrc.Curve(trace.object_sizes, false));
  benchmark::DoNotOptimize(mrc.Curve(trace.byte_sizes, true));
  benchmark::DoNotOptimize(mrc.SizeForHitRatio(0.8, false));
  benchmark::DoNotOptimize(mrc.SizeForHitRatio(0.8, true));
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void BM_ExactMrc(benchmark::State& state) {
  const Trace& trace = TraceOf(static_cast<uint64_t>(state.range(0)));
  for (auto _ : state) {
    const PeakHeap heap;
    auto mrc = std::make_unique<ExactMrc>();
    for (const Request& r : trace.requests)
      mrc->Access(r.key, r.size);
    state.PauseTiming();
    // The peak of the replay, before the curves' own scratch space joins it.
    state.counters["peak_heap_MiB"] = heap.bytes() / (1 << 20);
    state.counters["heap_B_per_key"] = heap.bytes() / static_cast<double>(mrc->distinct_keys());
    state.counters["curve_ms"] = CurveMillis(*mrc, trace);
    state.counters["tracked_keys"] = static_cast<double>(mrc->distinct_keys());
    state.counters["byte_distances"] = static_cast<double>(mrc->byte_histogram().Reuses().size());
    mrc.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(trace.requests.size()));
}
BENCHMARK(BM_ExactMrc)
    ->ArgName("keys")
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

// Replays the trace through one sampler per iteration; args are keys, 1 / R (fixed rate) and
// S_max (fixed size when not 0, starting from R = 1).
void BM_Shards(benchmark::State& state) {
  const Trace& trace = TraceOf(static_cast<uint64_t>(state.range(0)));
  const ShardsOptions options{.rate = 1.0 / static_cast<double>(state.range(1)),
                              .max_keys = static_cast<uint64_t>(state.range(2))};
  for (auto _ : state) {
    const PeakHeap heap;
    auto sampler = std::make_unique<ShardsSampler>(ShardsSampler::Make(options).value());
    uint64_t peak_keys = 0;
    const std::span<const Request> requests = trace.requests;
    for (size_t begin = 0; begin < requests.size(); begin += kPeakProbeEvery) {
      for (const Request& r :
           requests.subspan(begin, std::min(kPeakProbeEvery, requests.size() - begin)))
        sampler->Access(r.key, r.size);
      peak_keys = std::max(peak_keys, sampler->tracked_keys());
    }
    state.PauseTiming();
    state.counters["peak_heap_MiB"] = heap.bytes() / (1 << 20);
    state.counters["curve_ms"] = CurveMillis(*sampler, trace);
    state.counters["tracked_keys"] = static_cast<double>(sampler->tracked_keys());
    state.counters["peak_tracked_keys"] = static_cast<double>(peak_keys);
    state.counters["final_rate"] = sampler->rate();
    state.counters["sampled"] = static_cast<double>(sampler->sampled_accesses());
    state.counters["byte_distances"] =
        static_cast<double>(sampler->ByteHistogram().Reuses().size());
    sampler.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(trace.requests.size()));
}
BENCHMARK(BM_Shards)
    ->ArgNames({"keys", "inv_rate", "max_keys"})
    ->Args({1'000'000, 100, 0})
    ->Args({1'000'000, 1000, 0})
    ->Args({1'000'000, 1, kFixedSizeMaxKeys})
    ->Args({10'000'000, 100, 0})
    ->Args({10'000'000, 1000, 0})
    ->Args({10'000'000, 1, kFixedSizeMaxKeys})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace estate

BENCHMARK_MAIN();

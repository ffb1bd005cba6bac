// Object index at scale: 10 million objects with ~60-byte hierarchical names, inserted in
// random name order. Reports point inserts/s, lookups/s, list pages/s (1000-item pages from
// random start offsets) and resident bytes per object (RSS delta / objects, from
// /proc/self/statm). The 10M-object structures are built once per process and shared.
//
//   build/default/bench/object_index_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

// NS
#include "engine/ns/object_index.h"

namespace estate {
namespace {

// ESTATE_BENCH_OBJECTS overrides the object count for quick runs.
const uint64_t kObjects = [] {
  const char* env = std::getenv("ESTATE_BENCH_OBJECTS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 10'000'000ull;
}();

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Object i's name, e.g. "logs/tenant-3f/2024-07-19/host-0a1/part-a9c1-00000098967f.parquet"
// (61 bytes). Distinct for distinct i (the last hex field is i itself); the other fields are
// scrambled so that successive i land far apart in name order. Formatted by hand because
// snprintf would cost more than the insert being measured.
std::string NameOf(uint64_t i) {
  static constexpr char kHex[] = "0123456789abcdef";
  const uint64_t h = Mix(i);
  std::string name = "logs/tenant-xx/2024-mm-dd/host-xxx/part-xxxx-xxxxxxxxxxxx.parquet";
  auto put_hex = [&](size_t pos, size_t digits, uint64_t v) {
    for (size_t k = 0; k < digits; ++k)
      name[pos + digits - 1 - k] = kHex[(v >> (4 * k)) & 15];
  };
  auto put_dec2 = [&](size_t pos, uint64_t v) {
    name[pos] = static_cast<char>('0' + v / 10);
    name[pos + 1] = static_cast<char>('0' + v % 10);
  };
  put_hex(12, 2, h);
  put_dec2(20, 1 + (h >> 8) % 12);
  put_dec2(23, 1 + (h >> 12) % 28);
  put_hex(31, 3, h >> 20);
  put_hex(40, 4, h >> 32);
  put_hex(45, 12, i);
  return name;
}

uint64_t RssBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long long size = 0, resident = 0;
  const int got = std::fscanf(f, "%llu %llu", &size, &resident);
  std::fclose(f);
  return got == 2 ? resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

ObjectMeta MetaOf(uint64_t i) {
  ObjectMeta m;
  m.generation = 1'700'000'000'000'000 + static_cast<int64_t>(i);
  m.size = Mix(i) % (64 << 20);
  m.crc32c = static_cast<uint32_t>(Mix(i + 1));
  m.content_type = "application/octet-stream";
  m.create_time = m.update_time = static_cast<TimeNs>(i) * kMillisecond;
  m.residency = SiteSet::Of(kGcpSite);
  return m;
}

struct BuiltIndex {
  std::unique_ptr<ObjectIndex> index;
  double inserts_per_sec = 0;
  double bytes_per_object = 0;
};

BuiltIndex& SharedIndex() {
  static BuiltIndex built = [] {
    BuiltIndex b;
    const uint64_t rss_before = RssBytes();
    b.index = std::make_unique<ObjectIndex>();
    ObjectMeta meta = MetaOf(0);
    std::string name;
    const auto start = std::chrono::steady_clock::now();
    for (uint64_t i = 0; i < kObjects; ++i) {
      name = NameOf(i);
      meta.generation = 1'700'000'000'000'000 + static_cast<int64_t>(i);
      meta.size = i & 0xffff;
      b.index->Put(name, meta);
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    b.inserts_per_sec = kObjects / secs;
    b.bytes_per_object = static_cast<double>(RssBytes() - rss_before) / kObjects;
    return b;
  }();
  return built;
}

// Name formatting alone, to subtract from the insert figure when comparing.
void BM_NameFormatting(benchmark::State& state) {
  uint64_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(NameOf(i++));
  state.counters["names_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NameFormatting);

void BM_IndexInsert10M(benchmark::State& state) {
  for (auto _ : state) {
    BuiltIndex& b = SharedIndex();
    state.SetIterationTime(kObjects / b.inserts_per_sec);
    state.counters["inserts_per_s"] = b.inserts_per_sec;
    state.counters["bytes_per_object"] = b.bytes_per_object;
    state.counters["page_bytes_per_object"] =
        static_cast<double>(b.index->page_bytes()) / static_cast<double>(b.index->size());
    state.counters["objects"] = static_cast<double>(b.index->size());
  }
}
BENCHMARK(BM_IndexInsert10M)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_IndexLookup(benchmark::State& state) {
  const ObjectIndex& index = *SharedIndex().index;
  uint64_t i = 0;
  uint64_t found = 0;
  for (auto _ : state) {
    const std::string name = NameOf(Mix(i++) % kObjects);
    found += index.GenerationOf(name).has_value();
  }
  if (found != static_cast<uint64_t>(state.iterations()))
    state.SkipWithError("lookup missed an inserted name");
  state.counters["lookups_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IndexLookup);

void BM_IndexListPage1000(benchmark::State& state) {
  const ObjectIndex& index = *SharedIndex().index;
  uint64_t i = 0;
  for (auto _ : state) {
    const std::string start = NameOf(Mix(~i++) % kObjects);
    int n = 0;
    for (auto it = index.Seek(start); it.Valid() && n < 1000; it.Next(), ++n) {
      benchmark::DoNotOptimize(it.meta());
    }
  }
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IndexListPage1000);

}  // namespace
}  // namespace estate

BENCHMARK_MAIN();

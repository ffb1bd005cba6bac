#include "cli/demo_command.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "engine/mount/mount_table.h"
#include "engine/ns/crc32c.h"
#include "engine/ns/namespace.h"

namespace estate {
namespace {

constexpr SiteId kSiteA = 1;
constexpr SiteId kSiteB = 2;
const char* const kSiteNames[] = {"gcp-us-central1", "site-a", "site-b"};

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

MountPolicy Policy(ConsistencyMode mode, SiteId home) {
  MountPolicy p;
  p.mode = mode;
  p.home = home;
  p.replicas = SiteSet::Of(kSiteA) | SiteSet::Of(kSiteB);
  return p;
}

// The default deployment's unified namespace: GCS is the system of record for the lake; the
// point-of-sale feed is born on-prem at site-a.
MountTable DefaultMounts() {
  MountTable t(3);
  t.Add("retail-lake/", Policy(ConsistencyMode::kEventual, kGcpSite));
  t.Add("retail-lake/sales/", Policy(ConsistencyMode::kBoundedStaleness, kGcpSite));
  t.Add("retail-lake/inventory/", Policy(ConsistencyMode::kStrong, kGcpSite));
  t.Add("retail-lake/pos/", Policy(ConsistencyMode::kSyncSites, kSiteA));
  t.Add("retail-lake/carts/", Policy(ConsistencyMode::kSession, kGcpSite));
  return t;
}

std::string SalesName(uint64_t i, uint64_t seed) {
  char name[96];
  const uint64_t h = Mix(i ^ (seed << 32));
  std::snprintf(name, sizeof name, "sales/2026/11/%02llu/store-%04llu/part-%06llu.parquet",
                static_cast<unsigned long long>(1 + i % 22),
                static_cast<unsigned long long>(h % 2500), static_cast<unsigned long long>(i));
  return name;
}

void Print(std::ostream& out, const char* label, const Status& s) {
  out << "  " << label << " -> " << s.ToString() << "\n";
}

}  // namespace

int RunDemo(const DemoOptions& options, std::ostream& out) {
  out << "Estate engine demo: the unified namespace on the default deployment (seed "
      << options.seed << ")\n\n";
  out << "Sites: 0 " << kSiteNames[0] << " (GCS system of record), 1 " << kSiteNames[1] << ", 2 "
      << kSiteNames[2] << "\n\nMount table (every site resolves names the same way):\n";
  const MountTable mounts = DefaultMounts();
  for (const Mount& m : mounts.mounts()) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-24s home %-16s mode %s\n", m.path.c_str(),
                  kSiteNames[m.policy.home], ConsistencyModeName(m.policy.mode));
    out << line;
  }
  out << "\nResolution:\n";
  for (const char* name : {"sales/2026/11/22/store-0042/part-000001.parquet",
                           "pos/store-0042/till-3.log", "inventory/sku-991.json", "logs/x"}) {
    Result<ResolvedMount> r = mounts.Resolve("retail-lake", name);
    out << "  retail-lake/" << name << " -> " << (r.ok() ? r->mount->path : r.status().ToString())
        << "\n";
  }

  Namespace ns;
  TimeNs now = 1'795'000'000 * kSecond;  // 2026-11-18, as the demo's fixed clock
  BucketMeta spec;
  spec.name = "retail-lake";
  spec.versioning = true;
  out << "\nBuckets:\n";
  Print(out, "create retail-lake (versioned)", ns.CreateBucket(spec, now).status());
  Print(out, "create retail-lake again", ns.CreateBucket(spec, now).status());
  spec.name = "Retail_Lake";
  Print(out, "create Retail_Lake", ns.CreateBucket(spec, now).status());

  out << "\nWriting " << options.objects << " sales objects...\n";
  int64_t generation = now / kMicrosecond;
  for (uint64_t i = 0; i < options.objects; ++i) {
    ObjectWrite w;
    w.size = 1 + Mix(i * 31 + options.seed) % (256ull << 20);
    w.crc32c = static_cast<uint32_t>(Mix(i));
    w.content_type = "application/vnd.apache.parquet";
    ns.InsertObject("retail-lake", SalesName(i, options.seed), w, {}, now, ++generation,
                    SiteSet::Of(kGcpSite));
    now += kMicrosecond;
  }
  out << "  live objects " << ns.LiveObjectCount() << ", live bytes " << ns.LiveBytes() << "\n";

  out << "\nGCS semantics on one object:\n";
  const std::string name = SalesName(0, options.seed);
  Result<ObjectMeta> first = ns.GetObject("retail-lake", name);
  out << "  get " << name << " -> generation " << first->generation << ", metageneration "
      << first->metageneration << ", crc32c " << Crc32cToBase64(first->crc32c) << "\n";
  Preconditions only_if_absent;
  only_if_absent.if_generation_match = 0;
  Print(out, "insert with ifGenerationMatch=0",
        ns.InsertObject("retail-lake", name, {}, only_if_absent, now, ++generation, {}).status());
  Preconditions matching;
  matching.if_generation_match = first->generation;
  Result<ObjectMeta> second =
      ns.InsertObject("retail-lake", name, {}, matching, now, ++generation, {});
  out << "  overwrite with ifGenerationMatch=" << first->generation << " -> generation "
      << second->generation << "\n";
  ObjectPatch patch;
  patch.metadata["owner"] = "merchandising";
  Preconditions meta_match;
  meta_match.if_metageneration_match = 1;
  Result<ObjectMeta> patched = ns.PatchObject("retail-lake", name, patch, meta_match, now);
  out << "  patch metadata with ifMetagenerationMatch=1 -> metageneration "
      << patched->metageneration << "\n";
  Print(out, "patch again with ifMetagenerationMatch=1",
        ns.PatchObject("retail-lake", name, patch, meta_match, now).status());
  ListOptions versions;
  versions.prefix = name;
  versions.versions = true;
  Result<ListPage> all = ns.ListObjects("retail-lake", versions);
  out << "  list versions of it -> " << all->items.size() << " generations (";
  for (const ObjectMeta& m : all->items)
    out << (m.live() ? " live " : " noncurrent ") << m.generation;
  out << " )\n";
  Print(out, "delete the bucket while it holds objects", ns.DeleteBucket("retail-lake"));

  out << "\nListing:\n";
  ListOptions days;
  days.prefix = "sales/2026/11/";
  days.delimiter = "/";
  Result<ListPage> dirs = ns.ListObjects("retail-lake", days);
  out << "  prefix sales/2026/11/ delimiter / -> " << dirs->prefixes.size() << " prefixes, first "
      << (dirs->prefixes.empty() ? "-" : dirs->prefixes.front()) << "\n";
  ListOptions pages;
  pages.prefix = "sales/2026/11/01/";
  pages.max_results = 1000;
  uint64_t page_count = 0, items = 0;
  do {
    Result<ListPage> p = ns.ListObjects("retail-lake", pages);
    ++page_count;
    items += p->items.size();
    pages.page_token = p->next_page_token;
  } while (!pages.page_token.empty());
  out << "  paging through sales/2026/11/01/ at 1000 per page -> " << items << " objects in "
      << page_count << " pages\n";

  char digest[32];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(ns.Digest()));
  out << "\nNamespace digest " << digest << " (equal on every replica that applied the same "
      << "changes)\n";
  return 0;
}

void AddDemoCommand(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* demo =
      app.add_subcommand("demo", "Run the engine's unified namespace on the default deployment");
  demo->add_option("--objects", options->objects, "Objects to write")->capture_default_str();
  demo->add_option("--seed", options->seed, "Seed for sizes and names")->capture_default_str();
  demo->callback([options] { std::exit(RunDemo(*options, std::cout)); });
}

}  // namespace estate

#include "sim/sizing/workload_mrc.h"

#include <algorithm>
#include <cmath>
#include <future>

#include "models/cache/miss_ratio_curve.h"
#include "models/cache/stratified_shards.h"
#include "models/workload/key_sampler.h"
#include "models/workload/rate_curve.h"
#include "models/workload/size_distribution.h"
#include "models/workload/zipf_sampler.h"
#include "sim/run/op_source.h"

namespace estate::sim {
namespace {

// FNV-1a over bucket and name: a stable key for the stack, the same on every machine.
uint64_t ObjectKey(const PlannedOp& op) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
  };
  mix(op.bucket);
  mix("/");
  mix(op.name);
  return h;
}

constexpr int kCurvePoints = 48;

// The byte curve's summary; `scale` turns the curve's sizes into full-scale bytes.
template <typename Mrc, typename W>
SiteCacheCurve Summarise(const std::string& site, const Mrc& mrc, const DistanceHistogram<W>& bytes,
                         double scale, double target) {
  SiteCacheCurve c;
  c.site = site;
  c.bytes_accessed = static_cast<double>(bytes.total()) * scale;
  c.target_hit_ratio = target;
  c.max_hit_ratio = bytes.total() <= 0 ? 0
                                       : 1.0 - static_cast<double>(bytes.cold()) /
                                                   static_cast<double>(bytes.total());
  const uint64_t size = mrc.SizeForHitRatio(target, /*bytes=*/true);
  if (size != UINT64_MAX) c.bytes_for_target = static_cast<double>(size) * scale;
  // The curve spans from the smallest reuse distance to the largest, where the hit ratio
  // reaches its ceiling.
  const auto reuses = bytes.Reuses();
  if (reuses.empty()) return c;
  const double lo = std::max<double>(1, static_cast<double>(reuses.front().first));
  const double hi = std::max<double>(lo, static_cast<double>(reuses.back().first));
  std::vector<uint64_t> sizes;
  for (int i = 0; i < kCurvePoints; ++i) {
    const double f = static_cast<double>(i) / (kCurvePoints - 1);
    sizes.push_back(static_cast<uint64_t>(std::llround(lo * std::pow(hi / lo, f))));
  }
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  for (const MrcPoint& p : mrc.Curve(sizes, /*bytes=*/true))
    c.curve.push_back({static_cast<double>(p.size) * scale, 1.0 - p.miss_ratio});
  return c;
}

// A trace replays only its sampled keys, so the exact curve of what it replays is SHARDS
// without the adjustment, and its sizes scale back by 1 / rate.
Result<std::vector<SiteCacheCurve>> TraceCurves(const Scenario& scenario,
                                                const Deployment& deployment,
                                                const std::string& scenario_dir, uint64_t seed) {
  Result<std::vector<std::unique_ptr<OpSource>>> sources =
      MakeOpSources(scenario, deployment, scenario_dir, seed);
  if (!sources.ok()) return sources.status();
  const double scale = 1.0 / scenario.sampling_rate;
  std::vector<SiteCacheCurve> out;
  for (size_t site = 1; site < deployment.site_names.size(); ++site) {
    ExactMrc mrc;
    if (OpSource* source = (*sources)[site].get()) {
      TimeNs now = 0;
      while (std::optional<PlannedOp> op = source->Next(now, scenario.duration)) {
        now = op->at;
        if (op->op == OpKind::kRead || op->op == OpKind::kWrite) {
          mrc.Access(ObjectKey(*op), std::max<uint64_t>(op->size, 1));
        }
      }
    }
    SiteCacheCurve c = Summarise(deployment.site_names[site], mrc, mrc.byte_histogram(), scale,
                                 scenario.sizing.target_hit_ratio);
    c.accesses = mrc.accesses();
    c.distinct_keys = mrc.distinct_keys();
    out.push_back(std::move(c));
  }
  return out;
}

// A synthetic workload's full-scale request stream is cheap to generate: the curve follows
// every request the site's clients would make (not the simulation's representatives of
// strata, whose head strata blur the hottest objects' differences), exactly when the
// scenario is not sampled, and through SHARDS at the sampling rate when it is.
Result<SiteCacheCurve> SyntheticCurve(const Scenario& s, const std::string& site, double rate,
                                      const SizeDistribution& sizes, uint64_t seed,
                                      uint64_t site_index) {
  std::vector<RateBurst> bursts;
  for (const WorkloadSpec::Burst& b : s.workload.bursts)
    bursts.push_back({b.at, b.duration, b.multiplier});
  Result<RateCurve> curve = RateCurve::Make(rate, s.workload.diurnal_amplitude,
                                            s.workload.diurnal_peak_hour, std::move(bursts));
  if (!curve.ok()) return curve.status();
  const uint64_t n = static_cast<uint64_t>(std::max(1.0, std::round(s.workload.objects)));
  const ZipfSampler zipf(n, s.workload.zipf_alpha);
  const KeyPermutation perm(n, seed);
  const double accessed = s.workload.read + s.workload.write;
  SplitMix64 rng(seed ^ (0x632be59bd9b4e019ull * (site_index + 1)));
  const bool sampled = s.sampling_rate < 1;
  ExactMrc exact;
  StratifiedShards shards(s.sampling_rate, seed);
  // The head followed in full: beyond 256 / R ranks no single key moves the estimate much.
  const uint64_t head = static_cast<uint64_t>(std::ceil(256.0 / s.sampling_rate));
  TimeNs now = 0;
  while (std::optional<TimeNs> at = curve->NextArrival(now, s.duration, rng)) {
    now = *at;
    const double kind = rng.Uniform();
    const uint64_t rank = zipf.Sample(rng);
    const uint64_t id = perm.Inverse(rank - 1);
    if (kind >= accessed) continue;  // lists and deletes
    // Unsampled keys' sizes count too: the byte curve's adjustment needs the bytes seen.
    const uint64_t size = sizes.SizeOf(id, seed);
    if (sampled) {
      shards.Access(id, size, rank <= head);
    } else {
      exact.Access(id, size);
    }
  }
  const double target = s.sizing.target_hit_ratio;
  SiteCacheCurve c = sampled ? Summarise(site, shards, shards.ByteHistogram(), 1.0, target)
                             : Summarise(site, exact, exact.byte_histogram(), 1.0, target);
  c.accesses = sampled ? shards.sampled_accesses() : exact.accesses();
  c.distinct_keys = sampled ? shards.tracked_keys() : exact.distinct_keys();
  return c;
}

}  // namespace

Result<std::vector<SiteCacheCurve>> WorkloadCacheCurves(const Scenario& scenario,
                                                        const Deployment& deployment,
                                                        const std::string& scenario_dir,
                                                        uint64_t seed) {
  if (!scenario.workload.trace_path.empty()) {
    return TraceCurves(scenario, deployment, scenario_dir, seed);
  }
  const WorkloadSpec& w = scenario.workload;
  Result<SizeDistribution> sizes =
      SizeDistribution::Make(w.size_kind, w.size_bytes, w.size_sigma, w.size_cdf);
  if (!sizes.ok()) return sizes.status();
  // Sites are independent streams: one thread each (GCS, site 0, is not a cache).
  std::vector<std::future<Result<SiteCacheCurve>>> pending;
  for (size_t site = 1; site < deployment.site_names.size(); ++site) {
    const std::string& name = deployment.site_names[site];
    auto it = w.rate_per_site.find(name);
    const double rate = it == w.rate_per_site.end() ? 0 : it->second;
    pending.push_back(std::async(std::launch::async, [&scenario, name, rate, &sizes, seed, site] {
      return SyntheticCurve(scenario, name, rate, *sizes, seed, site);
    }));
  }
  std::vector<SiteCacheCurve> out;
  for (auto& p : pending) {
    Result<SiteCacheCurve> c = p.get();
    if (!c.ok()) return c.status();
    out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace estate::sim

#include "sim/run/op_source.h"

#include <cmath>
#include <cstdio>

#include "models/workload/key_sampler.h"
#include "models/workload/rate_curve.h"
#include "models/workload/size_distribution.h"
#include "models/workload/zipf_sampler.h"

namespace estate::sim {
namespace {

uint64_t Mix(uint64_t x) {
  SplitMix64 g(x);
  return g.Next();
}

// FNV-1a: std::hash is not the same everywhere, and traces must replay the same everywhere.
uint64_t KeyHash(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return Mix(h);
}

// The mounts a synthetic object can live under, as (bucket, prefix).
std::vector<std::pair<std::string, std::string>> MountRoots(const Scenario& s) {
  std::vector<std::pair<std::string, std::string>> roots;
  for (const MountSpec& m : s.mounts) {
    const size_t slash = m.path.find('/');
    roots.emplace_back(m.path.substr(0, slash), m.path.substr(slash + 1));
  }
  return roots;
}

class SyntheticSource : public OpSource {
 public:
  SyntheticSource(const Scenario& s, RateCurve curve, SizeDistribution sizes,
                  std::shared_ptr<const SampledPopulation> population, uint64_t seed, SiteId site)
      : curve_(std::move(curve)),
        sizes_(std::move(sizes)),
        population_(std::move(population)),
        roots_(MountRoots(s)),
        rng_(Mix(seed ^ (0x9e3779b97f4a7c15ull * (site + 1)))),
        seed_(seed) {
    const WorkloadSpec& w = s.workload;
    cumulative_ = {w.read, w.read + w.write, w.read + w.write + w.list};
  }

  std::optional<PlannedOp> Next(TimeNs now, TimeNs until) override {
    std::optional<TimeNs> at = curve_.NextArrival(now, until, rng_);
    if (!at) return std::nullopt;
    PlannedOp op;
    op.at = *at;
    const double u = rng_.Uniform();
    op.op = u < cumulative_[0]   ? OpKind::kRead
            : u < cumulative_[1] ? OpKind::kWrite
            : u < cumulative_[2] ? OpKind::kList
                                 : OpKind::kDelete;
    const uint64_t id = population_->Draw(rng_);
    const auto& [bucket, prefix] = roots_[Mix(id ^ seed_) % roots_.size()];
    op.bucket = bucket;
    if (op.op == OpKind::kList) {
      op.name = prefix;
      return op;
    }
    char hex[24];
    std::snprintf(hex, sizeof hex, "o%016llx", static_cast<unsigned long long>(id));
    op.name = prefix + hex;
    op.size = sizes_.SizeOf(id, seed_);
    return op;
  }

 private:
  RateCurve curve_;
  SizeDistribution sizes_;
  std::shared_ptr<const SampledPopulation> population_;
  std::vector<std::pair<std::string, std::string>> roots_;
  std::array<double, 3> cumulative_{};
  SplitMix64 rng_;
  uint64_t seed_;
};

class TraceSource : public OpSource {
 public:
  explicit TraceSource(std::vector<PlannedOp> ops) : ops_(std::move(ops)) {}

  // The trace's order, whatever `now`: its operations happen at their own times.
  std::optional<PlannedOp> Next(TimeNs, TimeNs until) override {
    if (next_ >= ops_.size() || ops_[next_].at >= until) return std::nullopt;
    return ops_[next_++];
  }

 private:
  std::vector<PlannedOp> ops_;
  size_t next_ = 0;
};

OpKind KindOf(TraceOp::Kind k) {
  switch (k) {
    case TraceOp::Kind::kRead:
      return OpKind::kRead;
    case TraceOp::Kind::kWrite:
      return OpKind::kWrite;
    case TraceOp::Kind::kList:
      return OpKind::kList;
    case TraceOp::Kind::kDelete:
      return OpKind::kDelete;
  }
  return OpKind::kRead;
}

Result<std::vector<std::unique_ptr<OpSource>>> TraceSources(const Scenario& s, const Deployment& d,
                                                            const std::string& dir, uint64_t seed) {
  const std::string path = s.workload.trace_path.starts_with("/")
                               ? s.workload.trace_path
                               : dir + "/" + s.workload.trace_path;
  const std::string default_bucket = d.buckets.empty() ? "" : d.buckets.front();
  Result<Trace> trace = ReadTrace(path, s.workload.trace_format, default_bucket);
  if (!trace.ok()) return trace.status();
  std::vector<std::vector<PlannedOp>> per_site(d.site_names.size());
  // Operations without a site come from the sites that have a rate, spread by key.
  std::vector<SiteId> issuing;
  for (const auto& [name, rate] : s.workload.rate_per_site) {
    if (rate > 0) issuing.push_back(d.IdOf(name));
  }
  if (issuing.empty()) issuing = d.engine.sites;
  for (size_t i = 0; i < trace->ops.size(); ++i) {
    const TraceOp& t = trace->ops[i];
    if (!KeySampled(t.bucket + "/" + t.key, s.sampling_rate, seed)) continue;
    SiteId site;
    if (t.site.empty()) {
      site = issuing[KeyHash(t.key) % issuing.size()];
    } else {
      auto it = d.site_ids.find(t.site);
      if (it == d.site_ids.end()) {
        return Status::Invalid(path + ": operation " + std::to_string(i + 1) + ": site \"" +
                               t.site + "\" is not a site of the scenario");
      }
      site = it->second;
    }
    PlannedOp op;
    op.at = t.at;
    op.op = KindOf(t.kind);
    op.bucket = t.bucket.empty() ? default_bucket : t.bucket;
    op.name = t.key;
    op.size = t.size;
    per_site[site].push_back(std::move(op));
  }
  std::vector<std::unique_ptr<OpSource>> out;
  for (auto& ops : per_site)
    out.push_back(std::make_unique<TraceSource>(std::move(ops)));
  return out;
}

}  // namespace

Result<std::vector<std::unique_ptr<OpSource>>> MakeOpSources(const Scenario& s, const Deployment& d,
                                                             const std::string& dir,
                                                             uint64_t seed) {
  if (!s.workload.trace_path.empty()) return TraceSources(s, d, dir, seed);
  Result<SizeDistribution> sizes = SizeDistribution::Make(
      s.workload.size_kind, s.workload.size_bytes, s.workload.size_sigma, s.workload.size_cdf);
  if (!sizes.ok()) return sizes.status();
  auto population = std::make_shared<const SampledPopulation>(
      static_cast<uint64_t>(std::llround(s.workload.objects)), s.sampling_rate, seed,
      s.workload.zipf_alpha);
  std::vector<std::unique_ptr<OpSource>> out(d.site_names.size());
  for (const auto& [name, rate] : s.workload.rate_per_site) {
    if (rate <= 0) continue;
    const SiteId site = d.IdOf(name);
    std::vector<RateBurst> bursts;
    for (const WorkloadSpec::Burst& b : s.workload.bursts)
      bursts.push_back({b.at, b.duration, b.multiplier});
    // The sampled population receives the sampled share of the operations.
    Result<RateCurve> curve = RateCurve::Make(rate * s.sampling_rate, s.workload.diurnal_amplitude,
                                              s.workload.diurnal_peak_hour, std::move(bursts));
    if (!curve.ok()) return curve.status();
    out[site] =
        std::make_unique<SyntheticSource>(s, std::move(*curve), *sizes, population, seed, site);
  }
  return out;
}

}  // namespace estate::sim

#include "reports/report/json_fields.h"
#include "reports/report/report_sections.h"

namespace estate::reports {
namespace {

SamplingInfo ReadSampling(JsonFields& f) {
  SamplingInfo s;
  s.rate = f.Number("/sampling/rate");
  s.seed = f.Count("/sampling/seed");
  s.objects = f.OptionalNumber("/sampling/objects");
  s.objects_in_sample = f.OptionalNumber("/sampling/objects_in_sample");
  s.data_plane_time_stretch = f.Number("/run/data_plane_time_stretch");
  if (f.Find("/sampling/error") != nullptr) {
    s.error_method = f.Text("/sampling/error/method");
    for (const auto& [name, interval] : f.Object("/sampling/error").items()) {
      if (name == "method") continue;
      const std::string at = "/sampling/error/" + PointerToken(name);
      s.intervals.push_back({name, f.Number(at + "/low"), f.Number(at + "/high")});
    }
  }
  // sampling.seeds holds the seeds that ran ("seeds") beside one entry per figure.
  if (f.Find("/sampling/seeds") != nullptr) {
    f.Array("/sampling/seeds/seeds");
    for (const auto& [name, spread] : f.Object("/sampling/seeds").items()) {
      if (name == "seeds") continue;
      const std::string at = "/sampling/seeds/" + PointerToken(name);
      s.seed_spread.push_back({name, f.Number(at + "/mean"), f.Number(at + "/stddev"),
                               f.Number(at + "/relative"),
                               static_cast<int>(f.Array(at + "/values").size())});
    }
  }
  return s;
}

}  // namespace

Result<RunOverview> ReadRunOverview(const JsonInput& result) {
  JsonFields f(result.doc, result.path);
  RunOverview r;
  r.scenario = f.Text("/run/scenario");
  r.seed = f.Count("/run/seed");
  r.duration_s = f.Number("/run/duration_s");
  r.interval_s = f.Number("/run/interval_s");
  r.operations = f.Count("/operations/total");
  r.unavailable_operations = f.Count("/operations/unavailable");
  r.availability = f.Number("/availability/all");
  r.stale_read_rate = f.Number("/operations/stale_read_rate");
  r.write_p99_s = f.Number("/write_latency/p99");
  r.read_p99_s = f.Number("/read_latency/p99");
  r.replication_lag_p99_s = f.Number("/replication_lag/p99");
  r.rpo_p99_s = f.Number("/rpo/p99");
  r.wan_peak_bps = f.Number("/wan_peak_bps");
  r.wan_bytes = f.Number("/wan_bytes");
  r.egress_bytes = f.Number("/egress_bytes");
  r.hit_ratio = f.Number("/hit_ratio");
  r.sampling = ReadSampling(f);
  if (!f.ok()) return f.status();
  return r;
}

Result<std::vector<ExpectationResult>> ReadExpectations(const JsonInput& result) {
  JsonFields f(result.doc, result.path);
  std::vector<ExpectationResult> out;
  const nlohmann::json& list = f.Array("/expectations");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = "/expectations/" + std::to_string(i);
    ExpectationResult e;
    e.expectation = f.Text(at + "/expectation");
    e.pass = f.Bool(at + "/pass");
    e.found = f.Bool(at + "/found");
    e.message = f.Text(at + "/message");
    // The metric is the expectation's first word ("replication_lag.p99 < 15min"), a dotted
    // path into result.json.
    e.metric = e.expectation.substr(0, e.expectation.find(' '));
    std::string pointer;
    for (size_t start = 0; start <= e.metric.size();) {
      const size_t dot = std::min(e.metric.find('.', start), e.metric.size());
      pointer += "/" + PointerToken(e.metric.substr(start, dot - start));
      start = dot + 1;
    }
    const nlohmann::json* v = f.Find(pointer);
    if (e.found && v != nullptr && v->is_number()) e.measured = v->get<double>();
    out.push_back(std::move(e));
  }
  if (!f.ok()) return f.status();
  return out;
}

}  // namespace estate::reports

#include "reports/compare/mode_figures_reader.h"

#include <optional>

namespace estate::reports {
namespace {

using nlohmann::json;

constexpr double kBytesPerGiB = 1024.0 * 1024 * 1024;

// A key as one JSON pointer token (RFC 6901).
std::string Token(const std::string& key) {
  std::string t;
  for (char c : key) {
    if (c == '~') {
      t += "~0";
    } else if (c == '/') {
      t += "~1";
    } else {
      t += c;
    }
  }
  return t;
}

// Walks result.json by JSON pointer, remembering the first thing missing or mistyped.
class FigureReader {
 public:
  FigureReader(const json& doc, const std::string& origin) : doc_(doc), origin_(origin) {}

  // The value at `pointer`, or nullptr when there is none.
  const json* Find(const std::string& pointer) const {
    const json::json_pointer p(pointer);
    return doc_.contains(p) ? &doc_.at(p) : nullptr;
  }
  // The value at `pointer` if `is` holds for it; otherwise records what was expected.
  const json* At(const std::string& pointer, const char* expected, bool (json::*is)() const) {
    const json* v = Find(pointer);
    if (v == nullptr || !(v->*is)()) {
      Fail(pointer, expected, v == nullptr ? "nothing" : v->dump());
      return nullptr;
    }
    return v;
  }
  double Number(const std::string& pointer) {
    const json* v = At(pointer, "a number", &json::is_number);
    return v == nullptr ? 0 : v->get<double>();
  }
  uint64_t Count(const std::string& pointer) {
    const json* v = At(pointer, "a count", &json::is_number_unsigned);
    return v == nullptr ? 0 : v->get<uint64_t>();
  }
  std::string Text(const std::string& pointer) {
    const json* v = At(pointer, "a string", &json::is_string);
    return v == nullptr ? "" : v->get<std::string>();
  }
  // A latency block (count, p50, p99, ...); count 0 when the block is absent or empty.
  Percentiles Latency(const std::string& pointer) {
    Percentiles p;
    if (!Has(pointer)) return p;
    p.count = Count(pointer + "/count");
    if (p.count == 0) return p;
    p.p50_s = Number(pointer + "/p50");
    p.p99_s = Number(pointer + "/p99");
    return p;
  }
  bool Has(const std::string& pointer) const { return Find(pointer) != nullptr; }
  void Fail(const std::string& pointer, const std::string& expected, const std::string& found) {
    if (!error_) error_ = origin_ + ": " + pointer + ": expected " + expected + ", found " + found;
  }
  const std::optional<std::string>& error() const { return error_; }

 private:
  const json& doc_;
  const std::string& origin_;
  std::optional<std::string> error_;
};

VisibilityFigures ReadVisibility(FigureReader& r, const std::string& mode) {
  VisibilityFigures v;
  const std::string curve = r.Has("/t_visibility/" + Token(mode)) ? Token(mode) : "all";
  v.basis = r.Text("/t_visibility/basis/" + curve);
  v.pairs = r.Count("/t_visibility/pairs");
  const json* t_ms = r.At("/t_visibility/t_ms", "an array of milliseconds", &json::is_array);
  if (t_ms == nullptr) return v;
  for (size_t i = 0; i < t_ms->size(); ++i) {
    const json& t = (*t_ms)[i];
    if (!t.is_number_integer()) {
      r.Fail("/t_visibility/t_ms/" + std::to_string(i), "an integer", t.dump());
      return v;
    }
    v.t_ms.push_back(t.get<int64_t>());
    const std::string point = "/t_visibility/" + curve + "/" + std::to_string(v.t_ms.back()) + "ms";
    const json* f = r.Find(point);
    if (f == nullptr || !(f->is_null() || f->is_number())) {
      r.Fail(point, "a fraction or null", f == nullptr ? "nothing" : f->dump());
      return v;
    }
    v.fraction.push_back(f->is_number() ? std::optional(f->get<double>()) : std::nullopt);
  }
  return v;
}

ExpectationVerdicts ReadExpectations(FigureReader& r) {
  ExpectationVerdicts e;
  const json* list = r.At("/expectations", "an array of checked expectations", &json::is_array);
  if (list == nullptr) return e;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = "/expectations/" + std::to_string(i);
    const std::string text = r.Text(p + "/expectation");
    const json* found = r.At(p + "/found", "true or false", &json::is_boolean);
    const json* pass = r.At(p + "/pass", "true or false", &json::is_boolean);
    if (found == nullptr || pass == nullptr) return e;
    if (!found->get<bool>()) {
      e.not_applicable.push_back(text);
    } else if (pass->get<bool>()) {
      ++e.met;
    } else {
      e.unmet.push_back(text);
    }
  }
  return e;
}

}  // namespace

Result<ModeFigures> ReadModeFigures(const json& result, const std::string& mode,
                                    const std::string& origin, double egress_per_gib) {
  FigureReader r(result, origin);
  ModeFigures m;
  m.mode = mode;
  m.read = r.Latency("/read_latency");
  m.write = r.Latency("/write_latency");
  m.availability = r.Number("/availability/all");
  if (const json* sites = r.At("/availability/by_site", "an object of sites", &json::is_object)) {
    for (const auto& item : sites->items()) {
      SiteFigures s;
      s.site = item.key();
      const std::string token = Token(s.site);
      s.availability = r.Number("/availability/by_site/" + token);
      s.read = r.Latency("/read_latency/by_site/" + token + "/all");
      s.write = r.Latency("/write_latency/by_site/" + token + "/all");
      m.sites.push_back(std::move(s));
    }
  }
  m.stale_read_rate = r.Number("/stale_reads/rate");
  m.stale_reads = r.Count("/stale_reads/count");
  m.conflicts = r.Count("/conflicts");
  m.t_visibility = ReadVisibility(r, mode);
  m.wan_bytes = r.Number("/wan_bytes");
  m.egress_bytes = r.Number("/egress_bytes");
  m.egress_cost = m.egress_bytes / kBytesPerGiB * egress_per_gib;
  m.expectations = ReadExpectations(r);
  m.data_plane_time_stretch = r.Number("/run/data_plane_time_stretch");
  if (r.error()) return Status::Invalid(*r.error());
  return m;
}

}  // namespace estate::reports

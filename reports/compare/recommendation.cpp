#include "reports/compare/recommendation.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/mount/policy.h"
#include "reports/compare/figure_text.h"

namespace estate::reports {
namespace {

// 0 for strong up to 4 for eventual: lower is stronger.
int Strength(const std::string& mode) {
  const std::optional<ConsistencyMode> m = ParseConsistencyMode(mode);
  return m ? static_cast<int>(*m) : 100;
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// "a", "a and b", "a, b and c".
std::string JoinedList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// Why a mode cannot be recommended; empty when it qualifies.
std::string WhyExcluded(const ModeFigures& m, double floor) {
  if (!m.ok()) return "its run failed";
  std::vector<std::string> reasons;
  if (m.availability < floor) {
    reasons.push_back("availability " + Percent(m.availability, 3) + ", below the floor");
  }
  if (!m.expectations.unmet.empty()) {
    reasons.push_back("did not meet " + JoinedList(m.expectations.unmet));
  }
  std::string why;
  for (const std::string& r : reasons)
    why += (why.empty() ? "" : "; ") + r;
  return why;
}

// Whether a is the better choice than b under the rule in recommendation.h.
bool Better(const ModeFigures& a, const ModeFigures& b) {
  if (a.write.p99_s != b.write.p99_s) return a.write.p99_s < b.write.p99_s;
  if (a.stale_read_rate != b.stale_read_rate) return a.stale_read_rate < b.stale_read_rate;
  return Strength(a.mode) < Strength(b.mode);
}

std::string LostUpdates(uint64_t n) {
  return n == 1 ? "1 update was lost" : std::to_string(n) + " updates were lost";
}

// What a mode weaker than strong gives up, measured.
std::string StalenessSentence(const ModeFigures& m) {
  return Capitalised(m.mode) + " returned " + Percent(m.stale_read_rate) + " stale reads, a read " +
         std::to_string(kRecommendationTMs) +
         " ms after a write at another site saw it with probability " +
         Probability(m.t_visibility.At(kRecommendationTMs)) + ", and " + LostUpdates(m.conflicts) +
         " to last-writer-wins conflicts.";
}

std::string StrongCostSentence(const ModeFigures& strong, const ModeFigures& eventual) {
  std::vector<std::string> sites;
  for (const SiteFigures& s : strong.sites) {
    const SiteFigures* e = eventual.Site(s.site);
    if (e == nullptr || s.write.count == 0 || e->write.count == 0) continue;
    const double d = s.write.p99_s - e->write.p99_s;
    sites.push_back(Latency(std::fabs(d)) + (d >= 0 ? " more" : " less") + " at " + s.site + " (" +
                    Latency(s.write.p99_s) + " vs " + Latency(e->write.p99_s) + ")");
  }
  if (sites.empty()) return "";
  return "Strong writes cost " + JoinedList(sites) + " at p99 than eventual writes.";
}

// The lowest and highest of a figure over the modes that ran, with the modes.
struct Range {
  const ModeFigures* low = nullptr;
  const ModeFigures* high = nullptr;
};
template <typename Figure>
Range RangeOf(const std::vector<const ModeFigures*>& ran, Figure figure) {
  Range r;
  for (const ModeFigures* m : ran) {
    if (r.low == nullptr || figure(*m) < figure(*r.low)) r.low = m;
    if (r.high == nullptr || figure(*m) > figure(*r.high)) r.high = m;
  }
  return r;
}

std::string TrafficSentence(const std::vector<const ModeFigures*>& ran, const ModeComparison& c) {
  const std::string& currency = c.egress_price.currency;
  auto egress = [&currency](const ModeFigures& m) {
    return BinaryBytes(m.egress_bytes) + " (" + Money(m.egress_cost, currency) + ")";
  };
  const Range e = RangeOf(ran, [](const ModeFigures& m) { return m.egress_bytes; });
  const Range w = RangeOf(ran, [](const ModeFigures& m) { return m.wan_bytes; });
  std::string s = "GCS egress ";
  if (e.low->egress_bytes == e.high->egress_bytes) {
    s += "was " + egress(*e.low) + (ran.size() > 1 ? " under every mode" : " under " + e.low->mode);
  } else {
    s += "ranged from " + egress(*e.low) + " under " + e.low->mode + " to " + egress(*e.high) +
         " under " + e.high->mode;
  }
  s += " and WAN traffic ";
  if (w.low->wan_bytes == w.high->wan_bytes) {
    s += "was " + BinaryBytes(w.low->wan_bytes) +
         (ran.size() > 1 ? " under every mode" : " under " + w.low->mode);
  } else {
    s += "from " + BinaryBytes(w.low->wan_bytes) + " under " + w.low->mode + " to " +
         BinaryBytes(w.high->wan_bytes) + " under " + w.high->mode;
  }
  return s + ", over " + Duration(c.duration_s) + " simulated.";
}

}  // namespace

std::string Recommendation::Paragraph() const {
  std::string p;
  for (const std::string& s : sentences)
    p += (p.empty() ? "" : " ") + s;
  return p;
}

Recommendation Recommend(const ModeComparison& c) {
  Recommendation rec;
  const std::string floor = Percent(c.availability_floor, 3);
  const std::string criteria =
      "met the scenario's expectations and kept availability at or above " + floor;
  std::vector<const ModeFigures*> ran, qualifying;
  std::vector<std::string> excluded;
  for (const ModeFigures& m : c.modes) {
    if (m.ok()) ran.push_back(&m);
    const std::string why = WhyExcluded(m, c.availability_floor);
    if (why.empty()) {
      qualifying.push_back(&m);
    } else {
      excluded.push_back(m.mode + " (" + why + ")");
    }
  }
  const std::string compared = std::to_string(c.modes.size()) + " modes compared";
  const ModeFigures* chosen = nullptr;
  for (const ModeFigures* m : qualifying) {
    if (chosen == nullptr || Better(*m, *chosen)) chosen = m;
  }
  if (chosen != nullptr) {
    rec.mode = chosen->mode;
    if (c.modes.size() == 1) {
      rec.sentences.push_back("Recommended: " + chosen->mode + ", the only mode compared; it " +
                              criteria + " (p99 write latency " + Latency(chosen->write.p99_s) +
                              ").");
    } else if (qualifying.size() == 1) {
      rec.sentences.push_back("Recommended: " + chosen->mode + ", the only one of the " + compared +
                              " that " + criteria + " (p99 write latency " +
                              Latency(chosen->write.p99_s) + ").");
    } else if (qualifying.size() == c.modes.size()) {
      rec.sentences.push_back("Recommended: " + chosen->mode + ", the lowest p99 write latency (" +
                              Latency(chosen->write.p99_s) + ") of the " + compared +
                              ", all of which " + criteria + ".");
    } else {
      rec.sentences.push_back("Recommended: " + chosen->mode + ", the lowest p99 write latency (" +
                              Latency(chosen->write.p99_s) + ") among the " +
                              std::to_string(qualifying.size()) + " of the " + compared + " that " +
                              criteria + ".");
    }
  } else {
    rec.sentences.push_back("No mode qualifies: none of the " + compared + " both " + criteria +
                            ".");
  }
  if (!excluded.empty()) rec.sentences.push_back("Excluded: " + JoinedList(excluded) + ".");
  if (chosen == nullptr && !ran.empty()) {
    const Range a = RangeOf(ran, [](const ModeFigures& m) { return m.availability; });
    rec.sentences.push_back("The highest availability was " + Percent(a.high->availability, 3) +
                            ", under " + a.high->mode + ".");
  }
  if (chosen != nullptr) {
    const ModeFigures* strongest = chosen;
    for (const ModeFigures* m : qualifying) {
      if (Strength(m->mode) < Strength(strongest->mode)) strongest = m;
    }
    if (strongest != chosen) {
      rec.sentences.push_back("The strongest mode that qualifies, " + strongest->mode +
                              ", has p99 write latency " + Latency(strongest->write.p99_s) + ", " +
                              Latency(strongest->write.p99_s - chosen->write.p99_s) +
                              " more than " + chosen->mode + ".");
    }
  }
  const ModeFigures* strong = c.Ran("strong");
  const ModeFigures* eventual = c.Ran("eventual");
  if (strong != nullptr && eventual != nullptr) {
    const std::string cost = StrongCostSentence(*strong, *eventual);
    if (!cost.empty()) rec.sentences.push_back(cost);
  }
  if (eventual != nullptr) rec.sentences.push_back(StalenessSentence(*eventual));
  if (chosen != nullptr && chosen->mode == "strong") {
    rec.sentences.push_back(
        "Strong reads are linearizable: t-visibility is 1 at every t by construction; the run "
        "measured " +
        Percent(chosen->stale_read_rate) + " stale reads and " + std::to_string(chosen->conflicts) +
        " lost update" + (chosen->conflicts == 1 ? "" : "s") + ".");
  } else if (chosen != nullptr && chosen != eventual) {
    rec.sentences.push_back(StalenessSentence(*chosen));
  }
  if (!ran.empty()) rec.sentences.push_back(TrafficSentence(ran, c));
  return rec;
}

}  // namespace estate::reports

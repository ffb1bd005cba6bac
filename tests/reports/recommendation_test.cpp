// The recommendation of `estate compare` from hand-made figures: the exact text for a fixed
// comparison, and other figures giving another mode and another text.
#include "reports/compare/recommendation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace estate::reports {
namespace {

constexpr double kGiB = 1024.0 * 1024 * 1024;

SiteFigures Site(const std::string& id, double write_p99) {
  SiteFigures s;
  s.site = id;
  s.write = {.count = 10, .p50_s = write_p99 / 2, .p99_s = write_p99};
  s.read = {.count = 10, .p50_s = 0.001, .p99_s = 0.002};
  return s;
}

ModeFigures Mode(const std::string& name, double write_p99, double site_b_write_p99,
                 double availability, double stale_rate, uint64_t conflicts, double t100,
                 double egress_gib, double wan_gib) {
  ModeFigures m;
  m.mode = name;
  m.run_dir = "out/" + name;
  m.write = {.count = 20, .p50_s = write_p99 / 2, .p99_s = write_p99};
  m.read = {.count = 20, .p50_s = 0.001, .p99_s = 0.002};
  m.sites = {Site("site-a", write_p99), Site("site-b", site_b_write_p99)};
  m.availability = availability;
  m.stale_read_rate = stale_rate;
  m.conflicts = conflicts;
  m.t_visibility.basis = name == "strong" ? "linearizable" : "measured";
  m.t_visibility.pairs = 40;
  m.t_visibility.t_ms = {0, 100, 1000};
  m.t_visibility.fraction = {name == "strong" ? 1.0 : 0.1, t100, 1.0};
  m.egress_bytes = egress_gib * kGiB;
  m.egress_cost = egress_gib * 0.02;
  m.wan_bytes = wan_gib * kGiB;
  return m;
}

ModeComparison FiveModes() {
  ModeComparison c;
  c.scenario = "small";
  c.duration_s = 30;
  c.availability_floor = 0.999;
  c.egress_price = {.per_gib = 0.02, .currency = "USD", .source = "test", .as_of = "2026-11"};
  c.modes = {Mode("strong", 0.0521, 0.0539, 1.0, 0, 0, 1.0, 1.5, 3),
             Mode("sync-sites", 0.0315, 0.0315, 0.9985, 0, 0, 0.99, 1.5, 2.5),
             Mode("bounded-staleness", 0.0123, 0.0123, 1.0, 0.002, 0, 0.97, 1.5, 2.5),
             Mode("session", 0.0021, 0.0021, 1.0, 0.001, 1, 0.96, 1.0, 2),
             Mode("eventual", 0.0019, 0.0020, 1.0, 0.0037, 3, 0.954, 1.0, 2)};
  c.modes[2].expectations.unmet = {"stale_reads.rate < 0.1%"};
  return c;
}

ModeFigures& ModeNamed(ModeComparison& c, const std::string& name) {
  for (ModeFigures& m : c.modes) {
    if (m.mode == name) return m;
  }
  throw std::logic_error("no mode " + name);
}

const char* const kStrongCost =
    "Strong writes cost 50.2 ms more at site-a (52.1 ms vs 1.9 ms) and 51.9 ms more at site-b "
    "(53.9 ms vs 2.0 ms) at p99 than eventual writes.";
const char* const kEventualStaleness =
    "Eventual returned 0.37% stale reads, a read 100 ms after a write at another site saw it "
    "with probability 0.954, and 3 updates were lost to last-writer-wins conflicts.";
const char* const kTraffic =
    "GCS egress ranged from 1.0 GiB (0.02 USD) under session to 1.5 GiB (0.03 USD) under strong "
    "and WAN traffic from 2.0 GiB under session to 3.0 GiB under strong, over 30 s simulated.";

TEST(Recommendation, FixedFiguresGiveExactlyThisParagraph) {
  const Recommendation r = Recommend(FiveModes());
  EXPECT_EQ(r.mode, std::optional<std::string>("eventual"));
  const std::vector<std::string> want = {
      "Recommended: eventual, the lowest p99 write latency (1.9 ms) among the 3 of the 5 modes "
      "compared that met the scenario's expectations and kept availability at or above "
      "99.900%.",
      "Excluded: sync-sites (availability 99.850%, below the floor) and bounded-staleness (did "
      "not meet stale_reads.rate < 0.1%).",
      "The strongest mode that qualifies, strong, has p99 write latency 52.1 ms, 50.2 ms more "
      "than eventual.",
      kStrongCost,
      kEventualStaleness,
      kTraffic};
  EXPECT_EQ(r.sentences, want);
  EXPECT_EQ(r.Paragraph().substr(0, 40), "Recommended: eventual, the lowest p99 wr");
  EXPECT_NE(r.Paragraph().find("99.900%. Excluded: sync-sites"), std::string::npos);
}

TEST(Recommendation, AnUnmetExpectationMovesTheChoiceAndTheText) {
  ModeComparison c = FiveModes();
  ModeNamed(c, "eventual").expectations.unmet = {"stale_reads.eventual < 0.1%"};
  const Recommendation r = Recommend(c);
  EXPECT_EQ(r.mode, std::optional<std::string>("session"));
  const std::vector<std::string> want = {
      "Recommended: session, the lowest p99 write latency (2.1 ms) among the 2 of the 5 modes "
      "compared that met the scenario's expectations and kept availability at or above "
      "99.900%.",
      "Excluded: sync-sites (availability 99.850%, below the floor), bounded-staleness (did not "
      "meet stale_reads.rate < 0.1%) and eventual (did not meet stale_reads.eventual < 0.1%).",
      "The strongest mode that qualifies, strong, has p99 write latency 52.1 ms, 50.0 ms more "
      "than session.",
      kStrongCost,
      kEventualStaleness,
      "Session returned 0.10% stale reads, a read 100 ms after a write at another site saw it "
      "with probability 0.960, and 1 update was lost to last-writer-wins conflicts.",
      kTraffic};
  EXPECT_EQ(r.sentences, want);
  EXPECT_NE(r.Paragraph(), Recommend(FiveModes()).Paragraph());
}

TEST(Recommendation, OnlyStrongQualifying) {
  ModeComparison c = FiveModes();
  for (const char* weaker : {"sync-sites", "session", "eventual"})
    ModeNamed(c, weaker).expectations.unmet = {"write_latency.p99 < 1ms"};
  const Recommendation r = Recommend(c);
  EXPECT_EQ(r.mode, std::optional<std::string>("strong"));
  EXPECT_EQ(r.sentences.front(),
            "Recommended: strong, the only one of the 5 modes compared that met the scenario's "
            "expectations and kept availability at or above 99.900% (p99 write latency 52.1 ms).");
  EXPECT_NE(std::find(r.sentences.begin(), r.sentences.end(),
                      "Strong reads are linearizable: t-visibility is 1 at every t by "
                      "construction; the run measured 0.00% stale reads and 0 lost updates."),
            r.sentences.end());
}

TEST(Recommendation, OneModeCompared) {
  ModeComparison c = FiveModes();
  c.modes.erase(c.modes.begin() + 1, c.modes.end());
  const Recommendation r = Recommend(c);
  EXPECT_EQ(r.mode, std::optional<std::string>("strong"));
  EXPECT_EQ(r.sentences.front(),
            "Recommended: strong, the only mode compared; it met the scenario's expectations and "
            "kept availability at or above 99.900% (p99 write latency 52.1 ms).");
  EXPECT_EQ(r.sentences.back(),
            "GCS egress was 1.5 GiB (0.03 USD) under strong and WAN traffic was 3.0 GiB under "
            "strong, over 30 s simulated.");
}

TEST(Recommendation, TiesGoToFewerStaleReadsThenTheStrongerMode) {
  ModeComparison c = FiveModes();
  ModeNamed(c, "session").write.p99_s = 0.0019;
  EXPECT_EQ(Recommend(c).mode, std::optional<std::string>("session"));  // 0.10% < 0.37%
  ModeNamed(c, "session").stale_read_rate = 0.0037;
  std::swap(c.modes[3], c.modes[4]);  // eventual first: the order asked decides nothing
  EXPECT_EQ(Recommend(c).mode, std::optional<std::string>("session"));  // stronger than eventual
}

TEST(Recommendation, NoModeQualifying) {
  ModeComparison c = FiveModes();
  c.availability_floor = 1.0;
  for (ModeFigures& m : c.modes)
    m.availability = 0.9995;
  ModeNamed(c, "eventual").availability = 0.9998;
  ModeNamed(c, "strong").error = "the run failed (exit 3); see out/strong/log.txt";
  const Recommendation r = Recommend(c);
  EXPECT_FALSE(r.mode.has_value());
  ASSERT_GE(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentences[0],
            "No mode qualifies: none of the 5 modes compared both met the scenario's "
            "expectations and kept availability at or above 100.000%.");
  EXPECT_EQ(r.sentences[1],
            "Excluded: strong (its run failed), sync-sites (availability 99.950%, below the "
            "floor), bounded-staleness (availability 99.950%, below the floor; did not meet "
            "stale_reads.rate < 0.1%), session (availability 99.950%, below the floor) and "
            "eventual (availability 99.980%, below the floor).");
  EXPECT_EQ(r.sentences[2], "The highest availability was 99.980%, under eventual.");
  // Without a strong run there is no strong-versus-eventual cost to state.
  for (const std::string& s : r.sentences)
    EXPECT_EQ(s.find("Strong writes cost"), std::string::npos) << s;
  EXPECT_EQ(r.sentences.back(),
            "GCS egress ranged from 1.0 GiB (0.02 USD) under session to 1.5 GiB (0.03 USD) under "
            "sync-sites and WAN traffic from 2.0 GiB under session to 2.5 GiB under sync-sites, "
            "over 30 s simulated.");
}

}  // namespace
}  // namespace estate::reports

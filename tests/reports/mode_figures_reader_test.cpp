// One mode's figures from a hand-made result.json, and the messages that name what is
// missing or mistyped.
#include "reports/compare/mode_figures_reader.h"

#include <gtest/gtest.h>

namespace estate::reports {
namespace {

using nlohmann::json;

json SampleResult() {
  return json::parse(R"({
    "run": {"data_plane_time_stretch": 200},
    "read_latency": {"count": 4, "p50": 0.001, "p99": 0.002,
                     "by_site": {"site-a": {"all": {"count": 4, "p50": 0.001, "p99": 0.002}}}},
    "write_latency": {"count": 2, "p50": 0.01, "p99": 0.03,
                      "by_site": {"site-b": {"all": {"count": 2, "p50": 0.01, "p99": 0.03}}}},
    "availability": {"all": 0.75, "by_site": {"site-a": 1.0, "site-b": 0.5}},
    "stale_reads": {"count": 1, "rate": 0.25},
    "conflicts": 2,
    "t_visibility": {"t_ms": [0, 100], "pairs": 3,
                     "basis": {"all": "measured", "eventual": "measured"},
                     "all": {"0ms": 0.0, "100ms": 1.0},
                     "eventual": {"0ms": 0.25, "100ms": null}},
    "wan_bytes": 3221225472,
    "egress_bytes": 2147483648,
    "expectations": [
      {"expectation": "conflicts < 5", "found": true, "pass": true},
      {"expectation": "stale_reads.rate < 1%", "found": true, "pass": false},
      {"expectation": "write_latency.strong.p99 < 80ms", "found": false, "pass": false}]
  })");
}

TEST(ModeFiguresReader, ReadsEveryFigure) {
  Result<ModeFigures> m = ReadModeFigures(SampleResult(), "eventual", "r.json", 0.02);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->mode, "eventual");
  EXPECT_EQ(m->read.count, 4u);
  EXPECT_DOUBLE_EQ(m->read.p99_s, 0.002);
  EXPECT_DOUBLE_EQ(m->write.p50_s, 0.01);
  ASSERT_EQ(m->sites.size(), 2u);
  EXPECT_EQ(m->sites[0].site, "site-a");
  EXPECT_EQ(m->sites[0].write.count, 0u);  // site-a's clients wrote nothing
  EXPECT_DOUBLE_EQ(m->Site("site-b")->write.p99_s, 0.03);
  EXPECT_DOUBLE_EQ(m->Site("site-b")->availability, 0.5);
  EXPECT_DOUBLE_EQ(m->availability, 0.75);
  EXPECT_DOUBLE_EQ(m->stale_read_rate, 0.25);
  EXPECT_EQ(m->stale_reads, 1u);
  EXPECT_EQ(m->conflicts, 2u);
  // The mode's own curve, nulls kept as "not measured".
  EXPECT_EQ(m->t_visibility.basis, "measured");
  EXPECT_EQ(m->t_visibility.pairs, 3u);
  EXPECT_EQ(m->t_visibility.t_ms, (std::vector<int64_t>{0, 100}));
  EXPECT_EQ(m->t_visibility.At(0), std::optional<double>(0.25));
  EXPECT_FALSE(m->t_visibility.At(100).has_value());
  EXPECT_FALSE(m->t_visibility.At(5).has_value());
  EXPECT_DOUBLE_EQ(m->wan_bytes, 3221225472.0);
  EXPECT_DOUBLE_EQ(m->egress_cost, 2 * 0.02);  // 2 GiB at 0.02 per GiB
  EXPECT_DOUBLE_EQ(m->data_plane_time_stretch, 200);
  EXPECT_EQ(m->expectations.met, 1);
  EXPECT_EQ(m->expectations.unmet, std::vector<std::string>{"stale_reads.rate < 1%"});
  EXPECT_EQ(m->expectations.not_applicable,
            std::vector<std::string>{"write_latency.strong.p99 < 80ms"});
}

TEST(ModeFiguresReader, AModeWithoutItsOwnCurveUsesTheOverallOne) {
  Result<ModeFigures> m = ReadModeFigures(SampleResult(), "session", "r.json", 0.02);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->t_visibility.At(100), std::optional<double>(1.0));
}

TEST(ModeFiguresReader, ErrorsNameTheFileThePointerAndWhatWasExpected) {
  struct Case {
    const char* pointer;
    json value;  // null: removed
    const char* message;
  };
  const std::vector<Case> cases = {
      {"/stale_reads/rate", nullptr, "r.json: /stale_reads/rate: expected a number, found nothing"},
      {"/conflicts", -1, "r.json: /conflicts: expected a count, found -1"},
      {"/t_visibility/eventual/100ms", "soon",
       R"(r.json: /t_visibility/eventual/100ms: expected a fraction or null, found "soon")"},
      {"/availability/by_site", json::array(),
       "r.json: /availability/by_site: expected an object of sites, found []"},
      {"/expectations/1/pass", "yes",
       R"(r.json: /expectations/1/pass: expected true or false, found "yes")"},
  };
  for (const Case& c : cases) {
    json doc = SampleResult();
    const json::json_pointer p(c.pointer);
    if (c.value.is_null()) {
      doc[p.parent_pointer()].erase(p.back());
    } else {
      doc[p] = c.value;
    }
    Result<ModeFigures> m = ReadModeFigures(doc, "eventual", "r.json", 0.02);
    ASSERT_FALSE(m.ok()) << c.pointer;
    EXPECT_EQ(m.status().message(), c.message);
  }
}

}  // namespace
}  // namespace estate::reports

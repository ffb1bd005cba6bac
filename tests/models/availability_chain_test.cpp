#include "models/availability/availability_chain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace estate {
namespace {

using RuleKind = AccessRule::Kind;

constexpr double kMinutesPerYear = 365.25 * 24 * 60;

double UpFraction(double mtbf, double mttr) {
  return mtbf / (mtbf + mttr);
}

AvailabilityChain SolveOrDie(AvailabilityTopology t) {
  Result<AvailabilityChain> chain = AvailabilityChain::Solve(std::move(t));
  EXPECT_TRUE(chain.ok()) << chain.status().message();
  return std::move(chain).value();
}

AccessRule Rule(RuleKind kind, int primary = 0, std::vector<int> members = {}) {
  AccessRule r;
  r.kind = kind;
  r.primary = primary;
  r.members = std::move(members);
  return r;
}

// A topology of `sites` sites and `links` links between random pairs, every component
// failing with MTBF from 1 day to 1 year and MTTR from 10 minutes to 3 days.
AvailabilityTopology RandomTopology(int sites, int links, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> log_mtbf(std::log(86400.0), std::log(365 * 86400.0));
  std::uniform_real_distribution<double> log_mttr(std::log(600.0), std::log(3 * 86400.0));
  std::uniform_int_distribution<int> site(0, sites - 1);
  AvailabilityTopology t;
  for (int i = 0; i < sites; ++i)
    t.sites.push_back(
        {"site-" + std::to_string(i), std::exp(log_mtbf(rng)), std::exp(log_mttr(rng))});
  for (int i = 0; i < links; ++i) {
    const int a = site(rng);
    int b = site(rng);
    if (b == a) b = (a + 1) % sites;
    t.links.push_back(
        {{"link-" + std::to_string(i), std::exp(log_mtbf(rng)), std::exp(log_mttr(rng))}, a, b});
  }
  return t;
}

// The reference: enumerate the joint states of independent components with their product-form
// probabilities and test the rule in each with a search written for this test alone. Every
// component of `t` must be able to fail.
double ProductFormAvailability(const AvailabilityTopology& t, const AccessRule& rule, int client) {
  const size_t n_sites = t.sites.size();
  const size_t k = n_sites + t.links.size();
  double total = 0;
  for (size_t state = 0; state < (size_t{1} << k); ++state) {
    const auto down = [&](size_t component) { return (state >> component) & 1; };
    double p = 1;
    for (size_t i = 0; i < k; ++i) {
      const FailingComponent& c = i < n_sites ? t.sites[i] : t.links[i - n_sites].component;
      p *= down(i) ? c.mttr_s / (c.mtbf_s + c.mttr_s) : c.mtbf_s / (c.mtbf_s + c.mttr_s);
    }
    // Flood from the client over up links between up sites.
    std::vector<bool> reached(n_sites, false);
    if (!down(client)) reached[client] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t l = 0; l < t.links.size(); ++l) {
        const AvailabilityLink& link = t.links[l];
        if (down(n_sites + l) || down(link.a) || down(link.b)) continue;
        if (reached[link.a] != reached[link.b]) {
          reached[link.a] = reached[link.b] = true;
          grew = true;
        }
      }
    }
    bool holds = reached[client];
    switch (rule.kind) {
      case RuleKind::kMajority: {
        size_t count = 0;
        for (bool r : reached)
          count += r;
        holds = holds && 2 * count > n_sites;
        break;
      }
      case RuleKind::kPrimaryAndMembers:
        for (int m : rule.members)
          holds = holds && reached[m];
        [[fallthrough]];
      case RuleKind::kPrimary:
        holds = holds && reached[rule.primary];
        break;
      case RuleKind::kLocal:
        break;
    }
    if (holds) total += p;
  }
  return total;
}

void ExpectMarginalsAreExact(const AvailabilityTopology& t, const AvailabilityChain& chain) {
  for (const FailingComponent& s : t.sites)
    EXPECT_NEAR(chain.UpProbability(s.id), UpFraction(s.mtbf_s, s.mttr_s), 1e-12) << s.id;
  for (const AvailabilityLink& l : t.links)
    EXPECT_NEAR(chain.UpProbability(l.component.id),
                UpFraction(l.component.mtbf_s, l.component.mttr_s), 1e-12)
        << l.component.id;
}

TEST(AvailabilityChainTest, MarginalsAreMtbfOverMtbfPlusMttr) {
  // 3 sites and 3 links: the direct (sparse LU) path.
  const AvailabilityTopology small = RandomTopology(3, 3, 7);
  const AvailabilityChain chain = SolveOrDie(small);
  EXPECT_EQ(chain.states(), 64u);
  ExpectMarginalsAreExact(small, chain);
  // 5 sites and 7 links: 4096 states, the iterative (BiCGSTAB) path.
  const AvailabilityTopology large = RandomTopology(5, 7, 8);
  const AvailabilityChain large_chain = SolveOrDie(large);
  EXPECT_EQ(large_chain.states(), 4096u);
  ExpectMarginalsAreExact(large, large_chain);
}

TEST(AvailabilityChainTest, TwoSitesMatchTheClosedForm) {
  // Site a: up 30 days, down 4 hours; site b: up 90 days, down 1 day; the link between
  // them: up 10 days, down 30 minutes.
  const double a_mtbf = 30 * 86400.0, a_mttr = 4 * 3600.0;
  const double b_mtbf = 90 * 86400.0, b_mttr = 86400.0;
  const double l_mtbf = 10 * 86400.0, l_mttr = 1800.0;
  const AvailabilityChain chain = SolveOrDie(
      {{{"a", a_mtbf, a_mttr}, {"b", b_mtbf, b_mttr}}, {{{"a-b", l_mtbf, l_mttr}, 0, 1}}});
  EXPECT_EQ(chain.states(), 8u);
  const double a = a_mtbf / (a_mtbf + a_mttr), b = b_mtbf / (b_mtbf + b_mttr);
  const double l = l_mtbf / (l_mtbf + l_mttr);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kLocal), 0), a, 1e-14);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kLocal), 1), b, 1e-14);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kPrimary, 1), 0), a * l * b, 1e-14);
  // A majority of two sites is both of them.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kMajority), 1), a * l * b, 1e-14);
  // Downtime is the unavailability over a 365.25-day year: for site a, 4 h in every 30 d 4 h.
  EXPECT_NEAR(chain.DowntimeMinutesPerYear(Rule(RuleKind::kLocal), 0),
              a_mttr / (a_mtbf + a_mttr) * kMinutesPerYear, 1e-9);
  EXPECT_NEAR(chain.DowntimeMinutesPerYear(Rule(RuleKind::kLocal), 0), 2905.856, 0.001);
}

TEST(AvailabilityChainTest, TriangleMajorityIsAtLeastTwoOfThreeWithTheClientUp) {
  // Perfect links (never fail): Raft needs the client's site and at least one other.
  const double p0 = 0.99, p1 = 0.98, p2 = 0.95;
  const double mttr = 3600;
  const auto site = [mttr](const char* id, double p) {
    return FailingComponent{id, p / (1 - p) * mttr, mttr};  // up fraction p
  };
  const AvailabilityChain chain = SolveOrDie({{site("s0", p0), site("s1", p1), site("s2", p2)},
                                              {{{"l01"}, 0, 1}, {{"l12"}, 1, 2}, {{"l02"}, 0, 2}}});
  EXPECT_EQ(chain.states(), 8u);  // links never fail: only the sites are in the chain
  // Client s0 up and not both others down: 0.99 * (1 - 0.02 * 0.05) = 0.98901.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kMajority), 0), 0.98901, 1e-12);
  // Client s2: 0.95 * (1 - 0.01 * 0.02) = 0.94981.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kMajority), 2), 0.94981, 1e-12);
  EXPECT_DOUBLE_EQ(chain.UpProbability("l01"), 1.0);
}

TEST(AvailabilityChainTest, LinkFailurePartitionsASite) {
  // s0 --l01-- s1 --l12-- s2, sites and l12 perfect; l01 up a fraction q of the time.
  const double q = 0.9;
  const AvailabilityTopology line = {{{"s0"}, {"s1"}, {"s2"}},
                                     {{{"l01", q / (1 - q) * 600, 600}, 0, 1}, {{"l12"}, 1, 2}}};
  const AvailabilityChain chain = SolveOrDie(line);
  EXPECT_EQ(chain.states(), 2u);
  // Local work never depends on a link.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kLocal), 0), 1, 1e-15);
  // s0 reaches s1 and, through it, s2 only while l01 is up.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kPrimary, 1), 0), q, 1e-14);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kPrimary, 2), 0), q, 1e-14);
  // s1 and s2 are always together: a majority for them, a minority of one for s0 when cut off.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kMajority), 0), q, 1e-14);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kMajority), 2), 1, 1e-15);
  // A sync-sites write from s2 whose primary is s1 needs s0 as a member.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kPrimaryAndMembers, 1, {2}), 2), 1, 1e-15);
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kPrimaryAndMembers, 1, {0, 2}), 2), q, 1e-14);
  EXPECT_NEAR(chain.DowntimeMinutesPerYear(Rule(RuleKind::kPrimary, 2), 0),
              (1 - q) * kMinutesPerYear, 1e-6);

  // Now s1 fails too (up a fraction p): a down site relays nothing, so s0 reaches s2 only
  // when l01 and s1 are both up. Adding a direct s0-s2 link that is up a fraction r gives a
  // second path: s0 reaches s2 unless both paths are down.
  const double p = 0.8, r = 0.7;
  AvailabilityTopology relay = line;
  relay.sites[1] = {"s1", p / (1 - p) * 600, 600};
  const AvailabilityChain relay_chain = SolveOrDie(relay);
  EXPECT_NEAR(relay_chain.Availability(Rule(RuleKind::kPrimary, 2), 0), q * p, 1e-14);
  relay.links.push_back({{"l02", r / (1 - r) * 600, 600}, 0, 2});
  const AvailabilityChain two_paths = SolveOrDie(relay);
  EXPECT_EQ(two_paths.states(), 8u);
  EXPECT_NEAR(two_paths.Availability(Rule(RuleKind::kPrimary, 2), 0), 1 - (1 - q * p) * (1 - r),
              1e-14);
  // Majority from s0: s0 with s1 (l01, s1 up) or with s2 (some path to s2).
  EXPECT_NEAR(two_paths.Availability(Rule(RuleKind::kMajority), 0), 1 - (1 - q * p) * (1 - r),
              1e-14);
}

TEST(AvailabilityChainTest, IndependentComponentsGiveTheProductForm) {
  // 4 sites and 4 links, all failing: 256 states, solved with no knowledge of independence,
  // against the product form enumerated by hand.
  const AvailabilityTopology t = RandomTopology(4, 4, 2024);
  const AvailabilityChain chain = SolveOrDie(t);
  EXPECT_EQ(chain.states(), 256u);
  const std::vector<AccessRule> rules = {Rule(RuleKind::kLocal), Rule(RuleKind::kMajority),
                                         Rule(RuleKind::kPrimary, 3),
                                         Rule(RuleKind::kPrimaryAndMembers, 1, {2, 3})};
  for (const AccessRule& rule : rules) {
    for (int client = 0; client < 4; ++client) {
      const double expected = ProductFormAvailability(t, rule, client);
      EXPECT_NEAR(chain.Availability(rule, client), expected, 1e-12)
          << "rule " << static_cast<int>(rule.kind) << " client " << client;
      EXPECT_NEAR(chain.DowntimeMinutesPerYear(rule, client), (1 - expected) * kMinutesPerYear,
                  1e-6);
    }
  }
}

TEST(AvailabilityChainTest, IterativeSolveGivesTheProductFormToo) {
  // 5 sites and 6 links: 2048 states, above the sparse LU's limit.
  const AvailabilityTopology t = RandomTopology(5, 6, 99);
  const AvailabilityChain chain = SolveOrDie(t);
  EXPECT_EQ(chain.states(), 2048u);
  for (const AccessRule& rule :
       {Rule(RuleKind::kMajority), Rule(RuleKind::kPrimaryAndMembers, 4, {0, 2})})
    EXPECT_NEAR(chain.Availability(rule, 1), ProductFormAvailability(t, rule, 1), 1e-12);
}

TEST(AvailabilityChainTest, BadIndexesAndIdsGiveNan) {
  const AvailabilityChain chain = SolveOrDie({{{"s0", 100, 1}, {"s1", 100, 1}}, {}});
  EXPECT_TRUE(std::isnan(chain.Availability(Rule(RuleKind::kLocal), 2)));
  EXPECT_TRUE(std::isnan(chain.Availability(Rule(RuleKind::kPrimary, -1), 0)));
  EXPECT_TRUE(std::isnan(chain.Availability(Rule(RuleKind::kPrimaryAndMembers, 1, {5}), 0)));
  EXPECT_TRUE(std::isnan(chain.DowntimeMinutesPerYear(Rule(RuleKind::kLocal), -1)));
  EXPECT_TRUE(std::isnan(chain.UpProbability("nowhere")));
  // A primary the rule does not use is not checked.
  EXPECT_NEAR(chain.Availability(Rule(RuleKind::kLocal, 7), 0), 100.0 / 101, 1e-14);
}

TEST(AvailabilityChainTest, RejectsBadParametersSayingWhere) {
  struct Case {
    AvailabilityTopology topology;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{{"a", -1, 10}}, {}},
       "availability: site \"a\": mtbf_s: expected a finite number of seconds >= 0, found -1"},
      {{{{"a", 10, -2}}, {}},
       "availability: site \"a\": mttr_s: expected a finite number of seconds >= 0, found -2"},
      {{{{"a", std::nan(""), 10}}, {}},
       "availability: site \"a\": mtbf_s: expected a finite number of seconds >= 0, found nan"},
      {{{{"a", 1000, 0}}, {}},
       "availability: site \"a\": mttr_s: expected a positive number of seconds when mtbf_s is "
       "positive, found 0"},
      {{{{"a"}, {"b"}}, {{{"a-b", 1000, 0}, 0, 1}}},
       "availability: link \"a-b\": mttr_s: expected a positive number of seconds when mtbf_s is "
       "positive, found 0"},
      {{{{"a"}, {"b"}}, {{{"a-b", 1000, -1}, 0, 1}}},
       "availability: link \"a-b\": mttr_s: expected a finite number of seconds >= 0, found -1"},
      {{{{"a"}, {"b"}}, {{{"a-b"}, 0, 2}}},
       "availability: link \"a-b\": b: expected a site index in [0, 2), found 2"},
      {{{{"a"}, {"b"}}, {{{"a-b"}, -1, 1}}},
       "availability: link \"a-b\": a: expected a site index in [0, 2), found -1"},
      {{{{"a"}, {"b"}}, {{{"a"}, 0, 1}}},
       "availability: link \"a\": id: expected an id no other site or link uses, found \"a\""},
  };
  for (const Case& c : cases) {
    const Result<AvailabilityChain> chain = AvailabilityChain::Solve(c.topology);
    ASSERT_FALSE(chain.ok()) << c.message;
    EXPECT_TRUE(chain.status().IsInvalid());
    EXPECT_EQ(chain.status().message(), c.message);
  }
}

TEST(AvailabilityChainTest, RefusesMoreThanTwentyFailingComponents) {
  AvailabilityTopology t;
  for (int i = 0; i < 21; ++i)
    t.sites.push_back({"s" + std::to_string(i), 1e6, 1e3});
  const Result<AvailabilityChain> chain = AvailabilityChain::Solve(t);
  ASSERT_FALSE(chain.ok());
  EXPECT_TRUE(chain.status().IsInvalid());
  EXPECT_EQ(chain.status().message(),
            "availability: expected at most 20 components that can fail (the chain has 2^k "
            "states), found 21");

  // Only components that can fail count: 17 that never fail (MTBF 0, whatever the MTTR)
  // beside 4 that can give 16 states.
  for (int i = 4; i < 21; ++i)
    t.sites[i].mtbf_s = 0;
  const AvailabilityChain small = SolveOrDie(t);
  EXPECT_EQ(small.states(), 16u);
  EXPECT_EQ(small.UpProbability("s20"), 1.0);
  EXPECT_NEAR(small.UpProbability("s3"), 1e6 / (1e6 + 1e3), 1e-12);
}

}  // namespace
}  // namespace estate

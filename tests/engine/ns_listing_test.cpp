// Object listing against a brute-force reference over 10,000 objects for many random option
// combinations (prefix, delimiter, offsets, page size, versions), paging under inserts and
// deletes between pages, and page-token errors.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/ns/namespace.h"
#include "engine/ns/page_token.h"

namespace estate {
namespace {

// One listing entry: an object generation or a delimiter prefix.
struct Entry {
  std::string name;  // object name, or the prefix
  int64_t generation = 0;
  bool is_prefix = false;
  bool live = true;
  friend bool operator==(const Entry&, const Entry&) = default;
};

std::ostream& operator<<(std::ostream& os, const Entry& e) {
  return os << (e.is_prefix ? "prefix " : "object ") << e.name << "#" << e.generation
            << (e.live ? "" : " (noncurrent)");
}

using Store = std::map<std::pair<std::string, int64_t>, bool>;  // (name, gen) -> live

// What a listing must return, all pages concatenated.
std::vector<Entry> Reference(const Store& store, const ListOptions& o) {
  std::vector<Entry> out;
  std::string last_prefix;
  bool have_prefix = false;
  for (const auto& [key, live] : store) {
    const std::string& name = key.first;
    if (!o.versions && !live) continue;
    if (!name.starts_with(o.prefix) || name < o.start_offset) continue;
    if (!o.end_offset.empty() && name >= o.end_offset) continue;
    const size_t cut =
        o.delimiter.empty() ? std::string::npos : name.find(o.delimiter, o.prefix.size());
    if (cut != std::string::npos) {
      const std::string p = name.substr(0, cut + o.delimiter.size());
      if (!have_prefix || p != last_prefix) out.push_back({p, 0, true, true});
      last_prefix = p;
      have_prefix = true;
      continue;
    }
    out.push_back({name, key.second, false, live});
  }
  return out;
}

// Merges a page's items and prefixes in listing order.
std::vector<Entry> PageEntries(const ListPage& page) {
  std::vector<Entry> out;
  for (const auto& m : page.items)
    out.push_back({m.name, m.generation, false, m.live()});
  for (const auto& p : page.prefixes)
    out.push_back({p, 0, true, true});
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.name != b.name ? a.name < b.name : a.generation < b.generation;
  });
  return out;
}

std::string RandomListingName(std::mt19937_64& rng) {
  static const char* kTop[] = {"a/", "a/b/", "a/b/c-", "d1/", "d1/x/", "d2-", "z", "a"};
  std::string name = kTop[rng() % 8];
  const int parts = static_cast<int>(rng() % 3);
  for (int p = 0; p < parts; ++p) {
    name += static_cast<char>('a' + rng() % 4);
    name += (rng() % 3 == 0) ? "/" : "-";
  }
  name += std::to_string(rng() % 1000);
  return name;
}

class ListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ns.CreateBucket({.name = "bkt", .versioning = true}, 0).ok());
  }
  void Insert(const std::string& name) {
    Result<ObjectMeta> m = ns.InsertObject("bkt", name, {}, {}, ++now, 0, {});
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    for (auto& [key, live] : store) {
      if (key.first == name) live = false;
    }
    store[{name, m->generation}] = true;
  }
  void DeleteLive(const std::string& name) {
    ASSERT_TRUE(ns.DeleteObject("bkt", name, {}, ++now).ok());
    for (auto& [key, live] : store) {
      if (key.first == name) live = false;
    }
  }
  // Lists every page; checks each page's size; returns all entries.
  std::vector<Entry> ListAll(ListOptions o) {
    std::vector<Entry> all;
    for (int pages = 0; pages < 100000; ++pages) {
      Result<ListPage> page = ns.ListObjects("bkt", o);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      const std::vector<Entry> got = PageEntries(*page);
      EXPECT_LE(static_cast<int>(got.size()), o.max_results);
      if (!page->next_page_token.empty()) {
        EXPECT_EQ(static_cast<int>(got.size()), o.max_results);  // only the last page is short
      }
      all.insert(all.end(), got.begin(), got.end());
      if (page->next_page_token.empty()) break;
      o.page_token = page->next_page_token;
    }
    return all;
  }
  Namespace ns;
  Store store;
  TimeNs now = 0;
};

TEST_F(ListingTest, RandomOptionsMatchBruteForceOver10000Objects) {
  std::mt19937_64 rng(2024);
  std::vector<std::string> names;
  while (store.size() < 10000) {
    const std::string name = RandomListingName(rng);
    Insert(name);
    names.push_back(name);
  }
  for (int i = 0; i < 300; ++i) {
    const std::string& victim = names[rng() % names.size()];
    if (ns.GetObject("bkt", victim).ok()) DeleteLive(victim);
  }
  const std::vector<std::string> prefixes = {"", "a", "a/", "a/b/", "d1/", "d2-", "zz", "a/b/c-"};
  const std::vector<std::string> delimiters = {"", "/", "-", "/c"};
  int nonempty = 0, multipage = 0;
  for (int trial = 0; trial < 250; ++trial) {
    ListOptions o;
    o.prefix = prefixes[rng() % prefixes.size()];
    o.delimiter = delimiters[rng() % delimiters.size()];
    if (rng() % 3 == 0) o.start_offset = RandomListingName(rng);
    if (rng() % 3 == 0) o.end_offset = RandomListingName(rng);
    o.max_results = rng() % 4 == 0 ? 1000 : 1 + static_cast<int>(rng() % 300);
    o.versions = rng() % 2 == 0;
    const std::vector<Entry> want = Reference(store, o);
    const std::vector<Entry> got = ListAll(o);
    nonempty += !want.empty();
    multipage += static_cast<int>(want.size()) > o.max_results;
    ASSERT_EQ(got, want) << "trial " << trial << " prefix=" << o.prefix << " delim=" << o.delimiter
                         << " start=" << o.start_offset << " end=" << o.end_offset
                         << " max=" << o.max_results << " versions=" << o.versions;
  }
  // The random options must exercise real listings, not mostly empty ones.
  EXPECT_GT(nonempty, 150);
  EXPECT_GT(multipage, 75);
}

TEST_F(ListingTest, DelimiterFoldsDirectoriesOncePerListing) {
  for (const char* n : {"a/1", "a/2", "a/b/3", "b", "c/4", "c/5", "d"})
    Insert(n);
  ListOptions o;
  o.delimiter = "/";
  o.max_results = 1;
  std::vector<Entry> all = ListAll(o);
  const std::vector<Entry> want = {
      {"a/", 0, true, true}, {"b", 1, false, true}, {"c/", 0, true, true}, {"d", 1, false, true}};
  EXPECT_EQ(all, want);
  o.prefix = "a/";
  o.max_results = 1000;
  Result<ListPage> page = ns.ListObjects("bkt", o);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].name, "a/1");
  EXPECT_EQ(page->items[1].name, "a/2");
  EXPECT_EQ(page->prefixes, std::vector<std::string>{"a/b/"});
  EXPECT_TRUE(page->next_page_token.empty());
}

TEST_F(ListingTest, VersionsListNoncurrentGenerationsByNameThenGeneration) {
  Insert("x");      // gen 1
  Insert("x");      // gen 2
  Insert("w");      // gen 1
  DeleteLive("w");  // noncurrent only
  Insert("x");      // gen 3
  ListOptions o;
  o.versions = true;
  const std::vector<Entry> want = {{"w", 1, false, false},
                                   {"x", 1, false, false},
                                   {"x", 2, false, false},
                                   {"x", 3, false, true}};
  EXPECT_EQ(ListAll(o), want);
  o.max_results = 1;
  EXPECT_EQ(ListAll(o), want);
  o.versions = false;
  o.max_results = 1000;
  EXPECT_EQ(ListAll(o), (std::vector<Entry>{{"x", 3, false, true}}));
}

TEST_F(ListingTest, PagingUnderConcurrentInsertsAndDeletes) {
  std::mt19937_64 rng(77);
  for (int round = 0; round < 20; ++round) {
    ns = Namespace();
    store.clear();
    ASSERT_TRUE(ns.CreateBucket({.name = "bkt", .versioning = round % 2 == 0}, 0).ok());
    std::vector<std::string> stable, churn;
    for (int i = 0; i < 2000; ++i) {
      const std::string name = RandomListingName(rng) + (i % 2 ? "s" : "c") + std::to_string(i);
      Insert(name);
      (i % 2 ? stable : churn).push_back(name);
    }
    ListOptions o;
    o.max_results = 5 + static_cast<int>(rng() % 50);
    o.delimiter = round % 3 == 0 ? "/" : "";
    o.versions = round % 4 == 1;
    std::vector<Entry> seen;
    for (int pages = 0;; ++pages) {
      ASSERT_LT(pages, 100000);
      Result<ListPage> page = ns.ListObjects("bkt", o);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      for (const Entry& e : PageEntries(*page))
        seen.push_back(e);
      if (page->next_page_token.empty()) break;
      o.page_token = page->next_page_token;
      // Between pages: new objects anywhere in the name space, deletions of churn objects.
      // Fewer inserts than the page size, so that the listing finishes.
      for (int k = 0; k < 3; ++k) {
        const std::string fresh = RandomListingName(rng) + "n" + std::to_string(rng() % 100000);
        Insert(fresh);
        if (!churn.empty()) {
          const size_t victim = rng() % churn.size();
          if (ns.GetObject("bkt", churn[victim]).ok()) DeleteLive(churn[victim]);
          churn.erase(churn.begin() + static_cast<long>(victim));
        }
      }
    }
    // Strictly increasing order: nothing is returned twice, prefixes included.
    for (size_t i = 1; i < seen.size(); ++i) {
      ASSERT_TRUE(seen[i - 1].name < seen[i].name ||
                  (seen[i - 1].name == seen[i].name && seen[i - 1].generation < seen[i].generation))
          << seen[i - 1] << " then " << seen[i];
    }
    // Every stable object shows up, as itself or folded into its prefix.
    std::set<std::string> items, prefixes;
    for (const Entry& e : seen)
      (e.is_prefix ? prefixes : items).insert(e.name);
    for (const std::string& s : stable) {
      const size_t cut = o.delimiter.empty() ? std::string::npos : s.find(o.delimiter);
      if (cut == std::string::npos) {
        EXPECT_TRUE(items.contains(s)) << s << " missing in round " << round;
      } else {
        EXPECT_TRUE(prefixes.contains(s.substr(0, cut + 1))) << s << " round " << round;
      }
    }
  }
}

TEST_F(ListingTest, BadPageTokens) {
  for (int i = 0; i < 5; ++i)
    Insert("o" + std::to_string(i));
  ListOptions o;
  o.page_token = "not a token!";
  EXPECT_EQ(ns.ListObjects("bkt", o).status().ToString(),
            "400 invalid: invalid page token \"not a token!\": not URL-safe base64");
  o.page_token = "AAAA";
  EXPECT_EQ(ns.ListObjects("bkt", o).status().ToString(),
            "400 invalid: invalid page token \"AAAA\": too short");

  ListOptions first;
  first.max_results = 2;
  Result<ListPage> page = ns.ListObjects("bkt", first);
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->next_page_token.empty());
  std::string tampered = page->next_page_token;
  tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
  o.page_token = tampered;
  EXPECT_EQ(ns.ListObjects("bkt", o).status().ToString(),
            "400 invalid: invalid page token \"" + tampered + "\": checksum mismatch");

  ListOptions other;  // same token, different prefix
  other.prefix = "o";
  other.page_token = page->next_page_token;
  EXPECT_EQ(ns.ListObjects("bkt", other).status().ToString(),
            "400 invalid: invalid page token: it was issued for a listing with a different "
            "prefix, delimiter, offsets or versions setting");
  // A different page size is fine.
  first.page_token = page->next_page_token;
  first.max_results = 10;
  Result<ListPage> rest = ns.ListObjects("bkt", first);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->items.size(), 3u);
  EXPECT_EQ(rest->items[0].name, "o2");
}

TEST(PageTokenTest, RoundTrips) {
  PageToken t;
  t.kind = PageToken::Kind::kAfterPrefix;
  t.key = std::string("dir/\xe2\x82\xac/", 8);
  t.generation = -3;
  t.fingerprint = 0xabcdef01;
  Result<PageToken> back = DecodePageToken(EncodePageToken(t));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->kind, t.kind);
  EXPECT_EQ(back->key, t.key);
  EXPECT_EQ(back->generation, -3);
  EXPECT_EQ(back->fingerprint, 0xabcdef01u);
}

}  // namespace
}  // namespace estate

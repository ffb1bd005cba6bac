// PagePool: pages are distinct, aligned and writable across chunk boundaries; released pages
// come back before new ones are carved; huge chunks start on a 2 MiB boundary.
#include "engine/memory/page_pool.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <iterator>
#include <set>
#include <vector>

#include "engine/memory/huge_page_allocator.h"

namespace estate {
namespace {

constexpr size_t kPage = 8192;

TEST(PagePoolTest, PagesAreDistinctAlignedAndKeepTheirBytes) {
  PagePool pool(kPage);
  // 64 KiB + 128 KiB + ... + 2 MiB + 2 MiB: past the first huge chunk.
  const size_t count = (4u << 20) / kPage + 400;
  std::vector<unsigned char*> pages;
  std::set<uintptr_t> starts;
  for (size_t i = 0; i < count; ++i) {
    auto* p = static_cast<unsigned char*>(pool.Allocate());
    ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % 64, 0u);
    std::memset(p, static_cast<int>(i & 0xff), kPage);
    pages.push_back(p);
    starts.insert(reinterpret_cast<uintptr_t>(p));
  }
  EXPECT_EQ(starts.size(), count);
  // No two pages overlap: sorted starts are at least a page apart.
  for (auto it = std::next(starts.begin()); it != starts.end(); ++it) {
    ASSERT_GE(*it - *std::prev(it), kPage);
  }
  for (size_t i = 0; i < count; ++i) {
    ASSERT_EQ(pages[i][0], static_cast<unsigned char>(i & 0xff));
    ASSERT_EQ(pages[i][kPage - 1], static_cast<unsigned char>(i & 0xff));
  }
  // Once chunks reach 2 MiB, each starts on a 2 MiB boundary, so some page does too.
  size_t on_boundary = 0;
  for (uintptr_t s : starts)
    on_boundary += s % kHugePageBytes == 0;
  EXPECT_GE(on_boundary, 2u);
}

TEST(PagePoolTest, ReleasedPagesAreReusedMostRecentFirst) {
  PagePool pool(kPage);
  void* a = pool.Allocate();
  void* b = pool.Allocate();
  void* c = pool.Allocate();
  pool.Release(a);
  pool.Release(c);
  EXPECT_EQ(pool.Allocate(), c);
  EXPECT_EQ(pool.Allocate(), a);
  void* d = pool.Allocate();
  EXPECT_NE(d, a);
  EXPECT_NE(d, b);
  EXPECT_NE(d, c);
}

#if defined(ESTATE_UNDER_ASAN)
TEST(PagePoolDeathTest, AReleasedPageIsOffLimitsUntilAllocatedAgain) {
  PagePool pool(kPage);
  auto* page = static_cast<char*>(pool.Allocate());
  pool.Release(page);
  volatile char* stale = page;
  EXPECT_DEATH(stale[100] = 1, "use-after-poison");
  auto* again = static_cast<char*>(pool.Allocate());
  ASSERT_EQ(again, page);
  again[100] = 1;  // allocated again: usable
  EXPECT_EQ(again[100], 1);
}
#endif

}  // namespace
}  // namespace estate

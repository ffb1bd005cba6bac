#include "engine/memory/huge_page_allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace estate {
namespace {

TEST(HugePageAllocatorTest, AlignsSmallArraysToTwoLinesAndLargeOnesToHugePages) {
  std::vector<uint64_t, HugePageAllocator<uint64_t>> small(10, 7);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small.data()) % 128, 0u);
  const size_t huge = HugePageAllocator<uint64_t>::kHugePage / sizeof(uint64_t) + 1;
  std::vector<uint64_t, HugePageAllocator<uint64_t>> large(huge, 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(large.data()) % HugePageAllocator<uint64_t>::kHugePage, 0u);
  // The memory is ordinary memory: written and read back in full.
  for (size_t i = 0; i < large.size(); ++i)
    large[i] = i * 3;
  uint64_t sum = 0;
  for (uint64_t v : large)
    sum += v;
  EXPECT_EQ(sum, 3 * (huge - 1) * huge / 2);
  EXPECT_EQ(small[9], 7u);
}

}  // namespace
}  // namespace estate

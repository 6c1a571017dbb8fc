#include "common/memory_trim.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "support/fake_clock.h"

namespace parley {
namespace {

TEST(MemoryTrimmerTest, ReleasesAtMostOncePerInterval) {
  test::FakeClock clock;
  int released = 0;
  MemoryTrimmer trimmer(clock, 30'000'000, [&] {
    ++released;
    return true;
  });
  EXPECT_FALSE(trimmer.maybeTrim()) << "not before the first interval has passed";
  clock.advanceMs(29'999);
  EXPECT_FALSE(trimmer.maybeTrim());
  clock.advanceMs(1);
  EXPECT_TRUE(trimmer.maybeTrim());
  EXPECT_FALSE(trimmer.maybeTrim()) << "a second caller in the same interval does nothing";
  clock.advanceMs(45'000);
  EXPECT_TRUE(trimmer.maybeTrim());
  clock.advanceMs(15'000);
  EXPECT_FALSE(trimmer.maybeTrim()) << "the interval counts from the last release";
  EXPECT_EQ(released, 2);
  EXPECT_EQ(trimmer.trims(), 2);
}

TEST(MemoryTrimmerTest, RealReleaseRunsAfterFreeingABurst) {
  // A burst of allocations freed again: the release must not disturb live memory.
  std::vector<void*> burst;
  for (int i = 0; i < 256; ++i) burst.push_back(std::malloc(64 * 1024));
  for (void* p : burst) std::free(p);
  std::vector<int> live(1000, 7);
#if defined(__GLIBC__)
  EXPECT_TRUE(releaseFreeMemory());
#else
  EXPECT_FALSE(releaseFreeMemory());
#endif
  EXPECT_EQ(live[999], 7);
}

}  // namespace
}  // namespace parley

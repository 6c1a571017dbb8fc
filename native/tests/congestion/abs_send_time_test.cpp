// abs-send-time: the 6.18 fixed-point stamp and its unwrapping across the
// 64 s wrap.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "congestion/abs_send_time.h"
#include "congestion/abs_send_time_unwrapper.h"

namespace parley::congestion {
namespace {

struct StampCase {
  std::string name;
  int64_t timeUs;
  uint32_t expected;
};

TEST(AbsSendTimeTest, StampsSixPointEighteenFixedPointModulo64Seconds) {
  const std::vector<StampCase> cases = {
      {"zero", 0, 0},
      {"one_second", 1'000'000, 1u << 18},
      {"half_second", 500'000, 1u << 17},
      {"one_tick_is_3.8us", 4, 1},  // 2^-18 s = 3.81 us
      {"below_one_tick", 3, 0},
      {"63.999999_s", 63'999'999, 0xFFFFFF},
      {"64_s_wraps", 64'000'000, 0},
      {"65.5_s", 65'500'000, (1u << 18) + (1u << 17)},
  };
  for (const StampCase& c : cases) {
    EXPECT_EQ(absSendTimeFromUs(c.timeUs), c.expected) << c.name;
  }
}

TEST(AbsSendTimeTest, UnwrapsAcrossTheWrapWithoutAJump) {
  AbsSendTimeUnwrapper unwrapper;
  const int64_t startUs = 60'000'000;
  int64_t first = 0;
  for (int64_t t = startUs; t < startUs + 200'000'000; t += 20'000) {
    const int64_t us = unwrapper.unwrapUs(absSendTimeFromUs(t));
    if (t == startUs) first = us;
    // Within two ticks of the true elapsed time, through three wraps.
    EXPECT_NEAR(static_cast<double>(us - first), static_cast<double>(t - startUs), 8.0) << t;
  }
}

TEST(AbsSendTimeTest, PacketReorderedAcrossTheWrapLandsBeforeItsSuccessor) {
  AbsSendTimeUnwrapper unwrapper;
  const int64_t a = unwrapper.unwrapUs(absSendTimeFromUs(63'990'000));
  const int64_t b = unwrapper.unwrapUs(absSendTimeFromUs(64'010'000));  // after the wrap
  const int64_t c = unwrapper.unwrapUs(absSendTimeFromUs(63'995'000));  // late, before it
  const int64_t d = unwrapper.unwrapUs(absSendTimeFromUs(64'020'000));
  EXPECT_NEAR(static_cast<double>(b - a), 20'000, 8);
  EXPECT_NEAR(static_cast<double>(c - a), 5'000, 8);
  EXPECT_NEAR(static_cast<double>(d - a), 30'000, 8);
}

TEST(AbsSendTimeTest, UsesOnlyTheLow24Bits) {
  AbsSendTimeUnwrapper plain;
  AbsSendTimeUnwrapper dirty;
  EXPECT_EQ(plain.unwrapTicks(0x123456), dirty.unwrapTicks(0xFF123456));
}

}  // namespace
}  // namespace parley::congestion

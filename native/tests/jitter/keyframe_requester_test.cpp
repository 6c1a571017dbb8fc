#include "jitter/keyframe_requester.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::jitter {
namespace {

constexpr int64_t kMs = 1000;

// Polls every millisecond from fromMs to toMs; returns when take() said yes.
std::vector<int64_t> pliTimes(KeyframeRequester& requester, int fromMs, int toMs) {
  std::vector<int64_t> times;
  for (int ms = fromMs; ms <= toMs; ++ms) {
    if (requester.take(ms * kMs)) times.push_back(ms * kMs);
  }
  return times;
}

TEST(KeyframeRequesterTest, NothingToSendUntilRequested) {
  KeyframeRequester requester(300);
  EXPECT_EQ(requester.nextDueUs(), KeyframeRequester::kNoDeadline);
  EXPECT_TRUE(pliTimes(requester, 0, 1000).empty());
  EXPECT_FALSE(requester.pending());
}

TEST(KeyframeRequesterTest, FirstRequestGoesOutAtOnceThenEveryInterval) {
  KeyframeRequester requester(300);
  requester.request(50 * kMs);
  EXPECT_EQ(requester.nextDueUs(), 50 * kMs);
  requester.request(60 * kMs);  // still the same need
  EXPECT_EQ(pliTimes(requester, 50, 1000),
            (std::vector<int64_t>{50 * kMs, 350 * kMs, 650 * kMs, 950 * kMs}));
  EXPECT_EQ(requester.requestsSent(), 4u);
}

TEST(KeyframeRequesterTest, IntervalIsAtLeastTwoRtts) {
  KeyframeRequester requester(300);
  requester.setRttMs(250);
  requester.request(0);
  EXPECT_EQ(pliTimes(requester, 0, 1200), (std::vector<int64_t>{0, 500 * kMs, 1000 * kMs}));
}

TEST(KeyframeRequesterTest, AKeyframeEndsTheNeed) {
  KeyframeRequester requester(300);
  requester.request(0);
  EXPECT_TRUE(requester.take(0));
  requester.onKeyframeReceived();
  EXPECT_FALSE(requester.pending());
  EXPECT_EQ(requester.nextDueUs(), KeyframeRequester::kNoDeadline);
  EXPECT_TRUE(pliTimes(requester, 1, 2000).empty());
}

TEST(KeyframeRequesterTest, ANewNeedSoonAfterAKeyframeStillWaitsTheInterval) {
  KeyframeRequester requester(300);
  requester.request(0);
  EXPECT_TRUE(requester.take(0));
  requester.onKeyframeReceived();
  requester.request(100 * kMs);
  EXPECT_EQ(requester.nextDueUs(), 300 * kMs);
  EXPECT_EQ(pliTimes(requester, 100, 400), std::vector<int64_t>{300 * kMs});
  requester.onKeyframeReceived();
  requester.request(2000 * kMs);
  EXPECT_TRUE(requester.take(2000 * kMs));  // long after the last one: at once
}

}  // namespace
}  // namespace parley::jitter

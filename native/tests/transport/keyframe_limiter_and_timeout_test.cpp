#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transport/keyframe_request_limiter.h"
#include "transport/media_timeout.h"

namespace parley::transport {
namespace {

struct PliCase {
  std::string name;
  int64_t atUs;
  bool forwarded;
};

TEST(KeyframeRequestLimiterTest, OnePerIntervalTable) {
  KeyframeRequestLimiter limiter(300'000);
  const std::vector<PliCase> cases = {
      {"first forwarded", 1'000'000, true},
      {"burst suppressed", 1'000'001, false},
      {"just before interval", 1'299'999, false},
      {"at interval", 1'300'000, true},
      {"again suppressed", 1'400'000, false},
      {"much later", 5'000'000, true},
  };
  for (const PliCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(limiter.onRequest(c.atUs), c.forwarded);
  }
  EXPECT_EQ(limiter.forwarded(), 3u);
  EXPECT_EQ(limiter.suppressed(), 3u);
}

TEST(KeyframeRequestLimiterTest, ManyPlisOneKeyframe) {
  KeyframeRequestLimiter limiter;  // 300 ms default
  int forwarded = 0;
  for (int i = 0; i < 100; ++i) forwarded += limiter.onRequest(i * 2'000) ? 1 : 0;  // 200 ms
  EXPECT_EQ(forwarded, 1);
}

TEST(MediaTimeoutTest, FiresOnceAfterSilenceAndRearmsOnPacket) {
  MediaTimeout timeout(10'000'000, 0);
  EXPECT_FALSE(timeout.check(9'999'999));
  EXPECT_EQ(timeout.deadlineUs(), 10'000'000);
  EXPECT_TRUE(timeout.check(10'000'000));
  EXPECT_FALSE(timeout.check(20'000'000));  // once per silence
  EXPECT_TRUE(timeout.timedOut());
  timeout.onPacket(20'000'000);
  EXPECT_FALSE(timeout.timedOut());
  EXPECT_FALSE(timeout.check(29'000'000));
  timeout.onPacket(29'000'000);  // reset by a packet
  EXPECT_FALSE(timeout.check(38'000'000));
  EXPECT_TRUE(timeout.check(39'000'000));
}

}  // namespace
}  // namespace parley::transport

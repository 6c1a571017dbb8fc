#include "audio/delay_estimator.h"

#include <gtest/gtest.h>

namespace parley::audio {
namespace {

constexpr int kRate = 48000;

// Feeds 20 ms packets sent from `fromUs` with the given extra delay each.
int64_t feed(DelayEstimator& estimator, int64_t& timestamp, int64_t& sendUs, int packets,
             int64_t extraDelayUs) {
  for (int i = 0; i < packets; ++i) {
    estimator.onPacket(timestamp, sendUs + 30'000 + extraDelayUs);
    timestamp += 960;
    sendUs += 20'000;
  }
  return sendUs;
}

TEST(AudioDelayEstimatorTest, StartsAtTheInitialDelayAndSettlesOnTheMargin) {
  DelayEstimator estimator({}, 200, kRate);
  EXPECT_EQ(estimator.targetUs(), 40'000);
  EXPECT_FALSE(estimator.baseUs().has_value());
  int64_t timestamp = 0;
  int64_t sendUs = 1'000'000;
  feed(estimator, timestamp, sendUs, 1000, 0);  // 20 s of a perfectly regular stream
  EXPECT_EQ(estimator.jitterUs(), 1'000);       // the upper edge of the first 1 ms bin
  EXPECT_EQ(estimator.targetUs(), 11'000);      // + 10 ms margin
  EXPECT_EQ(*estimator.baseUs(), 1'030'000);
}

TEST(AudioDelayEstimatorTest, GrowsAtOnceAndShrinksSlowly) {
  DelayEstimator estimator({}, 200, kRate);
  int64_t timestamp = 0;
  int64_t sendUs = 1'000'000;
  feed(estimator, timestamp, sendUs, 1000, 0);
  // A burst of late packets: 5 of them (>1 % of the histogram's weight).
  for (int i = 0; i < 5; ++i) {
    feed(estimator, timestamp, sendUs, 1, 80'000);
    feed(estimator, timestamp, sendUs, 9, 0);
  }
  EXPECT_GE(estimator.targetUs(), 90'000);
  const int64_t high = estimator.targetUs();
  feed(estimator, timestamp, sendUs, 50, 0);      // one second later
  EXPECT_GE(estimator.targetUs(), high - 6'000);  // at most 5 ms/s down
  feed(estimator, timestamp, sendUs, 3000, 0);    // a minute of calm
  EXPECT_EQ(estimator.targetUs(), 11'000);
}

TEST(AudioDelayEstimatorTest, TargetIsCapped) {
  DelayEstimator estimator({}, 120, kRate);
  int64_t timestamp = 0;
  int64_t sendUs = 1'000'000;
  for (int i = 0; i < 500; ++i) feed(estimator, timestamp, sendUs, 1, (i % 2) * 500'000);
  EXPECT_EQ(estimator.targetUs(), 120'000);
}

TEST(AudioDelayEstimatorTest, BaseFollowsClockDrift) {
  DelayEstimator estimator({}, 200, kRate);
  // Sender 1000 ppm slow: every packet arrives 20 us later than the last one would.
  int64_t timestamp = 0;
  int64_t arrivalUs = 1'000'000;
  for (int i = 0; i < 3000; ++i) {
    estimator.onPacket(timestamp, arrivalUs);
    timestamp += 960;
    arrivalUs += 20'020;
  }
  // Transit grew by 60 ms over the minute; the base lags at most one window (10 s: 10 ms).
  const int64_t lastTransit = arrivalUs - 20'020 - estimator.ticksToUs(timestamp - 960);
  EXPECT_LE(lastTransit - *estimator.baseUs(), 11'000);
  EXPECT_LE(estimator.targetUs(), 25'000);
}

TEST(AudioDelayEstimatorTest, TimestampJumpRestartsTheEstimate) {
  DelayEstimator estimator({}, 200, kRate);
  estimator.onPacket(0, 1'000'000);
  estimator.onPacket(960 * 1000, 1'020'000);  // 20 s of timestamps in 20 ms
  EXPECT_EQ(*estimator.baseUs(), 1'020'000 - 20'000'000);
}

}  // namespace
}  // namespace parley::audio

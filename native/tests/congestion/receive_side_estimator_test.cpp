// ReceiveSideEstimator: the receive-side pipeline end to end on synthetic
// streams, and when REMBs are due. Also RateWindow, its incoming-bitrate meter.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "congestion/abs_send_time.h"
#include "congestion/rate_window.h"
#include "congestion/receive_side_estimator.h"

namespace parley::congestion {
namespace {

struct Remb {
  int64_t atUs;
  uint64_t bps;
};

// A 30 fps stream at `bps`, frames split into 1200-byte packets sent 1 ms
// apart, from `fromUs` to `toUs` of send time; one-way delay 30 ms, growing
// by delayGrowth us per second from fromUs on. Polls rembDue() after every packet.
void stream(ReceiveSideEstimator& estimator, uint64_t bps, int64_t fromUs, int64_t toUs,
            double delayGrowth, std::vector<Remb>* rembs, int64_t sendClockOffsetUs = 0) {
  const size_t frameBytes = static_cast<size_t>(bps / 8 / 30);
  for (int64_t frame = fromUs; frame < toUs; frame += 33'333) {
    size_t left = frameBytes;
    for (int64_t p = 0; left > 0; ++p) {
      const size_t size = left < 1200 ? left : 1200;
      left -= size;
      const int64_t send = frame + p * 1'000;
      const int64_t arrival =
          send + 30'000 + static_cast<int64_t>(delayGrowth * static_cast<double>(send - fromUs) / 1e6);
      estimator.onPacket(arrival, absSendTimeFromUs(send + sendClockOffsetUs), size);
      uint64_t bitrate = 0;
      if (estimator.rembDue(arrival, &bitrate)) rembs->push_back({arrival, bitrate});
    }
  }
}

ReceiveSideEstimator::Config config() {
  ReceiveSideEstimator::Config c;
  c.minBitrateBps = 30'000;
  c.maxBitrateBps = 2'500'000;
  c.startBitrateBps = 300'000;
  return c;
}

TEST(ReceiveSideEstimatorTest, NoRembUntilAWindowOfTrafficHasBeenMeasured) {
  ReceiveSideEstimator estimator(config());
  std::vector<Remb> rembs;
  stream(estimator, 800'000, 0, 400'000, 0, &rembs);
  EXPECT_TRUE(rembs.empty());
  EXPECT_EQ(estimator.estimateBps(), 300'000u);
  stream(estimator, 800'000, 400'000, 700'000, 0, &rembs);
  ASSERT_FALSE(rembs.empty());
  // The first estimate is what actually arrives.
  EXPECT_NEAR(static_cast<double>(rembs[0].bps), 800'000, 80'000);
}

TEST(ReceiveSideEstimatorTest, SteadyPathGrowsTheEstimateAndReportsPeriodically) {
  ReceiveSideEstimator estimator(config());
  std::vector<Remb> rembs;
  stream(estimator, 800'000, 0, 10'000'000, 0, &rembs);
  ASSERT_GE(rembs.size(), 10u);
  for (size_t i = 1; i < rembs.size(); ++i) {
    const int64_t gap = rembs[i].atUs - rembs[i - 1].atUs;
    EXPECT_GE(gap, 200'000) << i;        // never more often than every 200 ms ...
    EXPECT_LE(gap, 1'000'000 + 40'000) << i;  // ... and at least about once a second
    EXPECT_GE(rembs[i].bps, rembs[i - 1].bps) << i;  // no decrease on a steady path
  }
  // Capped at 1.5 x what arrives (+10 kbps); a 500 ms window holds 15 or
  // 16 frames, so "what arrives" reads up to 16/15 of 800 kbps.
  EXPECT_GT(estimator.estimateBps(), 900'000u);
  EXPECT_LE(estimator.estimateBps(), 1'290'000u);
  EXPECT_NEAR(static_cast<double>(estimator.incomingBitrateBps(10'030'000)), 800'000, 60'000);
}

TEST(ReceiveSideEstimatorTest, GrowingDelaySendsALowerRembAtOnce) {
  ReceiveSideEstimator estimator(config());
  std::vector<Remb> rembs;
  stream(estimator, 800'000, 0, 5'000'000, 0, &rembs);
  const size_t before = rembs.size();
  const uint64_t last = rembs.back().bps;
  // The queue grows 100 ms per second: over-use.
  stream(estimator, 800'000, 5'000'000, 6'500'000, 100'000, &rembs);
  ASSERT_GT(rembs.size(), before);
  bool immediateDrop = false;
  for (size_t i = before; i < rembs.size(); ++i) {
    if (rembs[i].bps < last * 97 / 100 && rembs[i].atUs - rembs[i - 1].atUs < 1'000'000) immediateDrop = true;
  }
  EXPECT_TRUE(immediateDrop);
  // beta * incoming: with the queue growing 10% of the time, 800 kbps
  // arrives as 800 / 1.1 = 727 kbps.
  EXPECT_NEAR(static_cast<double>(estimator.estimateBps()), 0.85 * 800'000 / 1.1, 40'000);
}

TEST(ReceiveSideEstimatorTest, SendTimesWrappingAt64SecondsAreNotMistakenForDelay) {
  ReceiveSideEstimator estimator(config());
  std::vector<Remb> rembs;
  // The sender's clock reads 58 s at the start: the 24-bit stamp wraps 6 s in.
  stream(estimator, 800'000, 0, 12'000'000, 0, &rembs, 58'000'000);
  ASSERT_FALSE(rembs.empty());
  for (size_t i = 1; i < rembs.size(); ++i) EXPECT_GE(rembs[i].bps, rembs[i - 1].bps) << i;
}

TEST(ReceiveSideEstimatorTest, GarbageTimestampsNeverCrashOrStall) {
  ReceiveSideEstimator estimator(config());
  uint64_t x = 12345;
  int64_t arrival = 0;
  for (int i = 0; i < 20'000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    arrival += static_cast<int64_t>(x >> 60) * 100;
    estimator.onPacket(arrival, static_cast<uint32_t>(x >> 20), static_cast<size_t>(x >> 54));
    uint64_t bps = 0;
    if (estimator.rembDue(arrival, &bps)) {
      EXPECT_GE(bps, 30'000u);
      EXPECT_LE(bps, 2'500'000u);
    }
  }
}

TEST(RateWindowTest, MeasuresOverTheLastWindow) {
  RateWindow window(500'000);
  EXPECT_EQ(window.bitrateBps(0), 0u);
  EXPECT_FALSE(window.valid(0));
  for (int64_t t = 0; t < 1'000'000; t += 10'000) window.add(t, 1250);  // 1 Mbps
  EXPECT_TRUE(window.valid(990'000));
  EXPECT_EQ(window.bitrateBps(990'000), 1'000'000u);
  // Nothing new: samples leave as the window slides on.
  EXPECT_EQ(window.bitrateBps(1'240'000), 500'000u);
  EXPECT_EQ(window.bitrateBps(1'500'000), 0u);
}

TEST(RateWindowTest, BoundedSampleCountDropsOldest) {
  RateWindow window(500'000, 10);
  for (int i = 0; i < 25; ++i) window.add(i, 100);
  EXPECT_EQ(window.droppedSamples(), 15u);
  EXPECT_EQ(window.bitrateBps(25), 10u * 100 * 8 * 2);  // 1000 B over 0.5 s
}

}  // namespace
}  // namespace parley::congestion

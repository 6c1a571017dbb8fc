// TrendlineEstimator + OveruseDetector on synthetic one-way delay ramps
// (draft-ietf-rmcat-gcc-02 sections 5.3 and 5.4): no over-use on a constant
// delay however jittery, over-use when the delay grows, under-use when it
// shrinks.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "congestion/overuse_detector.h"
#include "congestion/trendline_estimator.h"

namespace parley::congestion {
namespace {

// Deterministic uniform [0, 1) (SplitMix64).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  double next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) / 9007199254740992.0;
  }

 private:
  uint64_t state_;
};

struct RampCase {
  std::string name;
  double growthMsPerSecond;  // queuing delay added per second of time (0 = constant)
  int64_t jitterUs;          // uniform [0, jitter] per group
  BandwidthUsage expected;   // the signal that must (or must never) appear
  bool mustAppear;
  double maxSecondsToAppear;
  int maxFalseSignals = 0;  // when it must not appear: how many updates may show it anyway
};

struct RampResult {
  int overuse = 0;
  int underuse = 0;
  double firstOveruseS = -1;
  double firstUnderuseS = -1;
};

RampResult runRamp(const RampCase& c, uint64_t seed) {
  TrendlineEstimator trendline;
  OveruseDetector detector;
  Random random(seed);
  RampResult result;
  const int64_t groupUs = 33'333;  // one group per 30 fps frame
  int64_t previousSend = 0;
  int64_t previousArrival = 0;
  for (int i = 0; i < 30 * 20; ++i) {  // 20 s
    const int64_t send = i * groupUs;
    const double seconds = static_cast<double>(send) / 1e6;
    const int64_t delay = 40'000 + static_cast<int64_t>(c.growthMsPerSecond * 1000.0 * seconds) +
                          static_cast<int64_t>(random.next() * static_cast<double>(c.jitterUs));
    const int64_t arrival = send + delay;
    if (i > 0) {
      trendline.update(send - previousSend, arrival - previousArrival, arrival);
      const BandwidthUsage usage = detector.detect(trendline.modifiedTrend(), send - previousSend, arrival);
      if (usage == BandwidthUsage::kOverusing) {
        ++result.overuse;
        if (result.firstOveruseS < 0) result.firstOveruseS = seconds;
      } else if (usage == BandwidthUsage::kUnderusing) {
        ++result.underuse;
        if (result.firstUnderuseS < 0) result.firstUnderuseS = seconds;
      }
    }
    previousSend = send;
    previousArrival = arrival;
  }
  return result;
}

TEST(DelayGradientTest, DetectsGrowingDelayButNotJitter) {
  const std::vector<RampCase> cases = {
      {"constant_delay", 0, 0, BandwidthUsage::kOverusing, false, 0},
      {"constant_delay_5ms_jitter", 0, 5'000, BandwidthUsage::kOverusing, false, 0},
      {"constant_delay_20ms_jitter", 0, 20'000, BandwidthUsage::kOverusing, false, 0},
      // Uncorrelated jitter larger than the frame interval: the detector is
      // tuned sensitive (threshold floor 3, see OveruseDetector::Config), so
      // it may flicker, but on under 2% of the updates.
      {"constant_delay_40ms_jitter_rarely", 0, 40'000, BandwidthUsage::kOverusing, false, 0, 12},
      {"constant_delay_20ms_jitter_no_underuse", 0, 20'000, BandwidthUsage::kUnderusing, false, 0},
      // 5% over the bottleneck: the queue grows 50 ms per second.
      {"5pct_overuse", 50, 0, BandwidthUsage::kOverusing, true, 1.5},
      {"5pct_overuse_with_5ms_jitter", 50, 5'000, BandwidthUsage::kOverusing, true, 2.0},
      {"20pct_overuse", 200, 0, BandwidthUsage::kOverusing, true, 1.0},
      {"50pct_overuse_with_10ms_jitter", 500, 10'000, BandwidthUsage::kOverusing, true, 1.0},
      // A queue emptying at 10% of the link rate.
      {"draining_queue", -100, 0, BandwidthUsage::kUnderusing, true, 1.0},
  };
  for (const RampCase& c : cases) {
    for (uint64_t seed : {1u, 2u, 3u}) {
      const RampResult r = runRamp(c, seed);
      const int count = c.expected == BandwidthUsage::kOverusing ? r.overuse : r.underuse;
      const double first = c.expected == BandwidthUsage::kOverusing ? r.firstOveruseS : r.firstUnderuseS;
      if (c.mustAppear) {
        EXPECT_GT(count, 0) << c.name << " seed " << seed;
        EXPECT_GE(first, 0) << c.name;
        EXPECT_LE(first, c.maxSecondsToAppear) << c.name << " seed " << seed;
      } else {
        EXPECT_LE(count, c.maxFalseSignals) << c.name << " seed " << seed << " first at " << first << " s";
      }
    }
  }
}

TEST(DelayGradientTest, TrendlineSlopeMatchesTheRamp) {
  TrendlineEstimator trendline;
  for (int i = 1; i <= 100; ++i) {
    // 10 ms more delay per 100 ms: slope 0.1.
    trendline.update(100'000, 110'000, i * 110'000);
  }
  EXPECT_NEAR(trendline.trend(), 0.1 / 1.1, 0.01);  // per ms of arrival time
  EXPECT_EQ(trendline.deltaCount(), 60);
  EXPECT_NEAR(trendline.modifiedTrend(), 60 * 4 * trendline.trend(), 1e-9);
}

TEST(DelayGradientTest, TrendIsZeroUntilTheWindowFills) {
  TrendlineEstimator trendline;
  for (int i = 1; i < 20; ++i) trendline.update(10'000, 20'000, i * 20'000);
  EXPECT_EQ(trendline.modifiedTrend(), 0.0);
  trendline.update(10'000, 20'000, 20 * 20'000);
  EXPECT_GT(trendline.modifiedTrend(), 0.0);
}

TEST(OveruseDetectorTest, ThresholdFollowsTheSignalWithinBounds) {
  OveruseDetector detector;
  EXPECT_DOUBLE_EQ(detector.threshold(), 12.5);
  int64_t now = 0;
  // Quiet signal: the threshold comes down to its floor.
  for (int i = 0; i < 100; ++i) detector.detect(0.0, 33'000, now += 33'000);
  EXPECT_DOUBLE_EQ(detector.threshold(), OveruseDetector::Config{}.minThreshold);
  // A persistent moderate signal drags it up (k_u) but never past |m| ...
  // (16 is within 15 of the floor, so it counts as signal, not spike.)
  for (int i = 0; i < 300; ++i) detector.detect(-16.0, 33'000, now += 33'000);
  EXPECT_GT(detector.threshold(), 15.0);
  EXPECT_LE(detector.threshold(), 16.0);
  // ... and a spike far above it is ignored (no update).
  const double before = detector.threshold();
  detector.detect(before + 100.0, 33'000, now += 33'000);
  EXPECT_DOUBLE_EQ(detector.threshold(), before);
}

TEST(OveruseDetectorTest, OveruseNeedsTimeAboveTheThresholdAndARisingSignal) {
  OveruseDetector detector;
  int64_t now = 0;
  // One sample above: not yet (needs > 10 ms and two samples).
  EXPECT_EQ(detector.detect(50.0, 33'000, now += 33'000), BandwidthUsage::kNormal);
  EXPECT_EQ(detector.detect(51.0, 33'000, now += 33'000), BandwidthUsage::kOverusing);
  // Above the threshold but falling: no new over-use signal is raised.
  OveruseDetector falling;
  falling.detect(50.0, 33'000, now += 33'000);
  EXPECT_EQ(falling.detect(40.0, 33'000, now += 33'000), BandwidthUsage::kNormal);
}

}  // namespace
}  // namespace parley::congestion

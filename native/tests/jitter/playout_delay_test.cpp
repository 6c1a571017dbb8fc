#include "jitter/playout_delay.h"

#include <gtest/gtest.h>

#include <random>
#include <ostream>
#include <string>

namespace parley::jitter {
namespace {

constexpr int64_t kMs = 1000;
constexpr int64_t kFrameTicks = 3000;  // 30 fps at 90 kHz
constexpr int64_t kLatencyUs = 40 * kMs;

// Feeds 30 fps frames whose transit is latency + an extra delay.
class FrameFeeder {
 public:
  explicit FrameFeeder(PlayoutDelay& delay) : delay_(delay) {}
  // Returns the completion time used.
  int64_t feed(int64_t extraUs, bool retransmitted = false) {
    const int64_t timestamp = next_++ * kFrameTicks;
    const int64_t completeUs = PlayoutDelay::rtpToUs(timestamp) + kLatencyUs + extraUs;
    delay_.onFrameComplete(timestamp, completeUs, retransmitted);
    return completeUs;
  }
  int64_t lastTimestamp() const { return (next_ - 1) * kFrameTicks; }
  void jumpTimestamps(int64_t ticks) { next_ += ticks / kFrameTicks; }

 private:
  PlayoutDelay& delay_;
  int64_t next_ = 0;
};

TEST(PlayoutDelayTest, RtpTicksConvertToMicroseconds) {
  EXPECT_EQ(PlayoutDelay::rtpToUs(90'000), 1'000'000);
  EXPECT_EQ(PlayoutDelay::rtpToUs(3000), 33'333);
  EXPECT_EQ(PlayoutDelay::rtpToUs(-90), -1000);
  EXPECT_EQ(PlayoutDelay::rtpToUs(int64_t{1} << 52), (int64_t{1} << 52) / 9 * 100 + 77);
}

TEST(PlayoutDelayTest, RegularStreamGetsNoDelay) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  EXPECT_FALSE(delay.expectedArrivalUs(0).has_value());
  int64_t completeUs = 0;
  for (int i = 0; i < 300; ++i) completeUs = feeder.feed(0);
  EXPECT_EQ(delay.jitterUs(), 0);
  EXPECT_EQ(delay.targetDelayUs(), 0);
  EXPECT_EQ(delay.currentDelayUs(), 0);
  EXPECT_EQ(delay.expectedArrivalUs(feeder.lastTimestamp()), completeUs);
}

// Relative delays 0, 1, ..., 19 ms: the 95th percentile of 20 samples is the
// 19th smallest, 18 ms. Past the 8 ms tolerated, 10 ms are left; the target
// adds min(10, 10) ms of margin to them.
TEST(PlayoutDelayTest, HandComputedQuantileToleranceAndMargin) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  for (int i = 0; i < 20; ++i) feeder.feed(i * kMs);
  EXPECT_EQ(delay.jitterUs(), 18 * kMs);
  EXPECT_EQ(delay.targetDelayUs(), 20 * kMs);
  EXPECT_EQ(delay.currentDelayUs(), 20 * kMs);
}

// The same without the tolerance: 18 ms of jitter plus min(18, 10) of margin.
TEST(PlayoutDelayTest, HandComputedWithoutTolerance) {
  PlayoutDelay::Config config;
  config.toleratedJitterMs = 0;
  PlayoutDelay delay(config, 400);
  FrameFeeder feeder(delay);
  for (int i = 0; i < 20; ++i) feeder.feed(i * kMs);
  EXPECT_EQ(delay.targetDelayUs(), 28 * kMs);
}

// Jitter below what a display shows adds no delay (the lowest latency wins);
// above it the target grows continuously, without a jump at the threshold.
TEST(PlayoutDelayTest, JitterBelowTheToleranceAddsNoDelay) {
  const int64_t tolerated = PlayoutDelay::Config().toleratedJitterMs * kMs;
  std::mt19937 rng(11);
  int64_t previousTarget = 0;
  for (int jitterMs : {2, 4, 6, 8, 9, 10, 12, 16}) {
    PlayoutDelay delay(PlayoutDelay::Config(), 400);
    FrameFeeder feeder(delay);
    std::uniform_int_distribution<int64_t> extra(0, jitterMs * kMs);
    for (int i = 0; i < 90; ++i) feeder.feed(extra(rng));
    SCOPED_TRACE("jitter " + std::to_string(jitterMs) + " ms");
    if (delay.jitterUs() <= tolerated) {
      EXPECT_EQ(delay.targetDelayUs(), 0);
    } else {
      EXPECT_EQ(delay.targetDelayUs(), 2 * (delay.jitterUs() - tolerated));
    }
    EXPECT_GE(delay.targetDelayUs(), previousTarget) << "monotonic in the jitter";
    EXPECT_LE(delay.targetDelayUs() - previousTarget, 2 * 4 * kMs) << "no jump";
    previousTarget = delay.targetDelayUs();
  }
}

TEST(PlayoutDelayTest, ExpectedArrivalFollowsTheFastestFrame) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  feeder.feed(20 * kMs);
  feeder.feed(0);
  feeder.feed(10 * kMs);
  EXPECT_EQ(delay.expectedArrivalUs(90'000), 1'000'000 + kLatencyUs);
}

struct JitterCase {
  std::string name;
  int jitterMs;  // uniform extra delay in [0, jitterMs] per frame
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const JitterCase& c, std::ostream* os) { *os << c.name; }

class PlayoutDelayJitterTest : public ::testing::TestWithParam<JitterCase> {};

TEST_P(PlayoutDelayJitterTest, TargetCoversTheJitter) {
  const int jitterMs = GetParam().jitterMs;
  const int64_t tolerated = PlayoutDelay::Config().toleratedJitterMs * kMs;
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int64_t> extra(0, jitterMs * kMs);
  int late = 0;
  for (int i = 0; i < 600; ++i) {
    const int64_t extraUs = extra(rng);
    // Late: the frame completes after expected arrival + current delay, by
    // more than the tolerated jitter.
    if (i >= 300 && extraUs > delay.currentDelayUs() + tolerated) ++late;
    feeder.feed(extraUs);
  }
  EXPECT_GE(delay.jitterUs(), jitterMs * kMs * 85 / 100);
  EXPECT_LE(delay.jitterUs(), jitterMs * kMs);
  EXPECT_GE(delay.targetDelayUs(), jitterMs * kMs * 9 / 10 - tolerated);
  EXPECT_LE(delay.targetDelayUs(), (jitterMs + 10) * kMs);
  EXPECT_LE(late, 300 / 20);  // at most ~5 % of frames miss their time
}

INSTANTIATE_TEST_SUITE_P(Levels, PlayoutDelayJitterTest,
                         ::testing::Values(JitterCase{"Jitter10ms", 10},
                                           JitterCase{"Jitter30ms", 30},
                                           JitterCase{"Jitter100ms", 100}),
                         [](const ::testing::TestParamInfo<JitterCase>& info) {
                           return info.param.name;
                         });

TEST(PlayoutDelayTest, GrowsAtOnceAndShrinksSlowly) {
  PlayoutDelay::Config config;
  config.toleratedJitterMs = 0;  // the dynamics, not the tolerance, are under test
  PlayoutDelay delay(config, 400);
  FrameFeeder feeder(delay);
  for (int i = 0; i < 90; ++i) feeder.feed(0);
  std::mt19937 rng(3);
  std::uniform_int_distribution<int64_t> extra(0, 30 * kMs);
  for (int i = 0; i < 30; ++i) feeder.feed(extra(rng));  // one second of 30 ms jitter
  const int64_t grown = delay.currentDelayUs();
  EXPECT_GE(grown, 25 * kMs);

  int64_t previous = grown;
  for (int i = 0; i < 30 * 10; ++i) {  // ten seconds of a regular stream
    feeder.feed(0);
    const int64_t now = delay.currentDelayUs();
    EXPECT_LE(now, previous);
    EXPECT_LE(previous - now, 700) << "shrinks by at most 20 ms/s";
    previous = now;
    if (i == 30) {
      EXPECT_GE(now, 25 * kMs) << "still covered after one second";
    }
  }
  EXPECT_EQ(delay.currentDelayUs(), 0);
  EXPECT_EQ(delay.targetDelayUs(), 0);
}

struct CapCase {
  std::string name;
  int maxDelayMs;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const CapCase& c, std::ostream* os) { *os << c.name; }

class PlayoutDelayCapTest : public ::testing::TestWithParam<CapCase> {};

TEST_P(PlayoutDelayCapTest, NeverAboveTheCap) {
  const int64_t capUs = GetParam().maxDelayMs * kMs;
  PlayoutDelay delay(PlayoutDelay::Config(), GetParam().maxDelayMs);
  FrameFeeder feeder(delay);
  std::mt19937 rng(11);
  std::uniform_int_distribution<int64_t> extra(0, 2000 * kMs);
  for (int i = 0; i < 600; ++i) {
    feeder.feed(extra(rng));
    ASSERT_LE(delay.targetDelayUs(), capUs);
    ASSERT_LE(delay.currentDelayUs(), capUs);
  }
  EXPECT_EQ(delay.currentDelayUs(), capUs);  // the jitter is far beyond any cap
}

INSTANTIATE_TEST_SUITE_P(Caps, PlayoutDelayCapTest,
                         ::testing::Values(CapCase{"Zero", 0}, CapCase{"Cap150ms", 150},
                                           CapCase{"Default400ms", 400}),
                         [](const ::testing::TestParamInfo<CapCase>& info) {
                           return info.param.name;
                         });

TEST(PlayoutDelayTest, RetransmittedFramesAreNotSampled) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  for (int i = 0; i < 30; ++i) feeder.feed(0);
  const size_t samples = delay.sampleCount();
  feeder.feed(250 * kMs, /*retransmitted=*/true);
  EXPECT_EQ(delay.sampleCount(), samples);
  EXPECT_EQ(delay.jitterUs(), 0);
  EXPECT_EQ(delay.currentDelayUs(), 0);
}

TEST(PlayoutDelayTest, TimestampJumpRestartsTheEstimate) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  FrameFeeder feeder(delay);
  for (int i = 0; i < 60; ++i) feeder.feed(i % 2 == 0 ? 0 : 40 * kMs);
  EXPECT_GT(delay.jitterUs(), 0);
  // The sender's timestamps jump back an hour while frames keep arriving on time.
  const int64_t timestamp = feeder.lastTimestamp() - 3600 * 90'000;
  const int64_t completeUs = PlayoutDelay::rtpToUs(feeder.lastTimestamp()) + kLatencyUs + 33'333;
  delay.onFrameComplete(timestamp, completeUs, false);
  EXPECT_EQ(delay.sampleCount(), 1u);
  EXPECT_EQ(delay.jitterUs(), 0);
  EXPECT_EQ(delay.expectedArrivalUs(timestamp), completeUs);
}

}  // namespace
}  // namespace parley::jitter

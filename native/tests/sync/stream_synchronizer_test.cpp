#include "sync/stream_synchronizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace parley::sync {
namespace {

constexpr int64_t kMs = 1000;
constexpr int64_t kSecondUs = 1'000'000;
constexpr int64_t kNtpEpochUs = int64_t{3'973'000'000} * kSecondUs;
// The receiver's clock reads the sender's time plus this (they are unrelated).
constexpr int64_t kReceiverOffsetUs = -3'000'000'000'000;

// Delays of both streams from capture to playout. The synchronizer's delays
// take effect at once here (the closed-loop test has the real lag).
struct PathModel {
  int audioPathMs = 20;     // capture, network, decoding: everything but the buffer
  int audioBufferMs = 130;  // the audio jitter buffer's own delay
  int videoPathMs = 40;
  int videoJitterMs = 10;   // the video jitter buffer's own delay
  int pointJitterMs = 0;    // playout points reported up to this much off (+/-)
};

struct Case {
  std::string name;
  PathModel model;
  bool audioApplied = false;
  int expectedVideoMinimumMs = 0;
  int expectedAudioExtraMs = 0;
  bool offsetCorrectable = true;  // false: the fix is an audio wish nobody applies
  int updatesToConverge = 3;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

// Drives a StreamSynchronizer once a second over the path model: sender
// reports from one NTP clock, the playout points of that second, update().
class SyncHarness {
 public:
  SyncHarness(const PathModel& model, StreamSynchronizer::Config config, uint32_t seed = 7)
      : model_(model), audioApplied_(config.audioExtraApplied), sync_(config), rng_(seed) {}

  int videoDelayMs() const {
    return std::max(model_.videoJitterMs, std::min(sync_.delays().videoMinimumDelayMs, 1000));
  }
  int audioDelayMs() const {
    return model_.audioBufferMs + (audioApplied_ ? sync_.delays().audioExtraDelayMs : 0);
  }
  // Video playout minus audio playout of the same capture instant.
  int trueOffsetMs() const {
    return (model_.videoPathMs + videoDelayMs()) - (model_.audioPathMs + audioDelayMs());
  }

  bool second() {
    senderUs_ += kSecondUs;
    const int64_t s = senderUs_;
    sync_.onAudioSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs + s - 30 * kMs),
                              audioRtp(s - 30 * kMs));
    sync_.onVideoSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs + s - 10 * kMs),
                              videoRtp(s - 10 * kMs));
    const int64_t audioTotalUs = (model_.audioPathMs + audioDelayMs()) * kMs;
    const int64_t audioCaptureUs = (s - audioTotalUs) / (20 * kMs) * (20 * kMs);
    sync_.onAudioPlayout(audioRtp(audioCaptureUs),
                         audioCaptureUs + audioTotalUs + kReceiverOffsetUs + jitterUs());
    const int64_t videoTotalUs = (model_.videoPathMs + videoDelayMs()) * kMs;
    const int64_t videoCaptureUs = (s - videoTotalUs) / 33'333 * 33'333;
    sync_.onVideoPlayout(videoRtp(videoCaptureUs),
                         videoCaptureUs + videoTotalUs + kReceiverOffsetUs + jitterUs());
    return sync_.update(s + kReceiverOffsetUs, videoDelayMs(), audioDelayMs());
  }

  void setModel(const PathModel& model) { model_ = model; }
  StreamSynchronizer& sync() { return sync_; }
  int64_t nowUs() const { return senderUs_ + kReceiverOffsetUs; }

 private:
  static uint32_t audioRtp(int64_t senderUs) {
    return 0xFFF0'0000u + static_cast<uint32_t>(senderUs * 48 / 1000);  // wraps early
  }
  static uint32_t videoRtp(int64_t senderUs) {
    return 123'456u + static_cast<uint32_t>(senderUs * 90 / 1000);
  }
  int64_t jitterUs() {
    if (model_.pointJitterMs == 0) return 0;
    std::uniform_int_distribution<int64_t> d(-model_.pointJitterMs * kMs, model_.pointJitterMs * kMs);
    return d(rng_);
  }

  PathModel model_;
  bool audioApplied_;
  StreamSynchronizer sync_;
  std::mt19937 rng_;
  int64_t senderUs_ = 100 * kSecondUs;
};

class StreamSynchronizerTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(StreamSynchronizerTableTest, ConvergesInBoundedStepsAndStays) {
  const Case& c = GetParam();
  StreamSynchronizer::Config config;
  config.audioExtraApplied = c.audioApplied;
  SyncHarness harness(c.model, config);
  StreamSynchronizer::Delays previous;
  int previousVideoMs = harness.videoDelayMs();
  int previousAudioMs = harness.audioDelayMs();
  std::vector<int> minima;
  std::vector<int> extras;
  for (int update = 1; update <= 40; ++update) {
    harness.second();
    const StreamSynchronizer::Delays& now = harness.sync().delays();
    // What the buffers apply moves by at most 80 ms per update (the minimum
    // itself may start above the buffer's own delay), the audio wish too.
    EXPECT_LE(std::abs(harness.videoDelayMs() - previousVideoMs), 80) << update;
    EXPECT_LE(std::abs(harness.audioDelayMs() - previousAudioMs), 80) << update;
    EXPECT_LE(std::abs(now.audioExtraDelayMs - previous.audioExtraDelayMs), 80) << update;
    previous = now;
    previousVideoMs = harness.videoDelayMs();
    previousAudioMs = harness.audioDelayMs();
    if (update >= c.updatesToConverge) {
      if (c.offsetCorrectable) {
        EXPECT_LT(std::abs(harness.trueOffsetMs()), 40) << update;
      }
      minima.push_back(now.videoMinimumDelayMs);
      extras.push_back(now.audioExtraDelayMs);
    }
  }
  const int tolerance = 10 + c.model.pointJitterMs;
  EXPECT_NEAR(previous.videoMinimumDelayMs, c.expectedVideoMinimumMs, tolerance);
  EXPECT_NEAR(previous.audioExtraDelayMs, c.expectedAudioExtraMs, tolerance);
  // No oscillation once converged: jitter in the points moves the delays by
  // little, without it they stay put.
  const int maxRange = c.model.pointJitterMs == 0 ? 0 : 20;
  EXPECT_LE(*std::max_element(minima.begin(), minima.end()) -
                *std::min_element(minima.begin(), minima.end()),
            maxRange);
  EXPECT_LE(*std::max_element(extras.begin(), extras.end()) -
                *std::min_element(extras.begin(), extras.end()),
            maxRange);
  ASSERT_TRUE(harness.sync().offsetMs().has_value());
  EXPECT_EQ(harness.sync().stats().measurements, 40u);
}

PathModel model(int audioBufferMs, int videoJitterMs, int pointJitterMs = 0) {
  PathModel m;
  m.audioBufferMs = audioBufferMs;
  m.videoJitterMs = videoJitterMs;
  m.pointJitterMs = pointJitterMs;
  return m;
}

// Audio path 20 ms + buffer; video path 40 ms + jitter delay.
INSTANTIATE_TEST_SUITE_P(
    Cases, StreamSynchronizerTableTest,
    ::testing::Values(
        // Audio 150 ms, video 50 ms: video held back to 110 ms of buffer.
        Case{"AudioLater100ms", model(130, 10), false, 110, 0, true, 2},
        Case{"InSync", model(30, 10), false, 0, 0, true, 1},
        Case{"WithinDeadband", model(36, 10), false, 0, 0, true, 1},
        // The video buffer's own 60 ms count: the minimum is 60 + 30.
        Case{"AudioLaterWithVideoJitterDelay", model(110, 60), false, 90, 0, true, 1},
        Case{"AudioLater300msTakesFourSteps", model(330, 10), false, 310, 0, true, 4},
        Case{"AudioLaterBeyondTheCap", model(1600, 10), false, 1000, 0, false, 14},
        // Video 120 ms late: only audio can wait; reported as a wish...
        Case{"VideoLater120msAudioWish", model(0, 90), false, 0, 110, false, 2},
        // ... or applied, which closes the offset.
        Case{"VideoLater120msAudioApplied", model(0, 90), true, 0, 110, true, 2},
        // Playout points +/- 15 ms off: still within 40 ms and steady.
        Case{"AudioLater100msJitteryPoints", model(130, 10, 15), false, 110, 0, true, 3},
        Case{"VideoLaterJitteryPointsApplied", model(0, 90, 15), true, 0, 110, true, 3}),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

// Audio first 150 ms, then its buffer drains to 10 ms: the video minimum comes
// down in steps, and once it is gone audio is delayed for the rest.
TEST(StreamSynchronizerTest, MinimumComesDownBeforeAudioIsDelayed) {
  StreamSynchronizer::Config config;
  config.audioExtraApplied = true;
  SyncHarness harness(model(130, 10), config);
  for (int i = 0; i < 10; ++i) harness.second();
  EXPECT_NEAR(harness.sync().delays().videoMinimumDelayMs, 110, 10);
  harness.setModel(model(0, 40));  // audio total 20 ms, video jitter delay 40 ms
  int lastMinimum = harness.sync().delays().videoMinimumDelayMs;
  for (int i = 0; i < 20; ++i) {
    harness.second();
    const StreamSynchronizer::Delays& d = harness.sync().delays();
    EXPECT_LE(d.videoMinimumDelayMs, lastMinimum);  // never up on the way down
    EXPECT_GE(d.videoMinimumDelayMs, lastMinimum - 80);
    lastMinimum = d.videoMinimumDelayMs;
  }
  EXPECT_EQ(harness.sync().delays().videoMinimumDelayMs, 0);
  // Video 40 + 40, audio 20 + 0: 60 ms of audio extra.
  EXPECT_NEAR(harness.sync().delays().audioExtraDelayMs, 60, 10);
  EXPECT_LT(std::abs(harness.trueOffsetMs()), 40);
}

TEST(StreamSynchronizerTest, ActsAtMostOncePerInterval) {
  SyncHarness harness(model(130, 10), StreamSynchronizer::Config());
  EXPECT_TRUE(harness.second());
  const int afterFirst = harness.sync().delays().videoMinimumDelayMs;
  EXPECT_EQ(afterFirst, 90);  // 10 ms jitter delay + one 80 ms step
  StreamSynchronizer& sync = harness.sync();
  for (int64_t dt = 100 * kMs; dt < kSecondUs; dt += 100 * kMs) {
    EXPECT_FALSE(sync.update(harness.nowUs() + dt, afterFirst, 130));
  }
  EXPECT_EQ(sync.delays().videoMinimumDelayMs, afterFirst);
  EXPECT_EQ(sync.stats().updates, 1u);
}

TEST(StreamSynchronizerTest, NothingWithoutReportsOrRecentPlayout) {
  StreamSynchronizer sync;
  const int64_t t = 50 * kSecondUs;
  EXPECT_FALSE(sync.update(t, 0, 100));
  EXPECT_EQ(sync.stats().skippedNoPlayout, 1u);
  sync.onAudioPlayout(1000, t + kSecondUs);
  sync.onVideoPlayout(2000, t + kSecondUs);
  EXPECT_FALSE(sync.update(t + kSecondUs, 0, 100));
  EXPECT_EQ(sync.stats().skippedNoClock, 1u);
  sync.onAudioSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs), 1000);
  EXPECT_FALSE(sync.update(t + 2 * kSecondUs, 0, 100));
  EXPECT_EQ(sync.stats().skippedNoClock, 2u);
  sync.onVideoSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs), 2000);
  // Points 3 s old: a stream stopped.
  EXPECT_FALSE(sync.update(t + 4 * kSecondUs, 0, 100));
  EXPECT_EQ(sync.stats().skippedNoPlayout, 2u);
  EXPECT_FALSE(sync.offsetMs().has_value());
  // Shown together, but video captured 8 s after audio: implausible.
  sync.onAudioPlayout(1000, t + 5 * kSecondUs);
  sync.onVideoPlayout(2000 + 8 * 90'000, t + 5 * kSecondUs);
  EXPECT_FALSE(sync.update(t + 5 * kSecondUs, 0, 100));
  EXPECT_EQ(sync.stats().implausible, 1u);
  // Fresh and sane: measured (video 40 ms after audio, same capture).
  sync.onAudioPlayout(1000, t + 6 * kSecondUs);
  sync.onVideoPlayout(2000, t + 6 * kSecondUs + 40 * kMs);
  sync.update(t + 6 * kSecondUs, 0, 100);
  ASSERT_TRUE(sync.offsetMs().has_value());
  EXPECT_EQ(*sync.offsetMs(), 40);
  EXPECT_EQ(sync.delays().videoMinimumDelayMs, 0);
  EXPECT_EQ(sync.delays().audioExtraDelayMs, 40);  // a wish: not applied by default
  sync.reset();
  EXPECT_FALSE(sync.offsetMs().has_value());
  EXPECT_EQ(sync.delays().audioExtraDelayMs, 0);
}

}  // namespace
}  // namespace parley::sync

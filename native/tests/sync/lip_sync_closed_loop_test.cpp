// Lip sync end to end on a fake clock: one sender captures audio (48 kHz) and
// video (90 kHz) at the same instants with random RTP offsets and reports both
// against one NTP clock; the receiver plays audio 150 ms after capture and
// video through the real VideoJitterBuffer (about 40 ms after capture), and a
// StreamSynchronizer holds video back through SyncTarget. After convergence
// the skew between audio and video of the same capture instant must stay
// under the 40 ms of the requirement.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <ostream>
#include <random>
#include <string>

#include "jitter/video_jitter_buffer.h"
#include "support/fake_clock.h"
#include "sync/rtp_to_ntp_estimator.h"
#include "sync/stream_synchronizer.h"
#include "sync/sync_target.h"
#include "video/video_packet.h"

namespace parley::sync {
namespace {

constexpr int64_t kMs = 1000;
constexpr int64_t kSecondUs = 1'000'000;
constexpr int64_t kNtpEpochUs = int64_t{3'973'000'000} * kSecondUs;
constexpr int64_t kFrameTicks = 3000;  // 30 fps
constexpr int64_t kAudioPathMs = 20;   // capture, network, decode
constexpr int64_t kAudioBufferMs = 130;  // audio jitter buffer: 150 ms in all

// The adapter the video receive stream will be: sync sets the jitter buffer's minimum.
class JitterBufferTarget final : public SyncTarget {
 public:
  explicit JitterBufferTarget(jitter::VideoJitterBuffer& buffer) : buffer_(buffer) {}
  void setMinimumPlayoutDelayMs(int delayMs) override {
    buffer_.setMinimumDelayMs(delayMs);
    ++calls;
  }
  int calls = 0;

 private:
  jitter::VideoJitterBuffer& buffer_;
};

struct LoopCase {
  std::string name;
  uint32_t seed;
  int64_t videoLatencyMs;  // network path of video
  int64_t videoJitterMs;   // extra per-frame delay, uniform in [0, this]
  std::optional<uint32_t> audioRtpOrigin;  // random when unset
  std::optional<uint32_t> videoRtpOrigin;
  int bufferMaxDelayMs = 400;    // the video jitter buffer's cap
  double expectedMeanSkewMs = 0;  // not 0 only when that cap stops sync
};

std::ostream& operator<<(std::ostream& os, const LoopCase& c) { return os << c.name; }

class LipSyncClosedLoopTest : public ::testing::TestWithParam<LoopCase> {};

TEST_P(LipSyncClosedLoopTest, SkewOfTheSameCaptureInstantStaysUnder40ms) {
  const LoopCase& c = GetParam();
  std::mt19937 rng(c.seed);
  const uint32_t audioOrigin = c.audioRtpOrigin.value_or(static_cast<uint32_t>(rng()));
  const uint32_t videoOrigin = c.videoRtpOrigin.value_or(static_cast<uint32_t>(rng()));
  const auto audioRtp = [&](int64_t captureUs) {
    return audioOrigin + static_cast<uint32_t>(captureUs * 48 / 1000);
  };
  // Extended as the depacketizer's unwrapper would (the buffer needs 64 bits).
  const auto videoRtp = [&](int64_t frame) { return int64_t{videoOrigin} + frame * kFrameTicks; };
  const auto frameCaptureUs = [](int64_t frame) { return frame * kFrameTicks * 100 / 9; };

  test::FakeClock clock(0);  // sender and receiver share it here; NTP runs kNtpEpochUs ahead
  jitter::VideoJitterBuffer::Config bufferConfig;
  bufferConfig.maxDelayMs = c.bufferMaxDelayMs;
  jitter::VideoJitterBuffer buffer(bufferConfig);
  JitterBufferTarget target(buffer);
  StreamSynchronizer sync;

  std::uniform_int_distribution<int64_t> videoJitter(0, c.videoJitterMs * kMs);
  std::uniform_int_distribution<int64_t> srSpacing(900 * kMs, 1100 * kMs);
  std::uniform_int_distribution<int64_t> pointJitter(-3 * kMs, 3 * kMs);
  std::deque<video::VideoPacket> inFlight;  // in arrival order (jitter < frame interval)
  int64_t nextFrame = 0;
  int64_t nextAudioSrUs = 300 * kMs;
  int64_t nextVideoSrUs = 700 * kMs;
  const int64_t endUs = 30 * kSecondUs;
  const int64_t measureFromUs = 12 * kSecondUs;
  double sumSkewMs = 0;
  double maxAbsSkewMs = 0;
  int measured = 0;

  for (int64_t now = 0; now < endUs; now += kMs) {
    clock.setUs(now);
    // Sender: a frame every 33.3 ms, sent at capture.
    while (frameCaptureUs(nextFrame) <= now) {
      video::VideoPacket packet;
      packet.sequence = 10'000 + nextFrame;
      packet.rtpTimestamp = videoRtp(nextFrame);
      packet.marker = true;
      packet.frameStart = true;
      packet.keyframe = nextFrame == 0;
      packet.payload = {1, 2, 3};
      packet.arrivalTimeUs = frameCaptureUs(nextFrame) + c.videoLatencyMs * kMs + videoJitter(rng);
      inFlight.push_back(std::move(packet));
      ++nextFrame;
    }
    // Sender reports, each stream on its own schedule, from the one NTP clock
    // (RFC 3550 section 6.4.1: NTP and RTP of the same instant).
    if (now >= nextAudioSrUs) {
      sync.onAudioSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs + now), audioRtp(now));
      nextAudioSrUs = now + srSpacing(rng);
    }
    if (now >= nextVideoSrUs) {
      const uint32_t rtp = videoOrigin + static_cast<uint32_t>(now * 90 / 1000);
      sync.onVideoSenderReport(RtpToNtpEstimator::usToNtp(kNtpEpochUs + now), rtp);
      nextVideoSrUs = now + srSpacing(rng);
    }
    // Receiver: video through the jitter buffer; a released frame is rendered.
    while (!inFlight.empty() && inFlight.front().arrivalTimeUs <= now) {
      buffer.insertPacket(std::move(inFlight.front()), now);
      inFlight.pop_front();
    }
    while (std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(now)) {
      const std::optional<jitter::VideoJitterBuffer::ReleasedFrame> released =
          buffer.lastReleasedFrame();
      ASSERT_TRUE(released.has_value());
      sync.onVideoPlayout(static_cast<uint32_t>(released->rtpTimestamp), released->releaseUs);
      if (now >= measureFromUs) {
        const int64_t captureUs = frameCaptureUs((frame->rtpTimestamp - videoOrigin) / kFrameTicks);
        const double videoDelayMs = static_cast<double>(now - captureUs) / 1000.0;
        const double skewMs = videoDelayMs - static_cast<double>(kAudioPathMs + kAudioBufferMs);
        sumSkewMs += skewMs;
        maxAbsSkewMs = std::max(maxAbsSkewMs, std::fabs(skewMs));
        ++measured;
      }
    }
    // Audio device: every 10 ms it reports the sample being heard, captured 150 ms ago.
    if (now % (10 * kMs) == 0 && now >= (kAudioPathMs + kAudioBufferMs) * kMs) {
      const int64_t captureUs = now - (kAudioPathMs + kAudioBufferMs) * kMs;
      sync.onAudioPlayout(audioRtp(captureUs), now + pointJitter(rng));
    }
    // The controller runs every 100 ms; it acts once a second.
    if (now % (100 * kMs) == 0 &&
        sync.update(now, buffer.stats().currentDelayMs, static_cast<int>(kAudioBufferMs))) {
      target.setMinimumPlayoutDelayMs(sync.delays().videoMinimumDelayMs);
    }
  }

  ASSERT_GT(measured, 400);
  const double meanSkewMs = sumSkewMs / measured;
  std::printf("[lip sync] %s: final skew mean %.1f ms, max |skew| %.1f ms over %d frames; "
              "video minimum %d ms, measured offset %d ms, %d delay changes\n",
              c.name.c_str(), meanSkewMs, maxAbsSkewMs, measured,
              sync.delays().videoMinimumDelayMs, sync.offsetMs().value_or(9999), target.calls);
  EXPECT_LT(maxAbsSkewMs, 40.0);
  EXPECT_NEAR(meanSkewMs, c.expectedMeanSkewMs, 10.0);
  // Without sync video would be ~110 ms ahead: the minimum holds it back, and
  // where the buffer caps it, it stays put one step above the cap.
  EXPECT_GT(sync.delays().videoMinimumDelayMs, std::min(80, c.bufferMaxDelayMs));
  EXPECT_LE(sync.delays().videoMinimumDelayMs, c.bufferMaxDelayMs + 80);
  EXPECT_EQ(sync.delays().audioExtraDelayMs, 0);
  ASSERT_TRUE(sync.offsetMs().has_value());
  EXPECT_NEAR(*sync.offsetMs(), c.expectedMeanSkewMs, 10);
  EXPECT_EQ(buffer.stats().framesDropped, 0u);
  // About one report a second per stream, none of them refused.
  EXPECT_GE(sync.videoClock().stats().accepted, 25u);
  EXPECT_GE(sync.audioClock().stats().accepted, 25u);
  EXPECT_EQ(sync.videoClock().stats().inconsistent + sync.audioClock().stats().inconsistent, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LipSyncClosedLoopTest,
    ::testing::Values(LoopCase{"RandomOffsets", 1, 40, 0, std::nullopt, std::nullopt},
                      LoopCase{"OtherRandomOffsetsSmallJitter", 2, 36, 4, std::nullopt,
                               std::nullopt},
                      // RTP timestamps wrap 5 s / 8 s into the call.
                      LoopCase{"VideoRtpWraps", 3, 40, 0, std::nullopt,
                               0xFFFF'FFFFu - 5u * 90'000u},
                      LoopCase{"AudioRtpWraps", 4, 40, 0, 0xFFFF'FFFFu - 8u * 48'000u,
                               std::nullopt},
                      // Jitter the video buffer has to absorb itself (its own
                      // delay moves under the minimum).
                      LoopCase{"JitteryVideoNetwork", 5, 20, 30, std::nullopt, std::nullopt},
                      // The buffer may hold video 90 ms at most: 20 ms of skew
                      // are left (40 + 90 vs 150), and the minimum does not run away.
                      LoopCase{"BufferCapBelowTheNeed", 6, 40, 0, std::nullopt, std::nullopt,
                               90, -20}),
    [](const ::testing::TestParamInfo<LoopCase>& info) { return info.param.name; });

}  // namespace
}  // namespace parley::sync

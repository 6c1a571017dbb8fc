// The minimum playout delay lip sync sets on the video jitter buffer, and the
// last released frame it reads back.
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "jitter/playout_delay.h"
#include "jitter/video_jitter_buffer.h"
#include "video/video_packet.h"

namespace parley::jitter {
namespace {

constexpr int64_t kMs = 1000;
constexpr int64_t kFrameTicks = 3000;  // 30 fps at 90 kHz
constexpr int64_t kFrameUs = 33'333;

struct MinimumCase {
  std::string name;
  int jitterExtraMs;  // every other frame arrives this much later
  int maxDelayMs;
  int minimumMs;
  int expectedCurrentMs;  // max(jitter-based, minimum), capped
};

std::ostream& operator<<(std::ostream& os, const MinimumCase& c) { return os << c.name; }

class PlayoutDelayMinimumTest : public ::testing::TestWithParam<MinimumCase> {};

// Jitter of 30 ms: relative delays 0 and 30 ms, 95th percentile 30, minus the
// 8 ms tolerated = 22, plus a 10 ms margin = 32 ms jitter-based delay.
TEST_P(PlayoutDelayMinimumTest, DelayIsTheLargerOfJitterAndMinimumCapped) {
  const MinimumCase& c = GetParam();
  PlayoutDelay delay(PlayoutDelay::Config(), c.maxDelayMs);
  delay.setMinimumDelayMs(c.minimumMs);
  for (int i = 0; i < 60; ++i) {
    const int64_t ts = i * kFrameTicks;
    const int64_t extra = (i % 2 == 1) ? c.jitterExtraMs * kMs : 0;
    delay.onFrameComplete(ts, PlayoutDelay::rtpToUs(ts) + 20 * kMs + extra, false);
  }
  EXPECT_EQ(delay.currentDelayUs(), c.expectedCurrentMs * kMs);
  EXPECT_EQ(delay.targetDelayUs(), c.expectedCurrentMs * kMs);  // steady: no shrinking
  EXPECT_LE(delay.minimumDelayUs(), delay.maxDelayUs());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlayoutDelayMinimumTest,
    ::testing::Values(MinimumCase{"NoMinimumNoJitter", 0, 400, 0, 0},
                      MinimumCase{"MinimumOnRegularStream", 0, 400, 120, 120},
                      MinimumCase{"JitterAboveMinimumWins", 30, 400, 20, 32},
                      MinimumCase{"MinimumAboveJitterWins", 30, 400, 90, 90},
                      MinimumCase{"MinimumCappedByMaxDelay", 0, 400, 1000, 400},
                      MinimumCase{"NegativeMinimumIsZero", 0, 400, -50, 0}),
    [](const ::testing::TestParamInfo<MinimumCase>& info) { return info.param.name; });

TEST(PlayoutDelayMinimumTest, MinimumSurvivesResetAndCanBeRemoved) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  delay.setMinimumDelayMs(70);
  delay.reset();
  EXPECT_EQ(delay.currentDelayUs(), 70 * kMs);
  EXPECT_EQ(delay.targetDelayUs(), 70 * kMs);
  delay.setMinimumDelayMs(0);
  EXPECT_EQ(delay.currentDelayUs(), 0);
}

// One packet per frame, 30 fps, 20 ms network latency, no jitter. Sequence
// numbers run on without gaps even where frame indexes skip.
video::VideoPacket framePacket(int index, int64_t sequence) {
  video::VideoPacket packet;
  packet.sequence = sequence;
  packet.rtpTimestamp = 900'000 + int64_t{index} * kFrameTicks;
  packet.marker = true;
  packet.frameStart = true;
  packet.keyframe = index == 0;
  packet.payload = {static_cast<uint8_t>(index), 1, 2, 3};
  return packet;
}

struct Released {
  int64_t rtpTimestamp;
  int64_t releaseUs;
  int64_t arrivalUs;
};

// Feeds frames [first, last) (frame i arrives at originUs + i frames + 20 ms)
// and polls the buffer every millisecond from nowUs until the last one had
// 500 ms to come out; returns what it released, checking lastReleasedFrame
// against each.
std::vector<Released> run(VideoJitterBuffer& buffer, int first, int last, int64_t originUs,
                          int64_t& nowUs) {
  static int64_t nextSequence = 5000;
  std::vector<Released> out;
  int next = first;
  const int64_t endUs = originUs + last * kFrameUs + 500 * kMs;
  for (; nowUs < endUs; nowUs += kMs) {
    while (next < last && originUs + next * kFrameUs + 20 * kMs <= nowUs) {
      video::VideoPacket packet = framePacket(next, nextSequence++);
      packet.arrivalTimeUs = nowUs;
      EXPECT_EQ(buffer.insertPacket(packet, nowUs), VideoJitterBuffer::InsertResult::kInserted);
      ++next;
    }
    while (std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(nowUs)) {
      const int index = static_cast<int>((frame->rtpTimestamp - 900'000) / kFrameTicks);
      out.push_back(Released{frame->rtpTimestamp, nowUs, originUs + index * kFrameUs + 20 * kMs});
      const std::optional<VideoJitterBuffer::ReleasedFrame> last = buffer.lastReleasedFrame();
      EXPECT_TRUE(last.has_value());
      if (last) {
        EXPECT_EQ(last->rtpTimestamp, frame->rtpTimestamp);
        EXPECT_EQ(last->releaseUs, nowUs);
      }
    }
  }
  return out;
}

TEST(VideoJitterBufferMinimumDelayTest, FramesAreReleasedLaterByTheMinimum) {
  VideoJitterBuffer buffer;
  EXPECT_FALSE(buffer.lastReleasedFrame().has_value());
  const int64_t originUs = 10'000'000;
  int64_t nowUs = originUs;
  // Without a minimum a jitter-free stream plays as it arrives (within the
  // 1 ms polling; arrival times land between frame ticks).
  std::vector<Released> before = run(buffer, 0, 60, originUs, nowUs);
  ASSERT_EQ(before.size(), 60u);
  for (const Released& r : before) EXPECT_LE(r.releaseUs - r.arrivalUs, 1 * kMs);
  EXPECT_EQ(buffer.stats().currentDelayMs, 0);

  buffer.setMinimumDelayMs(100);
  EXPECT_EQ(buffer.stats().minimumDelayMs, 100);
  EXPECT_EQ(buffer.stats().currentDelayMs, 100);
  const int firstWith = static_cast<int>((nowUs - originUs) / kFrameUs) + 1;
  std::vector<Released> after = run(buffer, firstWith, firstWith + 60, originUs, nowUs);
  ASSERT_EQ(after.size(), 60u);
  for (const Released& r : after) {
    EXPECT_GE(r.releaseUs - r.arrivalUs, 100 * kMs - kMs);
    EXPECT_LE(r.releaseUs - r.arrivalUs, 100 * kMs + kMs);
  }

  // Removing it brings playout back to arrival for the frames that follow
  // (each phase goes on with the frames not yet due).
  buffer.setMinimumDelayMs(0);
  const int firstAfter = static_cast<int>((nowUs - originUs) / kFrameUs) + 1;
  std::vector<Released> removed = run(buffer, firstAfter, firstAfter + 60, originUs, nowUs);
  ASSERT_EQ(removed.size(), 60u);
  for (size_t i = 0; i < removed.size(); ++i) {
    EXPECT_LE(removed[i].releaseUs - removed[i].arrivalUs, 1 * kMs);
  }
}

TEST(VideoJitterBufferMinimumDelayTest, MinimumIsCappedByTheMaximumDelay) {
  VideoJitterBuffer::Config config;
  config.maxDelayMs = 150;
  VideoJitterBuffer buffer(config);
  buffer.setMinimumDelayMs(1000);
  EXPECT_EQ(buffer.stats().minimumDelayMs, 150);
  int64_t nowUs = 5'000'000;
  std::vector<Released> out = run(buffer, 0, 30, 5'000'000, nowUs);
  ASSERT_EQ(out.size(), 30u);
  for (size_t i = 1; i < out.size(); ++i) {
    EXPECT_GE(out[i].releaseUs - out[i].arrivalUs, 150 * kMs - kMs);
    EXPECT_LE(out[i].releaseUs - out[i].arrivalUs, 150 * kMs + kMs);
  }
}

}  // namespace
}  // namespace parley::jitter

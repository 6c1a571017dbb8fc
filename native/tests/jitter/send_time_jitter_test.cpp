// The jitter estimate from the sender's send times (abs-send-time): the
// network's variation counts as jitter, the sender's encode-time variation
// does not. PlayoutDelay, FrameAssembler and VideoJitterBuffer in turn.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "jitter/frame_assembler.h"
#include "jitter/playout_delay.h"
#include "jitter/video_jitter_buffer.h"

namespace parley::jitter {
namespace {

constexpr int64_t kMs = 1000;
constexpr int64_t kFrameTicks = 3000;      // 30 fps at 90 kHz
constexpr int64_t kStartUs = 10'000'000;   // capture time of frame 0
constexpr int64_t kSendClockOffsetUs = -7'654'321;  // the sender's clock is another one

// One frame of a simulated sender: captured every 33 ms, sent after an encode
// time, delivered after a network transit.
struct TimedFrame {
  int64_t timestamp = 0;
  int64_t sendUs = 0;      // on the sender's clock
  int64_t arrivalUs = 0;   // on the receiver's clock
};

// Encode times uniform in [5, 5 + encodeSpreadMs] ms, network transit 20 ms
// plus uniform [0, networkJitterMs] ms; fixed seed.
std::vector<TimedFrame> makeFrames(int count, int encodeSpreadMs, int networkJitterMs) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int64_t> encode(5 * kMs, (5 + encodeSpreadMs) * kMs);
  std::uniform_int_distribution<int64_t> network(0, networkJitterMs * kMs);
  std::vector<TimedFrame> frames;
  for (int i = 0; i < count; ++i) {
    TimedFrame f;
    f.timestamp = i * kFrameTicks;
    const int64_t sentUs = kStartUs + PlayoutDelay::rtpToUs(f.timestamp) + encode(random);
    f.sendUs = sentUs + kSendClockOffsetUs;
    f.arrivalUs = sentUs + 20 * kMs + network(random);
    frames.push_back(f);
  }
  return frames;
}

struct EstimateCase {
  std::string name;
  int encodeSpreadMs;
  int networkJitterMs;
  bool withSendTimes;
  int64_t minJitterMs;  // inclusive bounds of the jitter estimate at the end
  int64_t maxJitterMs;
};

void PrintTo(const EstimateCase& c, std::ostream* os) { *os << c.name; }

class SendTimeEstimateTest : public ::testing::TestWithParam<EstimateCase> {};

TEST_P(SendTimeEstimateTest, JitterComesFromWhatTheReferenceLeavesIn) {
  const EstimateCase& c = GetParam();
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  for (const TimedFrame& f : makeFrames(300, c.encodeSpreadMs, c.networkJitterMs)) {
    delay.onFrameComplete(f.timestamp, f.arrivalUs, false,
                          c.withSendTimes ? f.sendUs : PlayoutDelay::kNoSendTime);
  }
  EXPECT_EQ(delay.usingSendTimes(), c.withSendTimes);
  EXPECT_GE(delay.jitterUs(), c.minJitterMs * kMs);
  EXPECT_LE(delay.jitterUs(), c.maxJitterMs * kMs);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SendTimeEstimateTest,
    ::testing::Values(
        // Encode times spread over 25 ms on a clean link: with send times no
        // jitter at all; from timestamps most of the spread.
        EstimateCase{"CleanLinkSendTimes", 25, 0, true, 0, 0},
        EstimateCase{"CleanLinkTimestamps", 25, 0, false, 20, 25},
        // Network jitter of 30 ms is measured either way.
        EstimateCase{"JitteryLinkSendTimes", 25, 30, true, 25, 30},
        EstimateCase{"JitteryLinkTimestamps", 0, 30, false, 25, 30}),
    [](const ::testing::TestParamInfo<EstimateCase>& info) { return info.param.name; });

TEST(SendTimePlayoutDelayTest, ExpectedArrivalFollowsTheSendTime) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  const std::vector<TimedFrame> frames = makeFrames(60, 25, 0);
  for (const TimedFrame& f : frames) delay.onFrameComplete(f.timestamp, f.arrivalUs, false, f.sendUs);
  // Transit is a constant 20 ms on a clean link: every frame is expected when it came.
  for (const TimedFrame& f : frames) {
    EXPECT_EQ(delay.expectedArrivalUs(f.timestamp, f.sendUs), f.arrivalUs);
  }
  // Without a send time the fastest timestamp transit (encode + 20 ms) is used.
  int64_t fastestUs = INT64_MAX;
  for (const TimedFrame& f : frames) {
    fastestUs = std::min(fastestUs, f.arrivalUs - PlayoutDelay::rtpToUs(f.timestamp));
  }
  EXPECT_GE(fastestUs, kStartUs + 25 * kMs);
  EXPECT_EQ(delay.expectedArrivalUs(90'000), 1'000'000 + fastestUs);
}

TEST(SendTimePlayoutDelayTest, ChangingTheReferenceRestartsTheEstimate) {
  PlayoutDelay delay(PlayoutDelay::Config(), 400);
  const std::vector<TimedFrame> frames = makeFrames(61, 25, 0);
  for (int i = 0; i < 60; ++i) {
    delay.onFrameComplete(frames[i].timestamp, frames[i].arrivalUs, false);
  }
  EXPECT_GT(delay.jitterUs(), 0);
  EXPECT_FALSE(delay.usingSendTimes());
  delay.onFrameComplete(frames[60].timestamp, frames[60].arrivalUs, false, frames[60].sendUs);
  EXPECT_TRUE(delay.usingSendTimes());
  EXPECT_EQ(delay.sampleCount(), 1u);
  EXPECT_EQ(delay.jitterUs(), 0);
}

video::VideoPacket packetOf(int64_t seq, int count, int index, bool retransmitted = false) {
  video::VideoPacket packet;
  packet.sequence = seq + index;
  packet.rtpTimestamp = 9000;
  packet.frameStart = index == 0;
  packet.marker = index == count - 1;
  packet.retransmitted = retransmitted;
  packet.payload = {static_cast<uint8_t>(index)};
  return packet;
}

struct AssemblerCase {
  std::string name;
  std::vector<int64_t> sendUs;       // per packet, kNoSendTime: none
  std::vector<bool> retransmitted;   // per packet
  int64_t expectedSendUs;
};

void PrintTo(const AssemblerCase& c, std::ostream* os) { *os << c.name; }

class SendTimeAssemblerTest : public ::testing::TestWithParam<AssemblerCase> {};

TEST_P(SendTimeAssemblerTest, FrameSendTimeIsTheLatestOriginal) {
  const AssemblerCase& c = GetParam();
  FrameAssembler assembler(64);
  std::optional<AssembledFrame> frame;
  const int count = static_cast<int>(c.sendUs.size());
  for (int i = 0; i < count; ++i) {
    FrameAssembler::InsertResult result =
        assembler.insert(packetOf(100, count, i, c.retransmitted[i]), 1000 + i, c.sendUs[i]);
    if (result.frame) frame = std::move(result.frame);
  }
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->sendUs, c.expectedSendUs);
}

constexpr int64_t kNone = AssembledFrame::kNoSendTime;

INSTANTIATE_TEST_SUITE_P(
    Cases, SendTimeAssemblerTest,
    ::testing::Values(
        AssemblerCase{"AllKnown", {500, 700, 600}, {false, false, false}, 700},
        AssemblerCase{"OneUnknown", {500, kNone, 600}, {false, false, false}, kNone},
        AssemblerCase{"RetransmissionIgnored", {500, 9000, 600}, {false, true, false}, 600},
        AssemblerCase{"AllRetransmitted", {500, 700}, {true, true}, kNone},
        AssemblerCase{"NoneKnown", {kNone, kNone}, {false, false}, kNone}),
    [](const ::testing::TestParamInfo<AssemblerCase>& info) { return info.param.name; });

// A whole buffer on a clean link whose sender's encode time varies by 25 ms:
// with send times every frame leaves the moment it is complete and the delay
// stays zero; without them the buffer holds frames back.
int64_t totalWaitUs(bool withSendTimes, int64_t* finalDelayMs) {
  VideoJitterBuffer buffer;
  int64_t waitUs = 0;
  const std::vector<TimedFrame> frames = makeFrames(300, 25, 0);
  for (size_t i = 0; i < frames.size(); ++i) {
    const TimedFrame& f = frames[i];
    video::VideoPacket packet;
    packet.sequence = static_cast<int64_t>(i);
    packet.rtpTimestamp = f.timestamp;
    packet.frameStart = true;
    packet.marker = true;
    packet.keyframe = i == 0;
    packet.arrivalTimeUs = f.arrivalUs;
    packet.payload = {1};
    buffer.insertPacket(packet, f.arrivalUs,
                        withSendTimes ? f.sendUs : VideoJitterBuffer::kNoSendTime);
    // Pop when due (the adapter waits until nextEventUs).
    int64_t nowUs = f.arrivalUs;
    for (;;) {
      if (buffer.popFrame(nowUs)) break;
      const int64_t next = buffer.nextEventUs();
      EXPECT_NE(next, VideoJitterBuffer::kNoEvent);
      if (next == VideoJitterBuffer::kNoEvent) return -1;
      nowUs = std::max(nowUs + 1, next);
    }
    waitUs += nowUs - f.arrivalUs;
  }
  *finalDelayMs = buffer.stats().currentDelayMs;
  return waitUs;
}

TEST(SendTimeVideoJitterBufferTest, CleanLinkPlaysOnArrivalDespiteEncodeVariation) {
  int64_t delayMs = -1;
  EXPECT_EQ(totalWaitUs(true, &delayMs), 0);
  EXPECT_EQ(delayMs, 0);
  int64_t timestampDelayMs = -1;
  EXPECT_GT(totalWaitUs(false, &timestampDelayMs), 300 * kMs);
  EXPECT_GT(timestampDelayMs, 0);
}

}  // namespace
}  // namespace parley::jitter

// VideoJitterBuffer through its API, packet by packet. Whole-call behaviour over
// a simulated network is in video_jitter_buffer_network_test.cpp.
#include "jitter/video_jitter_buffer.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::jitter {
namespace {

using Result = VideoJitterBuffer::InsertResult;

constexpr int64_t kMs = 1000;
constexpr int64_t kStartUs = 1'000'000;

// A frame of one packet: sequence `seq`, 30 fps timestamps counted from seq 0.
video::VideoPacket onePacketFrame(int64_t seq, bool keyframe, int64_t arrivalUs) {
  video::VideoPacket packet;
  packet.sequence = seq;
  packet.rtpTimestamp = seq * 3000;
  packet.frameStart = true;
  packet.marker = true;
  packet.keyframe = keyframe;
  packet.arrivalTimeUs = arrivalUs;
  packet.payload = {static_cast<uint8_t>(seq)};
  return packet;
}

TEST(VideoJitterBufferTest, InsertResultsSayWhatHappenedToThePacket) {
  VideoJitterBuffer buffer;
  EXPECT_EQ(buffer.insertPacket(onePacketFrame(10, true, kStartUs), kStartUs), Result::kInserted);
  EXPECT_EQ(buffer.insertPacket(onePacketFrame(10, true, kStartUs), kStartUs), Result::kDuplicate);
  std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(kStartUs);
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->firstSequence, 10);
  EXPECT_EQ(buffer.insertPacket(onePacketFrame(10, true, kStartUs), kStartUs), Result::kTooOld);
  video::VideoPacket junk = onePacketFrame(11, false, kStartUs);
  junk.sequence = int64_t{1} << 62;
  EXPECT_EQ(buffer.insertPacket(junk, kStartUs), Result::kInvalid);
  junk = onePacketFrame(11, false, kStartUs);
  junk.rtpTimestamp = -(int64_t{1} << 60);
  EXPECT_EQ(buffer.insertPacket(junk, kStartUs), Result::kInvalid);

  const VideoJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.packetsReceived, 5u);
  EXPECT_EQ(stats.duplicates, 1u);
  EXPECT_EQ(stats.packetsTooOld, 1u);
  EXPECT_EQ(stats.packetsInvalid, 2u);
  EXPECT_EQ(stats.framesComplete, 1u);
  EXPECT_EQ(stats.framesDelivered, 1u);
}

TEST(VideoJitterBufferTest, ImplausibleArrivalTimesAreReplacedByNow) {
  VideoJitterBuffer buffer;
  const int64_t nowUs = 60'000'000;
  buffer.insertPacket(onePacketFrame(10, true, /*arrivalUs=*/0), nowUs);
  std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(nowUs);
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->lastArrivalUs, nowUs);
}

TEST(VideoJitterBufferTest, NextEventUsFollowsTheWorkToDo) {
  VideoJitterBuffer buffer;
  EXPECT_EQ(buffer.nextEventUs(), VideoJitterBuffer::kNoEvent);
  buffer.insertPacket(onePacketFrame(1, true, kStartUs), kStartUs);
  ASSERT_TRUE(buffer.popFrame(kStartUs));
  EXPECT_EQ(buffer.nextEventUs(), VideoJitterBuffer::kNoEvent);
  // Frame 2 is lost: 3 and 4 wait behind it, and 2 is NACKed once two newer
  // packets came and 10 ms passed.
  const int64_t t3 = kStartUs + 66 * kMs;
  buffer.insertPacket(onePacketFrame(3, false, t3), t3);
  buffer.insertPacket(onePacketFrame(4, false, t3 + 33 * kMs), t3 + 33 * kMs);
  EXPECT_FALSE(buffer.popFrame(t3 + 33 * kMs));
  EXPECT_EQ(buffer.nextEventUs(), t3 + 10 * kMs);  // already past: poll now
  EXPECT_EQ(buffer.nackList(t3 + 33 * kMs), std::vector<int64_t>{2});
  // The retry: one RTT (default 100 ms) and the retry margin later.
  EXPECT_EQ(buffer.nextEventUs(), t3 + (133 + NackGenerator::Config{}.retryMarginMs) * kMs);
  // The retransmission arrives: both frames go out.
  video::VideoPacket resent = onePacketFrame(2, false, t3 + 80 * kMs);
  resent.retransmitted = true;
  buffer.insertPacket(resent, t3 + 80 * kMs);
  int delivered = 0;
  while (buffer.popFrame(t3 + 80 * kMs)) ++delivered;
  EXPECT_EQ(delivered, 3);
  EXPECT_EQ(buffer.nextEventUs(), VideoJitterBuffer::kNoEvent);
  EXPECT_EQ(buffer.stats().packetsRecovered, 1u);
  EXPECT_FALSE(buffer.takeKeyframeRequest(t3 + 80 * kMs));
}

TEST(VideoJitterBufferTest, AnAdapterThatNeverPopsCannotGrowTheBuffer) {
  VideoJitterBuffer::Config config;
  VideoJitterBuffer buffer(config);
  for (int64_t seq = 0; seq < 1000; ++seq) {
    const int64_t nowUs = kStartUs + seq * 33'333;
    buffer.insertPacket(onePacketFrame(seq, seq % 100 == 0, nowUs), nowUs);
    ASSERT_LE(buffer.stats().framesBuffered, config.maxFrames);
    ASSERT_LE(buffer.stats().packetsBuffered, config.maxPackets);
  }
  EXPECT_GT(buffer.stats().framesDroppedOverflow, 0u);
}

TEST(VideoJitterBufferTest, ASequenceFarBehindMeansTheSenderStartedOver) {
  VideoJitterBuffer buffer;
  int64_t nowUs = kStartUs;
  buffer.insertPacket(onePacketFrame(50'000, true, nowUs), nowUs);
  buffer.insertPacket(onePacketFrame(50'001, false, nowUs), nowUs);
  EXPECT_TRUE(buffer.popFrame(nowUs));
  EXPECT_TRUE(buffer.popFrame(nowUs));
  nowUs += 33 * kMs;
  EXPECT_EQ(buffer.insertPacket(onePacketFrame(100, true, nowUs), nowUs), Result::kInserted);
  std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(nowUs);
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->firstSequence, 100);
  EXPECT_EQ(buffer.stats().streamResets, 1u);
  EXPECT_FALSE(buffer.takeKeyframeRequest(nowUs));  // the restart began with one
}

// A junk keyframe slightly ahead of the stream moved the decoded position past
// it; a second of nothing but too-old packets restarts the buffer instead of
// stalling.
TEST(VideoJitterBufferTest, ALongRunOfTooOldPacketsRestartsTheBuffer) {
  VideoJitterBuffer buffer;
  int64_t nowUs = kStartUs;
  buffer.insertPacket(onePacketFrame(1000, true, nowUs), nowUs);
  ASSERT_TRUE(buffer.popFrame(nowUs));
  buffer.insertPacket(onePacketFrame(3000, true, nowUs), nowUs);
  ASSERT_TRUE(buffer.popFrame(nowUs));

  std::vector<int64_t> delivered;
  for (int64_t seq = 1001; seq <= 1100; ++seq) {
    nowUs += 33 * kMs;
    buffer.insertPacket(onePacketFrame(seq, seq == 1070, nowUs), nowUs);
    while (std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(nowUs)) {
      delivered.push_back(frame->firstSequence);
    }
  }
  EXPECT_EQ(buffer.stats().streamResets, 1u);
  EXPECT_EQ(buffer.stats().packetsTooOld, 31u);  // 1001..1031, over 1.02 s
  ASSERT_FALSE(delivered.empty());
  EXPECT_EQ(delivered.front(), 1070);  // resumes at the keyframe
  EXPECT_EQ(delivered.back(), 1100);
  EXPECT_EQ(delivered.size(), 31u);
  EXPECT_EQ(buffer.stats().framesDroppedUndecodable, 38u);  // 1032..1069 had no keyframe
}

TEST(VideoJitterBufferTest, LateRetransmissionsNeverRestartTheBuffer) {
  VideoJitterBuffer buffer;
  int64_t nowUs = kStartUs;
  buffer.insertPacket(onePacketFrame(1000, true, nowUs), nowUs);
  ASSERT_TRUE(buffer.popFrame(nowUs));
  for (int64_t seq = 900; seq < 1000; ++seq) {  // a sender answering stale NACKs
    nowUs += 20 * kMs;
    video::VideoPacket resent = onePacketFrame(seq, false, nowUs);
    resent.retransmitted = true;
    EXPECT_EQ(buffer.insertPacket(resent, nowUs), Result::kTooOld);
  }
  EXPECT_EQ(buffer.stats().streamResets, 0u);
  nowUs += 20 * kMs;
  buffer.insertPacket(onePacketFrame(1001, false, nowUs), nowUs);
  EXPECT_TRUE(buffer.popFrame(nowUs));
}

TEST(VideoJitterBufferTest, ADecodeErrorHoldsInterFramesUntilAKeyframe) {
  VideoJitterBuffer buffer;
  int64_t nowUs = kStartUs;
  buffer.insertPacket(onePacketFrame(1, true, nowUs), nowUs);
  ASSERT_TRUE(buffer.popFrame(nowUs));
  buffer.onDecodeError(nowUs);
  EXPECT_TRUE(buffer.takeKeyframeRequest(nowUs));
  EXPECT_FALSE(buffer.takeKeyframeRequest(nowUs + 10 * kMs));  // rate-limited
  for (int64_t seq = 2; seq <= 4; ++seq) {
    nowUs += 33 * kMs;
    buffer.insertPacket(onePacketFrame(seq, seq == 4, nowUs), nowUs);
    std::optional<video::EncodedVideoFrame> frame = buffer.popFrame(nowUs);
    EXPECT_EQ(frame.has_value(), seq == 4) << "seq " << seq;
  }
  const VideoJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.decodeErrors, 1u);
  EXPECT_EQ(stats.framesDroppedUndecodable, 2u);
  EXPECT_EQ(stats.framesDropped, 2u);
  EXPECT_EQ(stats.keyframeRequests, 1u);
  EXPECT_FALSE(buffer.takeKeyframeRequest(nowUs + 1000 * kMs));  // the keyframe came
}

}  // namespace
}  // namespace parley::jitter

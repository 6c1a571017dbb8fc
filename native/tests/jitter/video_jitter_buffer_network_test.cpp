// VideoJitterBuffer in a simulated call: a 30 fps sender, a fake network with
// loss, reordering, jitter and duplication, NACKs answered by retransmissions
// and PLIs by keyframes, all on a fake clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <random>
#include <set>
#include <ostream>
#include <string>
#include <vector>

#include "jitter/video_jitter_buffer.h"
#include "video_stream_sim.h"

namespace parley::jitter::test {
namespace {

constexpr int64_t kMs = 1000;

// Frames come out in decode order, whole, each once.
void expectInOrderAndIntact(const CallSimulation& sim) {
  int previous = -1;
  for (const DeliveredFrame& frame : sim.delivered()) {
    EXPECT_GT(frame.frameIndex, previous) << "out of order or repeated";
    EXPECT_TRUE(frame.intact) << "frame " << frame.frameIndex;
    previous = frame.frameIndex;
  }
}

std::vector<int> deliveredIndices(const CallSimulation& sim) {
  std::vector<int> indices;
  for (const DeliveredFrame& frame : sim.delivered()) indices.push_back(frame.frameIndex);
  return indices;
}

std::vector<int> range(int first, int last) {
  std::vector<int> out;
  for (int i = first; i <= last; ++i) out.push_back(i);
  return out;
}

// Sends for `ms`, then lets the last frames drain.
void runAndDrain(CallSimulation& sim, int64_t ms) {
  sim.runForMs(ms);
  sim.stopSending();
  sim.runForMs(600);
}

TEST(VideoJitterBufferNetworkTest, InOrderStreamFlowsWithNoAddedDelay) {
  CallSimulation sim{SimOptions()};
  runAndDrain(sim, 10'000);
  ASSERT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
  for (const DeliveredFrame& frame : sim.delivered()) {
    EXPECT_EQ(frame.popUs, frame.lastArrivalUs) << "frame " << frame.frameIndex;
  }
  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_EQ(stats.framesComplete, static_cast<uint64_t>(sim.sender().framesMade()));
  EXPECT_EQ(stats.framesDelivered, stats.framesComplete);
  EXPECT_EQ(stats.nacksSent, 0u);
  EXPECT_EQ(stats.keyframeRequests, 0u);
  EXPECT_EQ(stats.framesDropped, 0u);
  EXPECT_EQ(stats.framesLate, 0u);
  EXPECT_EQ(stats.packetsLost, 0u);
  EXPECT_EQ(stats.duplicates, 0u);
  EXPECT_EQ(stats.currentDelayMs, 0);
  EXPECT_EQ(stats.targetDelayMs, 0);
  EXPECT_EQ(stats.jitterMs, 0);
  EXPECT_EQ(stats.packetsBuffered, 0u);
  EXPECT_EQ(stats.framesBuffered, 0u);
}

struct ReorderCase {
  std::string name;
  int packetsPerFrame;
  std::function<int64_t(const video::VideoPacket&)> extraDelayUs;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const ReorderCase& c, std::ostream* os) { *os << c.name; }

class VideoJitterBufferReorderTest : public ::testing::TestWithParam<ReorderCase> {};

TEST_P(VideoJitterBufferReorderTest, ReorderingWithinTheWindowIsNotNacked) {
  SimOptions options;
  options.stream.packetsPerFrame = GetParam().packetsPerFrame;
  options.link.extraDelayUs = GetParam().extraDelayUs;
  CallSimulation sim(options);
  runAndDrain(sim, 5000);
  EXPECT_TRUE(sim.nacks().empty()) << "first NACK for " << sim.nacks().front().sequence;
  EXPECT_TRUE(sim.keyframeRequests().empty());
  EXPECT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
  EXPECT_EQ(sim.buffer().stats().framesDropped, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VideoJitterBufferReorderTest,
    ::testing::Values(
        // Packets 200 us apart; one in seven is overtaken by its successor.
        ReorderCase{"AdjacentSwapInABurst", 5,
                    [](const video::VideoPacket& p) { return p.sequence % 7 == 0 ? 300 : 0; }},
        // Overtaken by four packets, but back within a millisecond.
        ReorderCase{"OvertakenByFourWithinAMillisecond", 10,
                    [](const video::VideoPacket& p) { return p.sequence % 13 == 0 ? 900 : 0; }},
        // One packet per frame: 40 ms late, overtaken by the next frame only.
        ReorderCase{"OneFrameLateAtLowRate", 1,
                    [](const video::VideoPacket& p) {
                      return p.sequence % 5 == 0 ? 40 * kMs : 0;
                    }}),
    [](const ::testing::TestParamInfo<ReorderCase>& info) { return info.param.name; });

struct LossCase {
  std::string name;
  std::vector<int64_t> lost;  // originals lost; their retransmissions get through
  int keyframeInterval = 0;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const LossCase& c, std::ostream* os) { *os << c.name; }

class VideoJitterBufferLossTest : public ::testing::TestWithParam<LossCase> {};

TEST_P(VideoJitterBufferLossTest, RetransmissionRepairsTheLossWithoutAKeyframe) {
  const LossCase& c = GetParam();
  SimOptions options;  // 3 packets per frame from sequence 1000, RTT 100 ms
  options.stream.keyframeInterval = c.keyframeInterval;
  options.link.drop = [lost = c.lost](const video::VideoPacket& p) {
    return !p.retransmitted && std::count(lost.begin(), lost.end(), p.sequence) > 0;
  };
  CallSimulation sim(options);
  runAndDrain(sim, 3000);
  for (int64_t seq : c.lost) EXPECT_EQ(sim.nackTimesFor(seq).size(), 1u) << "seq " << seq;
  EXPECT_EQ(sim.nacks().size(), c.lost.size());
  EXPECT_TRUE(sim.keyframeRequests().empty());
  EXPECT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_EQ(stats.packetsRecovered, c.lost.size());
  EXPECT_EQ(stats.packetsLost, 0u);
  EXPECT_EQ(stats.framesDropped, 0u);
  EXPECT_GE(stats.framesLate, 1u);  // the repaired frame missed its time
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VideoJitterBufferLossTest,
    ::testing::Values(LossCase{"MiddlePacket", {1031}}, LossCase{"FirstPacketOfAFrame", {1030}},
                      LossCase{"MarkerPacket", {1032}}, LossCase{"WholeFrame", {1030, 1031, 1032}},
                      LossCase{"KeyframeStart", {1090}, 30},
                      LossCase{"TwoSeparateLosses", {1031, 1100}}),
    [](const ::testing::TestParamInfo<LossCase>& info) { return info.param.name; });

// Without RTX a retransmission looks like any late packet; the buffer still
// knows it NACKed it, so repaired frames do not pass for network jitter.
TEST(VideoJitterBufferNetworkTest, RepairedFramesDoNotInflateTheDelayEvenWithoutRtx) {
  SimOptions options;
  options.markRetransmissions = false;
  auto dropped = std::make_shared<std::set<int64_t>>();
  options.link.drop = [dropped](const video::VideoPacket& p) {
    return p.sequence % 15 == 0 && dropped->insert(p.sequence).second;  // once each
  };
  CallSimulation sim(options);
  runAndDrain(sim, 5000);
  EXPECT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_EQ(stats.packetsRecovered, dropped->size());
  EXPECT_EQ(stats.keyframeRequests, 0u);
  EXPECT_EQ(stats.jitterMs, 0);
  // The only delay is the hold for retransmissions: half the 100 ms RTT.
  EXPECT_EQ(stats.nackHoldMs, 50);
  EXPECT_EQ(stats.currentDelayMs, stats.nackHoldMs);
}

TEST(VideoJitterBufferNetworkTest, UnrecoverableLossIsNackedEveryRttThenAKeyframeIsRequested) {
  SimOptions options;  // RTT 100 ms, max delay 400 ms, keyframes only on request
  options.link.drop = [](const video::VideoPacket& p) { return p.sequence == 1031; };  // frame 10
  CallSimulation sim(options);
  runAndDrain(sim, 3000);

  const std::vector<int64_t> nacks = sim.nackTimesFor(1031);
  ASSERT_GE(nacks.size(), 2u);
  EXPECT_LE(nacks.size(), 10u);
  // Repeated every RTT plus the retry margin.
  const int64_t retryUs = (100 + NackGenerator::Config{}.retryMarginMs) * kMs;
  for (size_t i = 1; i < nacks.size(); ++i) EXPECT_EQ(nacks[i] - nacks[i - 1], retryUs);
  ASSERT_EQ(sim.keyframeRequests().size(), 1u);  // answered within the repeat interval
  EXPECT_GT(sim.keyframeRequests().front(), nacks.front());
  // The frame waits at most max delay for its packets before the chain breaks.
  EXPECT_LE(sim.keyframeRequests().front() - sim.sentUs(11), 400 * kMs + 40 * kMs);

  // Frames 0..9, nothing until the keyframe, then everything after it.
  const std::vector<int> indices = deliveredIndices(sim);
  auto resumed = std::find_if(indices.begin(), indices.end(), [](int i) { return i > 9; });
  ASSERT_NE(resumed, indices.end());
  EXPECT_EQ(std::vector<int>(indices.begin(), resumed), range(0, 9));
  const int keyframeIndex = *resumed;
  EXPECT_TRUE(sim.sender().wasKeyframe(keyframeIndex));
  EXPECT_EQ(std::vector<int>(resumed, indices.end()),
            range(keyframeIndex, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);

  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_GE(stats.packetsLost, 1u);
  // Frames 11 up to the keyframe (10 never completed).
  EXPECT_EQ(stats.framesDropped, static_cast<uint64_t>(keyframeIndex - 11));
  EXPECT_EQ(stats.nacksSent, nacks.size());
}

TEST(VideoJitterBufferNetworkTest, NackRetriesAreBoundedThenThePacketIsGivenUp) {
  SimOptions options;
  options.rttMs = 50;
  options.buffer.nack.maxRetries = 3;
  // First packet of frame 20, the last frame before the sender pauses, so no
  // later frame's deadline cuts the retries short.
  options.link.drop = [](const video::VideoPacket& p) { return p.sequence == 1060; };
  CallSimulation sim(options);
  sim.runForMs(680);  // frames 0..20
  sim.stopSending();
  ASSERT_EQ(sim.sender().framesMade(), 21);
  sim.runForMs(1000);

  const std::vector<int64_t> nacks = sim.nackTimesFor(1060);
  ASSERT_EQ(nacks.size(), 3u);
  const int64_t retryUs = (50 + NackGenerator::Config{}.retryMarginMs) * kMs;
  EXPECT_EQ(nacks[1] - nacks[0], retryUs);
  EXPECT_EQ(nacks[2] - nacks[1], retryUs);
  ASSERT_FALSE(sim.keyframeRequests().empty());
  EXPECT_EQ(sim.keyframeRequests().front(), nacks.back() + retryUs);  // given up one retry later
  for (size_t i = 1; i < sim.keyframeRequests().size(); ++i) {
    EXPECT_EQ(sim.keyframeRequests()[i] - sim.keyframeRequests()[i - 1], 300 * kMs);
  }
  EXPECT_EQ(sim.buffer().stats().packetsLost, 1u);

  sim.resumeSending();
  sim.runForMs(500);
  const std::vector<int> indices = deliveredIndices(sim);
  ASSERT_GT(indices.size(), 21u);
  EXPECT_EQ(std::vector<int>(indices.begin(), indices.begin() + 20), range(0, 19));
  EXPECT_EQ(indices[20], 21);  // the keyframe sent on resuming
  EXPECT_TRUE(sim.sender().wasKeyframe(21));
  expectInOrderAndIntact(sim);
}

TEST(VideoJitterBufferNetworkTest, DecodeErrorHoldsInterFramesUntilTheKeyframe) {
  CallSimulation sim{SimOptions()};
  sim.runForMs(1000);
  const size_t before = sim.delivered().size();
  const int64_t errorUs = sim.clock().nowUs();
  sim.buffer().onDecodeError(errorUs);
  runAndDrain(sim, 1000);

  ASSERT_EQ(sim.keyframeRequests().size(), 1u);
  EXPECT_EQ(sim.keyframeRequests().front(), errorUs);
  ASSERT_GT(sim.delivered().size(), before);
  const DeliveredFrame& next = sim.delivered()[before];
  EXPECT_TRUE(next.keyframe);
  EXPECT_EQ(deliveredIndices(sim).back(), sim.sender().framesMade() - 1);
  expectInOrderAndIntact(sim);
  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_EQ(stats.decodeErrors, 1u);
  EXPECT_GE(stats.framesDroppedUndecodable, 1u);
  EXPECT_EQ(stats.framesDropped,
            static_cast<uint64_t>(next.frameIndex - sim.delivered()[before - 1].frameIndex - 1));
}

TEST(VideoJitterBufferNetworkTest, JoiningMidStreamAsksForKeyframesAtAMeasuredPace) {
  SimOptions options;
  options.stream.firstFrameKeyframe = false;  // joined after the keyframe
  options.answerKeyframeRequests = false;     // a sender slow to react
  CallSimulation sim(options);
  sim.runForMs(2000);
  EXPECT_TRUE(sim.delivered().empty());
  const std::vector<int64_t>& requests = sim.keyframeRequests();
  ASSERT_GE(requests.size(), 6u);
  for (size_t i = 1; i < requests.size(); ++i) EXPECT_EQ(requests[i] - requests[i - 1], 300 * kMs);
  EXPECT_LE(sim.buffer().stats().framesBuffered, 1u);  // undecodable frames are not hoarded

  sim.options().answerKeyframeRequests = true;
  runAndDrain(sim, 1000);
  ASSERT_FALSE(sim.delivered().empty());
  EXPECT_TRUE(sim.delivered().front().keyframe);
  EXPECT_EQ(deliveredIndices(sim).back(), sim.sender().framesMade() - 1);
  expectInOrderAndIntact(sim);
}

TEST(VideoJitterBufferNetworkTest, SkipsToALaterKeyframeInsteadOfWaiting) {
  SimOptions options;
  options.stream.keyframeInterval = 10;
  options.link.drop = [](const video::VideoPacket& p) { return p.sequence == 1025; };  // frame 8
  CallSimulation sim(options);
  runAndDrain(sim, 2000);
  std::vector<int> expected = range(0, 7);
  const std::vector<int> rest = range(10, sim.sender().framesMade() - 1);
  expected.insert(expected.end(), rest.begin(), rest.end());
  EXPECT_EQ(deliveredIndices(sim), expected);
  EXPECT_TRUE(sim.keyframeRequests().empty());
  EXPECT_EQ(sim.buffer().stats().framesDroppedSuperseded, 1u);  // frame 9
  // The keyframe played on time: nobody waited for frame 8.
  const DeliveredFrame& keyframe = sim.delivered()[8];
  EXPECT_EQ(keyframe.frameIndex, 10);
  EXPECT_EQ(keyframe.popUs, keyframe.lastArrivalUs);
}

TEST(VideoJitterBufferNetworkTest, DuplicatesAreIgnored) {
  SimOptions options;
  options.link.duplicateRate = 0.3;
  CallSimulation sim(options);
  runAndDrain(sim, 3000);
  EXPECT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
  const VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_GT(sim.link().duplicatesMade(), 50u);
  // A copy that arrives after its frame went to the decoder is "too old".
  EXPECT_EQ(stats.duplicates + stats.packetsTooOld, sim.link().duplicatesMade());
  EXPECT_EQ(stats.nacksSent, 0u);
  EXPECT_EQ(stats.framesComplete, static_cast<uint64_t>(sim.sender().framesMade()));
}

struct LargeSequenceCase {
  std::string name;
  int64_t firstSequence;
  int64_t firstTimestamp;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const LargeSequenceCase& c, std::ostream* os) { *os << c.name; }

class VideoJitterBufferLargeSequenceTest : public ::testing::TestWithParam<LargeSequenceCase> {};

// Extended sequence numbers and timestamps carry on across every power of two;
// a loss right at the crossing is NACKed under its extended number.
TEST_P(VideoJitterBufferLargeSequenceTest, CrossesWrapPointsWithALossOnTheEdge) {
  const LargeSequenceCase& c = GetParam();
  const int64_t edge = c.firstSequence + 10;  // the crossing lies within frame 3 or 4
  SimOptions options;
  options.stream.firstSequence = c.firstSequence;
  options.stream.firstTimestamp = c.firstTimestamp;
  options.link.drop = [edge](const video::VideoPacket& p) {
    return !p.retransmitted && p.sequence == edge;
  };
  CallSimulation sim(options);
  runAndDrain(sim, 2000);
  EXPECT_EQ(sim.nackTimesFor(edge).size(), 1u);
  EXPECT_EQ(sim.nacks().size(), 1u);
  EXPECT_TRUE(sim.keyframeRequests().empty());
  EXPECT_EQ(deliveredIndices(sim), range(0, sim.sender().framesMade() - 1));
  expectInOrderAndIntact(sim);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VideoJitterBufferLargeSequenceTest,
    ::testing::Values(LargeSequenceCase{"SixteenBitWrap", 65'526, 4'294'967'296 - 9000},
                      LargeSequenceCase{"ThirtyTwoBitWrap", 4'294'967'286, 4'294'967'296 - 9000},
                      LargeSequenceCase{"FarIntoTheCall", (int64_t{1} << 50) - 10,
                                        int64_t{1} << 45},
                      LargeSequenceCase{"Negative", -10, -9000}),
    [](const ::testing::TestParamInfo<LargeSequenceCase>& info) { return info.param.name; });

}  // namespace
}  // namespace parley::jitter::test

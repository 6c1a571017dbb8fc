// VideoJitterBuffer against hostile and broken input: a flood of junk packets
// and a network outage. Memory stays bounded and the stream always comes back.
#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <set>
#include <string>
#include <utility>

#include "jitter/video_jitter_buffer.h"
#include "video_stream_sim.h"

namespace parley::jitter::test {
namespace {

constexpr int64_t kMs = 1000;

void expectBounded(const VideoJitterBuffer::Stats& stats, const VideoJitterBuffer::Config& config) {
  ASSERT_LE(stats.packetsBuffered, config.maxPackets);
  ASSERT_LE(stats.framesBuffered, config.maxFrames);
  ASSERT_LE(stats.nackListSize, config.nack.maxListSize);
}

// One packet of junk: sequence numbers near the stream, far ahead, anywhere,
// or out of range; random timestamps of every magnitude, flags, sizes and
// arrival times.
video::VideoPacket junkPacket(std::mt19937_64& rng, int64_t nowUs) {
  video::VideoPacket packet;
  switch (rng() % 4) {
    case 0:
      packet.sequence = 2000 + static_cast<int64_t>(rng() % 6000);
      break;
    case 1:
      packet.sequence = 1'005'000 + static_cast<int64_t>(rng() % (uint64_t{1} << 40));
      break;
    case 2:
      packet.sequence = static_cast<int64_t>(rng());  // mostly beyond +-2^60
      break;
    default:
      packet.sequence = static_cast<int64_t>(rng() >> 4) - (int64_t{1} << 59);
      break;
  }
  packet.rtpTimestamp = static_cast<int64_t>(rng()) >> (rng() % 64);
  const uint64_t bits = rng();
  packet.marker = (bits & 1) != 0;
  packet.frameStart = (bits & 2) != 0;
  packet.keyframe = (bits & 4) != 0;
  packet.retransmitted = (bits & 8) != 0;
  packet.pictureId = static_cast<int>((bits >> 8) & 0x7fff);
  packet.arrivalTimeUs = (bits & 16) != 0 ? nowUs : static_cast<int64_t>(rng());
  packet.payload.resize(rng() % 300);
  return packet;
}

TEST(VideoJitterBufferRobustnessTest, AJunkFloodKeepsMemoryBoundedAndTheStreamRecovers) {
  SimOptions options;
  options.stream.firstSequence = 5000;  // right inside the junk's "near" range
  CallSimulation sim(options);
  sim.stopSending();
  VideoJitterBuffer& buffer = sim.buffer();
  std::mt19937_64 rng(42);
  for (int i = 0; i < 50'000; ++i) {
    const int64_t nowUs = sim.clock().nowUs();
    buffer.insertPacket(junkPacket(rng, nowUs), nowUs);
    if (i % 16 == 0) {
      while (buffer.popFrame(nowUs)) {
      }
      buffer.nackList(nowUs);
      buffer.takeKeyframeRequest(nowUs);
    }
    expectBounded(buffer.stats(), options.buffer);
    if (HasFatalFailure()) return;
    sim.clock().advanceUs(20);
  }
  EXPECT_GT(buffer.stats().packetsInvalid, 10'000u);
  // Then junk with plausible timestamps right where the stream will be.
  for (int i = 0; i < 3000; ++i) {
    const int64_t nowUs = sim.clock().nowUs();
    video::VideoPacket packet = junkPacket(rng, nowUs);
    packet.sequence = 4000 + static_cast<int64_t>(rng() % 3000);
    packet.rtpTimestamp = static_cast<int64_t>(rng() % 1'000'000);
    packet.arrivalTimeUs = nowUs;
    buffer.insertPacket(std::move(packet), nowUs);
    if (i % 16 == 0) {
      while (buffer.popFrame(nowUs)) {
      }
    }
    expectBounded(buffer.stats(), options.buffer);
    if (HasFatalFailure()) return;
    sim.clock().advanceUs(20);
  }

  // The real stream starts; junk collides with it for a while (a second of
  // nothing but too-old packets restarts the buffer, stale packets expire
  // after Config::maxPacketWaitMs) and a keyframe request mends it.
  sim.resumeSending();
  sim.onStep = [&](int64_t) { expectBounded(buffer.stats(), options.buffer); };
  sim.runForMs(4000);
  const size_t before = sim.delivered().size();
  sim.runForMs(2000);
  ASSERT_GE(sim.delivered().size() - before, 59u);
  for (size_t i = before; i < sim.delivered().size(); ++i) {
    EXPECT_TRUE(sim.delivered()[i].intact);
    EXPECT_EQ(sim.delivered()[i].frameIndex, sim.delivered()[i - 1].frameIndex + 1);
  }
}

struct OutageCase {
  std::string name;
  bool answerNacks;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const OutageCase& c, std::ostream* os) { *os << c.name; }

class VideoJitterBufferOutageTest : public ::testing::TestWithParam<OutageCase> {};

TEST_P(VideoJitterBufferOutageTest, TheStreamResumesAfterATwoSecondOutage) {
  bool outage = false;
  SimOptions options;
  options.answerNacks = GetParam().answerNacks;
  options.link.drop = [&outage](const video::VideoPacket&) { return outage; };
  CallSimulation sim(options);
  sim.onStep = [&](int64_t) { expectBounded(sim.buffer().stats(), options.buffer); };
  sim.runForMs(2000);
  outage = true;
  sim.runForMs(2000);
  outage = false;
  const int64_t backUs = sim.clock().nowUs();
  sim.runForMs(2000);

  // Everything sent from 700 ms after the outage on is shown, in order.
  std::set<int> delivered;
  int previous = -1;
  for (const DeliveredFrame& frame : sim.delivered()) {
    EXPECT_GT(frame.frameIndex, previous);
    EXPECT_TRUE(frame.intact);
    previous = frame.frameIndex;
    delivered.insert(frame.frameIndex);
  }
  for (int i = 0; i < sim.sender().framesMade(); ++i) {
    if (sim.sentUs(i) >= backUs + 700 * kMs && sim.sentUs(i) < backUs + 1900 * kMs) {
      EXPECT_EQ(delivered.count(i), 1u) << "frame " << i;
    }
  }
  if (!GetParam().answerNacks) {
    EXPECT_FALSE(sim.keyframeRequests().empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, VideoJitterBufferOutageTest,
                         ::testing::Values(OutageCase{"RepairedByRetransmissions", true},
                                           OutageCase{"RepairedByAKeyframe", false}),
                         [](const ::testing::TestParamInfo<OutageCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace parley::jitter::test

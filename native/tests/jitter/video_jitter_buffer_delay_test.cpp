// Playout delay of VideoJitterBuffer in simulated calls: it follows the
// network jitter up at once, down slowly, and never past its cap.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "jitter/video_jitter_buffer.h"
#include "video_stream_sim.h"

namespace parley::jitter::test {
namespace {

constexpr int64_t kMs = 1000;

TEST(VideoJitterBufferDelayTest, GrowsToCoverJitterThenShrinksSlowlyToZero) {
  SimOptions options;
  options.link.jitterUs = 30 * kMs;  // per frame, uniform in [0, 30 ms]
  CallSimulation sim(options);
  sim.runForMs(5000);
  const uint64_t lateAfterWarmUp = sim.buffer().stats().framesLate;
  const size_t deliveredAfterWarmUp = sim.delivered().size();
  sim.runForMs(5000);

  VideoJitterBuffer::Stats stats = sim.buffer().stats();
  EXPECT_GE(stats.jitterMs, 25);
  EXPECT_LE(stats.jitterMs, 30);
  EXPECT_GE(stats.targetDelayMs, 30);
  EXPECT_LE(stats.targetDelayMs, 40);
  EXPECT_GE(stats.currentDelayMs, 30);
  EXPECT_TRUE(sim.nacks().empty());  // jitter, not loss
  // Once adapted, frames play on a steady clock: few late, and each one at
  // (send time + constant) within a few milliseconds.
  EXPECT_LE(stats.framesLate - lateAfterWarmUp, 7u);  // 5 % of 150
  int64_t minLatency = INT64_MAX;
  int64_t maxLatency = INT64_MIN;
  for (size_t i = deliveredAfterWarmUp; i < sim.delivered().size(); ++i) {
    const DeliveredFrame& frame = sim.delivered()[i];
    minLatency = std::min(minLatency, frame.popUs - frame.sentUs);
    maxLatency = std::max(maxLatency, frame.popUs - frame.sentUs);
  }
  EXPECT_LE(maxLatency - minLatency, 10 * kMs);

  // The network calms down.
  sim.link().options().jitterUs = 0;
  std::vector<std::pair<int64_t, int>> delays;  // (time, current delay ms)
  sim.onStep = [&](int64_t nowUs) {
    delays.emplace_back(nowUs, sim.buffer().stats().currentDelayMs);
  };
  sim.runForMs(1000);
  EXPECT_GE(sim.buffer().stats().currentDelayMs, 25) << "still covered after a second";
  sim.runForMs(9000);
  stats = sim.buffer().stats();
  EXPECT_EQ(stats.currentDelayMs, 0);
  EXPECT_EQ(stats.targetDelayMs, 0);
  for (size_t i = 1; i < delays.size(); ++i) {
    EXPECT_LE(delays[i].second, delays[i - 1].second) << "at " << delays[i].first;
    // 20 ms per second at most (plus rounding to whole milliseconds).
    const int64_t allowedMs = (delays[i].first - delays[i - 1].first) * 20 / 1'000'000 + 1;
    EXPECT_LE(delays[i - 1].second - delays[i].second, allowedMs) << "at " << delays[i].first;
  }
  // And latency is back to the bare network.
  const DeliveredFrame& last = sim.delivered().back();
  EXPECT_EQ(last.popUs, last.lastArrivalUs);
}

struct CapCase {
  std::string name;
  int maxDelayMs;
  int64_t jitterUs;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const CapCase& c, std::ostream* os) { *os << c.name; }

class VideoJitterBufferDelayCapTest : public ::testing::TestWithParam<CapCase> {};

TEST_P(VideoJitterBufferDelayCapTest, HugeJitterNeverPushesTheDelayPastTheCap) {
  const CapCase& c = GetParam();
  SimOptions options;
  options.buffer.maxDelayMs = c.maxDelayMs;
  options.link.jitterUs = c.jitterUs;  // frames overtake each other all the time
  CallSimulation sim(options);
  int maxCurrent = 0;
  int maxTarget = 0;
  sim.onStep = [&](int64_t) {
    const VideoJitterBuffer::Stats stats = sim.buffer().stats();
    maxCurrent = std::max(maxCurrent, stats.currentDelayMs);
    maxTarget = std::max(maxTarget, stats.targetDelayMs);
    ASSERT_LE(stats.framesBuffered, options.buffer.maxFrames);
    ASSERT_LE(stats.packetsBuffered, options.buffer.maxPackets);
  };
  sim.runForMs(10'000);
  EXPECT_EQ(maxCurrent, c.maxDelayMs);  // it did want more
  EXPECT_LE(maxTarget, c.maxDelayMs);
  EXPECT_GT(sim.delivered().size(), 0u);
  for (size_t i = 1; i < sim.delivered().size(); ++i) {
    EXPECT_GT(sim.delivered()[i].frameIndex, sim.delivered()[i - 1].frameIndex);
  }

  // Once the network is sane again the stream flows, however bad it was.
  sim.link().options().jitterUs = 0;
  sim.runForMs(6000);
  const size_t before = sim.delivered().size();
  sim.runForMs(1000);
  EXPECT_GE(sim.delivered().size() - before, 29u);
}

INSTANTIATE_TEST_SUITE_P(Cases, VideoJitterBufferDelayCapTest,
                         ::testing::Values(CapCase{"Default400msCap", 400, 1500 * kMs},
                                           CapCase{"Cap150ms", 150, 300 * kMs}),
                         [](const ::testing::TestParamInfo<CapCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace parley::jitter::test

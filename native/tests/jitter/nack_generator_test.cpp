#include "jitter/nack_generator.h"

#include <gtest/gtest.h>

#include <set>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace parley::jitter {
namespace {

constexpr int64_t kMs = 1000;

class RecordingListener : public NackGenerator::Listener {
 public:
  void onNackGeneratorPacketLost(int64_t seq) override { lost.push_back(seq); }
  void onNackGeneratorKeyframeRequired(int64_t beforeSeq) override {
    keyframeRequired.push_back(beforeSeq);
  }
  std::vector<int64_t> lost;
  std::vector<int64_t> keyframeRequired;
};

// Defaults: NACK once 2 newer packets arrived and 10 ms passed; RTT 100 ms.
NackGenerator::Config defaults() { return NackGenerator::Config(); }

struct ReorderCase {
  std::string name;
  std::vector<std::pair<int64_t, int>> arrivals;  // sequence, arrival ms
  std::set<int64_t> nacked;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const ReorderCase& c, std::ostream* os) { *os << c.name; }

class NackGeneratorReorderTest : public ::testing::TestWithParam<ReorderCase> {};

// Polls every millisecond for a second, as an adapter following nextDueUs would.
TEST_P(NackGeneratorReorderTest, NacksOnlyPacketsOutsideTheReorderWindow) {
  const ReorderCase& c = GetParam();
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  std::set<int64_t> nacked;
  size_t next = 0;
  for (int ms = 0; ms <= 1000; ++ms) {
    while (next < c.arrivals.size() && c.arrivals[next].second == ms) {
      nack.onPacket(c.arrivals[next++].first, ms * kMs);
    }
    for (int64_t seq : nack.getNackList(ms * kMs)) nacked.insert(seq);
  }
  EXPECT_EQ(nacked, c.nacked);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NackGeneratorReorderTest,
    ::testing::Values(
        ReorderCase{"InOrder", {{1, 0}, {2, 1}, {3, 2}, {4, 3}, {5, 4}}, {}},
        ReorderCase{"AdjacentSwap", {{1, 0}, {3, 1}, {2, 2}, {4, 3}, {5, 4}}, {}},
        // Two newer packets came, but it arrives within the 10 ms allowance.
        ReorderCase{"LateByTwoPacketsWithinTenMs", {{1, 0}, {3, 1}, {4, 2}, {2, 9}, {5, 40}}, {}},
        // A slow stream: 30 ms late, but only one newer packet overtook it.
        ReorderCase{"LateAcrossFramesAtLowRate", {{1, 0}, {3, 33}, {2, 40}, {4, 66}}, {}},
        ReorderCase{"LateBeyondBoth", {{1, 0}, {3, 1}, {4, 2}, {5, 3}, {2, 30}}, {2}},
        ReorderCase{"LostBeforeAPause", {{1, 0}, {2, 1}, {3, 2}, {5, 100}, {6, 101}}, {4}},
        ReorderCase{"WholeFrameLost", {{1, 0}, {5, 33}, {6, 34}, {7, 35}}, {2, 3, 4}},
        ReorderCase{"NeverOvertakenTwice", {{1, 0}, {3, 1}}, {}}),
    [](const ::testing::TestParamInfo<ReorderCase>& info) { return info.param.name; });

// Sends 1, 3, 4 at t=0 (2 is missing) and polls every millisecond until
// `untilMs`; returns when 2 was NACKed.
std::vector<int64_t> nackTimesOfTwo(NackGenerator& nack, int untilMs) {
  nack.onPacket(1, 0);
  nack.onPacket(3, 0);
  nack.onPacket(4, 0);
  std::vector<int64_t> times;
  for (int ms = 0; ms <= untilMs; ++ms) {
    for (int64_t seq : nack.getNackList(ms * kMs)) {
      if (seq == 2) times.push_back(ms * kMs);
    }
  }
  return times;
}

TEST(NackGeneratorTest, RetriesAreSpacedByTheDefaultRttAndBounded) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  const std::vector<int64_t> times = nackTimesOfTwo(nack, 3000);
  ASSERT_EQ(times.size(), 10u);  // maxRetries
  EXPECT_EQ(times.front(), 10 * kMs);
  const int64_t retryUs = (100 + defaults().retryMarginMs) * kMs;  // RTT + margin
  for (size_t i = 1; i < times.size(); ++i) EXPECT_EQ(times[i] - times[i - 1], retryUs);
  // Given up one retry interval after the last try, once.
  EXPECT_EQ(listener.lost, std::vector<int64_t>{2});
  EXPECT_EQ(nack.stats().nacksSent, 10u);
  EXPECT_EQ(nack.stats().packetsGivenUp, 1u);
  EXPECT_EQ(nack.listSize(), 0u);
  EXPECT_TRUE(listener.keyframeRequired.empty());
}

TEST(NackGeneratorTest, RetriesFollowTheMeasuredRtt) {
  RecordingListener listener;
  NackGenerator::Config config = defaults();
  config.maxRetries = 4;
  config.retryMarginMs = 0;  // retries exactly one RTT apart
  NackGenerator nack(config, listener);
  nack.setRttMs(40);
  EXPECT_EQ(nackTimesOfTwo(nack, 1000),
            (std::vector<int64_t>{10 * kMs, 50 * kMs, 90 * kMs, 130 * kMs}));
  EXPECT_EQ(listener.lost, std::vector<int64_t>{2});
  nack.setRttMs(0);  // unknown again: back to the default
  EXPECT_EQ(nack.rttUs(), 100 * kMs);
}

TEST(NackGeneratorTest, TheFirstNackIsRepeatedQuicklyThenEveryRetryInterval) {
  RecordingListener listener;
  NackGenerator::Config config = defaults();
  config.maxRetries = 4;
  config.firstRepeatMs = 20;
  NackGenerator nack(config, listener);
  nack.setRttMs(40);
  const int64_t retryMs = 40 + config.retryMarginMs;
  // 10 ms reorder wait, the quick repeat 20 ms later, then RTT + margin.
  EXPECT_EQ(nackTimesOfTwo(nack, 1000),
            (std::vector<int64_t>{10 * kMs, 30 * kMs, (30 + retryMs) * kMs,
                                  (30 + 2 * retryMs) * kMs}));
}

TEST(NackGeneratorTest, AnArrivingPacketLeavesTheList) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  nack.onPacket(1, 0);
  nack.onPacket(3, 0);
  nack.onPacket(4, 0);
  EXPECT_EQ(nack.getNackList(10 * kMs), std::vector<int64_t>{2});
  EXPECT_TRUE(nack.onPacket(2, 60 * kMs));  // the retransmission, RTX or not
  EXPECT_TRUE(nack.getNackList(500 * kMs).empty());
  EXPECT_EQ(nack.stats().packetsRecovered, 1u);
  nack.onPacket(4, 501 * kMs);  // duplicates change nothing
  EXPECT_EQ(nack.listSize(), 0u);
  EXPECT_TRUE(listener.lost.empty());
}

TEST(NackGeneratorTest, AReorderedPacketIsNotARetransmission) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  nack.onPacket(1, 0);
  nack.onPacket(3, 0);
  EXPECT_FALSE(nack.onPacket(2, 1 * kMs));  // late, but never NACKed
  EXPECT_FALSE(nack.onPacket(3, 2 * kMs));  // duplicate
  EXPECT_EQ(nack.stats().packetsRecovered, 0u);
}

TEST(NackGeneratorTest, TooManyMissingClearsTheListAndAsksForAKeyframe) {
  RecordingListener listener;
  NackGenerator::Config config = defaults();
  config.maxListSize = 100;
  NackGenerator nack(config, listener);
  nack.onPacket(1, 0);
  nack.onPacket(60, 0);  // 58 missing: fine
  EXPECT_EQ(nack.listSize(), 58u);
  nack.onPacket(120, 0);  // 59 more: too many
  EXPECT_EQ(nack.listSize(), 0u);
  EXPECT_EQ(listener.keyframeRequired, std::vector<int64_t>{120});
  EXPECT_EQ(nack.stats().overflows, 1u);
  EXPECT_EQ(nack.stats().packetsAbandoned, 58u);
  // Tracking goes on from the new position.
  nack.onPacket(123, 0);
  EXPECT_EQ(nack.listSize(), 2u);
}

TEST(NackGeneratorTest, AFarJumpAheadOverflowsAtOnce) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  nack.onPacket(1, 0);
  nack.onPacket(int64_t{1} << 40, 0);
  EXPECT_EQ(nack.listSize(), 0u);
  EXPECT_EQ(listener.keyframeRequired.size(), 1u);
}

TEST(NackGeneratorTest, AFarJumpBackRestartsTracking) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  nack.onPacket(50'000, 0);
  nack.onPacket(50'003, 0);
  nack.onPacket(5, 0);  // the sender started over
  EXPECT_EQ(nack.listSize(), 0u);
  nack.onPacket(8, 0);
  EXPECT_EQ(nack.listSize(), 2u);  // 6 and 7
}

TEST(NackGeneratorTest, ForgetUpToDropsWhatTheBufferNoLongerNeeds) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  nack.onPacket(1, 0);
  nack.onPacket(5, 0);   // 2..4 missing
  nack.onPacket(11, 0);  // 6..10 missing
  nack.onPacket(12, 0);
  nack.forgetUpTo(7);
  EXPECT_EQ(nack.listSize(), 3u);
  EXPECT_EQ(nack.stats().packetsAbandoned, 5u);
  EXPECT_EQ(nack.getNackList(10 * kMs), (std::vector<int64_t>{8, 9, 10}));
}

TEST(NackGeneratorTest, NextDueUsSaysWhenToPoll) {
  RecordingListener listener;
  NackGenerator nack(defaults(), listener);
  EXPECT_EQ(nack.nextDueUs(), NackGenerator::kNoDeadline);
  nack.onPacket(1, 0);
  nack.onPacket(3, 2 * kMs);
  EXPECT_EQ(nack.nextDueUs(), NackGenerator::kNoDeadline);  // needs another newer packet
  nack.onPacket(4, 5 * kMs);
  EXPECT_EQ(nack.nextDueUs(), 12 * kMs);  // gap seen at 2 ms, + 10 ms
  EXPECT_TRUE(nack.getNackList(11 * kMs).empty());
  EXPECT_EQ(nack.getNackList(12 * kMs), std::vector<int64_t>{2});
  EXPECT_EQ(nack.nextDueUs(), (112 + defaults().retryMarginMs) * kMs);  // + RTT + margin
}

}  // namespace
}  // namespace parley::jitter

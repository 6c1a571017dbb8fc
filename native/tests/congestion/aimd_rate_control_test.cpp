// AimdRateControl: the increase / hold / decrease state machine of
// draft-ietf-rmcat-gcc-02 section 5.5.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "congestion/aimd_rate_control.h"

namespace parley::congestion {
namespace {

constexpr int64_t kStepUs = 33'000;

AimdRateControl::Config config() {
  AimdRateControl::Config c;
  c.minBitrateBps = 30'000;
  c.maxBitrateBps = 2'500'000;
  c.startBitrateBps = 300'000;
  return c;
}

// Runs `seconds` of updates with one signal and incoming bitrate.
uint64_t run(AimdRateControl& aimd, BandwidthUsage usage, uint64_t incoming, double seconds, int64_t* now) {
  const int steps = static_cast<int>(seconds * 1e6 / kStepUs);
  for (int i = 0; i < steps; ++i) aimd.update(usage, incoming, *now += kStepUs);
  return aimd.estimateBps();
}

TEST(AimdRateControlTest, WaitsForAnIncomingRateThenStartsFromIt) {
  AimdRateControl aimd(config());
  int64_t now = 0;
  EXPECT_EQ(aimd.update(BandwidthUsage::kNormal, 0, now += kStepUs), 300'000u);
  EXPECT_FALSE(aimd.initialized());
  EXPECT_EQ(aimd.update(BandwidthUsage::kNormal, 700'000, now += kStepUs), 700'000u);
  EXPECT_TRUE(aimd.initialized());
}

struct Row {
  std::string name;
  BandwidthUsage usage;
  uint64_t incoming;
  double seconds;
  uint64_t low;   // expected estimate range after `seconds` from 500 kbps
  uint64_t high;
};

TEST(AimdRateControlTest, Table) {
  const std::vector<Row> rows = {
      // Far from convergence: multiplicative, 8% a second.
      {"normal_1s_multiplicative", BandwidthUsage::kNormal, 500'000, 1.0, 535'000, 545'000},
      {"normal_2s_multiplicative", BandwidthUsage::kNormal, 500'000, 2.0, 575'000, 590'000},
      // Never past 1.5 * R_hat + 10 kbps ...
      {"normal_capped_by_incoming", BandwidthUsage::kNormal, 350'000, 10.0, 535'000, 535'000},
      // ... but an estimate already above that is not cut either.
      {"normal_above_incoming_limit", BandwidthUsage::kNormal, 300'000, 10.0, 500'000, 500'000},
      // Over-use: beta = 0.85 of the incoming rate.
      {"overuse", BandwidthUsage::kOverusing, 480'000, 0.04, 408'000, 408'000},
      {"overuse_never_raises", BandwidthUsage::kOverusing, 1'000'000, 0.04, 500'000, 500'000},
      {"overuse_floor", BandwidthUsage::kOverusing, 10'000, 0.04, 30'000, 30'000},
      // Under-use: hold.
      {"underuse_holds", BandwidthUsage::kUnderusing, 500'000, 3.0, 500'000, 500'000},
      // Receiving well above the estimate: a queue is emptying; hold.
      {"draining_holds", BandwidthUsage::kNormal, 600'000, 3.0, 500'000, 500'000},
  };
  for (const Row& row : rows) {
    AimdRateControl aimd(config());
    int64_t now = 0;
    aimd.update(BandwidthUsage::kUnderusing, 500'000, now += kStepUs);  // initialize at 500 kbps, hold
    ASSERT_EQ(aimd.estimateBps(), 500'000u) << row.name;
    const uint64_t estimate = run(aimd, row.usage, row.incoming, row.seconds, &now);
    EXPECT_GE(estimate, row.low) << row.name;
    EXPECT_LE(estimate, row.high) << row.name;
  }
}

TEST(AimdRateControlTest, StaysWithinMinAndMax) {
  AimdRateControl::Config c = config();
  c.maxBitrateBps = 600'000;
  AimdRateControl aimd(c);
  int64_t now = 0;
  EXPECT_EQ(aimd.update(BandwidthUsage::kNormal, 5'000'000, now += kStepUs), 600'000u);
  EXPECT_EQ(run(aimd, BandwidthUsage::kNormal, 590'000, 30.0, &now), 600'000u);
  EXPECT_EQ(run(aimd, BandwidthUsage::kOverusing, 1'000, 1.0, &now), 30'000u);
}

TEST(AimdRateControlTest, AfterADecreaseIncreasesAdditivelyAndSlowerWithLongerRtt) {
  auto afterDecrease = [](int64_t rttMs) {
    AimdRateControl aimd(config());
    aimd.setRttMs(rttMs);
    int64_t now = 0;
    aimd.update(BandwidthUsage::kNormal, 1'000'000, now += kStepUs);
    aimd.update(BandwidthUsage::kOverusing, 1'000'000, now += kStepUs);  // learns ~1 Mbps ceiling
    EXPECT_EQ(aimd.estimateBps(), 850'000u);
    EXPECT_TRUE(aimd.nearConvergence());
    aimd.update(BandwidthUsage::kNormal, 850'000, now += kStepUs);  // Hold -> Increase
    const uint64_t start = aimd.estimateBps();
    return run(aimd, BandwidthUsage::kNormal, 850'000, 1.0, &now) - start;
  };
  const uint64_t shortRtt = afterDecrease(50);
  const uint64_t longRtt = afterDecrease(500);
  // Half a packet (850 kbps / 30 fps in 3 packets: ~9.4 kbit) per response
  // time (100 ms + RTT): ~31 kbps/s at 50 ms, ~8 kbps/s at 500 ms; far below
  // the 68 kbps a multiplicative step would add.
  EXPECT_GT(shortRtt, 20'000u);
  EXPECT_LT(shortRtt, 40'000u);
  EXPECT_GT(longRtt, 4'000u);
  EXPECT_LT(longRtt, 12'000u);
}

TEST(AimdRateControlTest, ForgetsTheCeilingWhenTheIncomingRateLeavesIt) {
  AimdRateControl aimd(config());
  int64_t now = 0;
  aimd.update(BandwidthUsage::kNormal, 1'000'000, now += kStepUs);
  aimd.update(BandwidthUsage::kOverusing, 1'000'000, now += kStepUs);
  ASSERT_TRUE(aimd.nearConvergence());
  aimd.update(BandwidthUsage::kNormal, 1'000'000, now += kStepUs);
  aimd.update(BandwidthUsage::kNormal, 1'300'000, now += kStepUs);  // far above avg + 3 std
  EXPECT_FALSE(aimd.nearConvergence());
}

}  // namespace
}  // namespace parley::congestion

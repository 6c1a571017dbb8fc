// The whole rate-control loop (pacer, abs-send-time, receive-side estimator,
// REMB, loss reports, send-side controller) over a capped SimulatedNetwork
// on simulated time: issue 5 requirement 9, "rate control converging below
// a 1 Mbps cap without sustained loss". Prints its figures for the record.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "closed_loop_scenario.h"

namespace parley::test {
namespace {

struct Case {
  std::string name;
  int64_t capBps;
  uint64_t startBps;
  uint64_t seed;
  int64_t jitterUs = 0;
};

class ClosedLoopTest : public ::testing::TestWithParam<Case> {};

TEST_P(ClosedLoopTest, ConvergesBelowTheCapWithoutSustainedLossOrQueue) {
  const Case& c = GetParam();
  ClosedLoopConfig config;
  config.capBps = c.capBps;
  config.startBitrateBps = c.startBps;
  config.seed = c.seed;
  config.jitterUs = c.jitterUs;
  const ClosedLoopResult r = runClosedLoop(config);

  std::printf(
      "[closed-loop %s] cap %lld bps, start %llu bps, jitter %lld ms: settled below cap at %.2f s; "
      "after %.0f s: target min %llu / mean %llu / max %llu bps, final %llu bps, goodput %.0f bps, "
      "loss %.3f%%, queue delay p95 %.1f ms (max %.1f ms); REMBs %llu, packets %llu (lost %llu in all)\n",
      c.name.c_str(), static_cast<long long>(c.capBps), static_cast<unsigned long long>(c.startBps),
      static_cast<long long>(c.jitterUs / 1000),
      static_cast<double>(r.settleUs) / 1e6, static_cast<double>(config.settleDeadlineUs) / 1e6,
      static_cast<unsigned long long>(r.minTargetAfterDeadlineBps),
      static_cast<unsigned long long>(r.meanTargetAfterDeadlineBps),
      static_cast<unsigned long long>(r.maxTargetAfterDeadlineBps),
      static_cast<unsigned long long>(r.finalTargetBps), r.goodputAfterDeadlineBps,
      r.lossAfterDeadline * 100, static_cast<double>(r.p95QueueDelayUs) / 1000,
      static_cast<double>(r.maxQueueDelayUs) / 1000, static_cast<unsigned long long>(r.rembsSent),
      static_cast<unsigned long long>(r.packetsSent), static_cast<unsigned long long>(r.packetsLost));

  const auto cap = static_cast<uint64_t>(c.capBps);
  EXPECT_GE(r.settleUs, 0) << "the target never settled below the cap";
  EXPECT_LE(r.settleUs, config.settleDeadlineUs);
  EXPECT_LT(r.maxTargetAfterDeadlineBps, cap);
  EXPECT_GT(r.minTargetAfterDeadlineBps, cap / 2) << "the rate collapsed";
  EXPECT_LT(r.lossAfterDeadline, 0.01);
  EXPECT_LT(r.p95QueueDelayUs, 100'000);
  EXPECT_EQ(r.pacerDrops, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Caps, ClosedLoopTest,
    ::testing::Values(Case{"cap_1mbps_start_2mbps", 1'000'000, 2'000'000, 7},
                      Case{"cap_1mbps_start_1500kbps", 1'000'000, 1'500'000, 11},
                      Case{"cap_600kbps_start_1500kbps", 600'000, 1'500'000, 7},
                      Case{"cap_600kbps_start_2mbps", 600'000, 2'000'000, 3},
                      Case{"cap_1mbps_jitter_10ms", 1'000'000, 2'000'000, 5, 10'000},
                      Case{"cap_600kbps_jitter_20ms", 600'000, 1'500'000, 9, 20'000}),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

// The loss-based half of the loop (draft-ietf-rmcat-gcc-02 section 6): loss
// the sender cannot cure by slowing down. Between 2% and 10% it holds; above
// 10% it backs off report after report.
TEST(ClosedLoopLossTest, ModerateRandomLossHoldsAndHeavyLossBacksOff) {
  ClosedLoopConfig config;
  config.capBps = 1'000'000;
  config.randomLoss = 0.05;
  const ClosedLoopResult moderate = runClosedLoop(config);
  config.randomLoss = 0.20;
  const ClosedLoopResult heavy = runClosedLoop(config);
  std::printf("[closed-loop random loss] 5%%: mean target after 5 s %llu bps, final %llu; "
              "20%%: mean %llu bps, final %llu bps\n",
              static_cast<unsigned long long>(moderate.meanTargetAfterDeadlineBps),
              static_cast<unsigned long long>(moderate.finalTargetBps),
              static_cast<unsigned long long>(heavy.meanTargetAfterDeadlineBps),
              static_cast<unsigned long long>(heavy.finalTargetBps));
  EXPECT_LT(moderate.maxTargetAfterDeadlineBps, 1'000'000u);
  EXPECT_GT(moderate.minTargetAfterDeadlineBps, 500'000u);
  // 20% loss: every report takes ~10% off, down to the 50 kbps floor.
  EXPECT_LT(heavy.finalTargetBps, 100'000u);
  EXPECT_GE(heavy.finalTargetBps, 50'000u);
}

}  // namespace
}  // namespace parley::test

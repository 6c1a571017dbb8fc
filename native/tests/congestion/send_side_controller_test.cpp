// SendSideController: the loss-based rule of draft-ietf-rmcat-gcc-02
// section 6 and the REMB cap.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "congestion/send_side_controller.h"

namespace parley::congestion {
namespace {

constexpr int64_t kSecond = 1'000'000;

SendSideController::Config config() {
  SendSideController::Config c;
  c.minBitrateBps = 50'000;
  c.maxBitrateBps = 2'000'000;
  c.startBitrateBps = 800'000;
  return c;
}

struct LossRow {
  std::string name;
  uint8_t fractionLost;  // RFC 3550 8-bit fraction
  int reports;           // one a second, 100 packets each
  double expectedFactorPerReport;
  double extraBpsPerReport;
};

TEST(SendSideControllerTest, LossTable) {
  const std::vector<LossRow> rows = {
      {"no_loss_grows_8pct_a_second", 0, 5, 1.08, 1000},
      {"1pct_loss_grows", 3, 3, 1.08, 1000},
      {"5pct_loss_holds", 13, 5, 1.0, 0},
      {"9pct_loss_holds", 23, 5, 1.0, 0},
      {"20pct_loss_backs_off", 51, 3, 1.0 - 0.5 * 51.0 / 256.0, 0},
      {"50pct_loss_backs_off", 128, 2, 0.75, 0},
  };
  for (const LossRow& row : rows) {
    SendSideController controller(config());
    double expected = 800'000;
    for (int i = 1; i <= row.reports; ++i) {
      controller.onReportBlock(row.fractionLost, 100, 100, i * kSecond);
      expected = expected * row.expectedFactorPerReport + row.extraBpsPerReport;
      EXPECT_NEAR(static_cast<double>(controller.targetBitrateBps()), expected, 2.0 * i)
          << row.name << " report " << i;
    }
    EXPECT_NEAR(controller.lastLossFraction(), row.fractionLost / 256.0, 1e-9) << row.name;
  }
}

TEST(SendSideControllerTest, IncreasesAtMost8PercentASecond) {
  SendSideController controller(config());
  for (int i = 0; i < 10; ++i) controller.onReportBlock(0, 100, 100, kSecond + i * 100'000);
  EXPECT_EQ(controller.targetBitrateBps(), 865'000u);  // 800k * 1.08 + 1k, once
  controller.onReportBlock(0, 100, 100, 2 * kSecond + 100'000);
  EXPECT_EQ(controller.targetBitrateBps(), 935'200u);  // 865k * 1.08 + 1k
}

TEST(SendSideControllerTest, DecreasesAtMostOncePer300msPlusRtt) {
  SendSideController controller(config());
  controller.onReportBlock(51, 100, 100, kSecond);
  const uint64_t once = controller.targetBitrateBps();
  controller.onReportBlock(51, 100, 100, kSecond + 200'000);  // < 300 ms + 100 ms
  EXPECT_EQ(controller.targetBitrateBps(), once);
  controller.onReportBlock(51, 100, 100, kSecond + 400'000);
  EXPECT_LT(controller.targetBitrateBps(), once);
}

TEST(SendSideControllerTest, LossIsWeightedByPacketsExpected) {
  SendSideController controller(config());
  // 10 packets all lost, then 90 packets none lost: 10% over the 100.
  controller.onReportBlock(255, 10, 100, kSecond);  // too few packets alone: no verdict yet
  EXPECT_EQ(controller.targetBitrateBps(), 800'000u);
  controller.onReportBlock(0, 90, 100, 2 * kSecond);
  EXPECT_NEAR(controller.lastLossFraction(), (255.0 / 256.0 * 10) / 100.0, 1e-9);
  EXPECT_EQ(controller.targetBitrateBps(), 800'000u);  // 10%: hold
  // A report covering no packets says nothing.
  controller.onReportBlock(255, 0, 100, 3 * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 800'000u);
}

TEST(SendSideControllerTest, RembCapsTheTarget) {
  SendSideController controller(config());
  EXPECT_EQ(controller.lastRembBps(), 0u);
  controller.onRemb(500'000, kSecond);
  EXPECT_EQ(controller.lastRembBps(), 500'000u);
  EXPECT_EQ(controller.targetBitrateBps(), 500'000u);
  // No loss does not lift it past the REMB.
  for (int i = 2; i < 10; ++i) controller.onReportBlock(0, 100, 100, i * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 500'000u);
  // A higher REMB lets it rise, by at most 8% a second.
  controller.onRemb(700'000, 10 * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 541'000u);  // 500k * 1.08 + 1k
  controller.onRemb(700'000, 10 * kSecond + 200'000);
  EXPECT_EQ(controller.targetBitrateBps(), 541'000u);
  controller.onRemb(700'000, 11 * kSecond + 1);
  EXPECT_EQ(controller.targetBitrateBps(), 585'280u);  // 541k * 1.08 + 1k
  for (int i = 12; i < 20; ++i) controller.onRemb(700'000, i * kSecond + 1);
  EXPECT_EQ(controller.targetBitrateBps(), 700'000u);
  // A lower REMB applies at once.
  controller.onRemb(300'000, 20 * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 300'000u);
}

TEST(SendSideControllerTest, StaysWithinMinAndMax) {
  SendSideController controller(config());
  controller.onRemb(10'000, kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 50'000u);
  controller.onRemb(10'000'000, 2 * kSecond);
  for (int i = 3; i < 60; ++i) controller.onReportBlock(0, 100, 100, i * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 2'000'000u);
  for (int i = 60; i < 80; ++i) controller.onReportBlock(255, 100, 100, i * kSecond);
  EXPECT_EQ(controller.targetBitrateBps(), 50'000u);
  controller.onRemb(0, 81 * kSecond);  // meaningless: ignored
  EXPECT_EQ(controller.lastRembBps(), 10'000'000u);
}

}  // namespace
}  // namespace parley::congestion

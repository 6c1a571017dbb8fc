#include "sync/rtp_to_ntp_estimator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>

namespace parley::sync {
namespace {

constexpr int64_t kSecondUs = 1'000'000;
// 2026 in NTP seconds (since 1900), in microseconds.
constexpr int64_t kNtpEpochUs = int64_t{3'973'000'000} * kSecondUs;

// A sender whose RTP clock runs at rateHz * (1 + driftPpm / 1e6) from rtpOrigin.
struct Sender {
  int rateHz;
  uint32_t rtpOrigin;
  double driftPpm = 0;

  uint32_t rtpAt(int64_t elapsedUs) const {
    const double ticks = static_cast<double>(elapsedUs) * rateHz * (1 + driftPpm * 1e-6) / 1e6;
    return rtpOrigin + static_cast<uint32_t>(static_cast<int64_t>(std::llround(ticks)));
  }
  static uint64_t ntpAt(int64_t elapsedUs) { return RtpToNtpEstimator::usToNtp(kNtpEpochUs + elapsedUs); }
  static int64_t ntpMsAt(int64_t elapsedUs) { return (kNtpEpochUs + elapsedUs) / 1000; }
};

RtpToNtpEstimator::Config configFor(int rateHz) {
  RtpToNtpEstimator::Config config;
  config.clockRateHz = rateHz;
  return config;
}

TEST(RtpToNtpEstimatorTest, NtpFormatConversions) {
  // RFC 3550 section 4: 32.32 fixed point seconds; 0x80000000 is half a second.
  EXPECT_EQ(RtpToNtpEstimator::ntpToUs(0x0000'0001'8000'0000ull), 1'500'000);
  EXPECT_EQ(RtpToNtpEstimator::ntpToUs(0x0000'0002'4000'0000ull), 2'250'000);
  EXPECT_EQ(RtpToNtpEstimator::usToNtp(1'500'000), 0x0000'0001'8000'0000ull);
  EXPECT_EQ(RtpToNtpEstimator::usToNtp(-5), 0u);
  for (int64_t us : {int64_t{1}, int64_t{999'999}, kNtpEpochUs + 123'457}) {
    EXPECT_EQ(RtpToNtpEstimator::ntpToUs(RtpToNtpEstimator::usToNtp(us)), us);
  }
}

TEST(RtpToNtpEstimatorTest, NoEstimateBeforeTheFirstReport) {
  RtpToNtpEstimator estimator;
  int64_t ntpMs = -1;
  EXPECT_FALSE(estimator.hasEstimate());
  EXPECT_FALSE(estimator.estimateNtpMs(1234, &ntpMs));
  EXPECT_EQ(ntpMs, -1);
}

struct ExactCase {
  std::string name;
  int rateHz;
  uint32_t rtpOrigin;
  double driftPpm;
  int reports;
  int64_t intervalUs;
};

std::ostream& operator<<(std::ostream& os, const ExactCase& c) { return os << c.name; }

class RtpToNtpExactTest : public ::testing::TestWithParam<ExactCase> {};

// Reports from a sender, then estimates of instants between, before and
// after them (up to 3 s past the last) must hit the sender's NTP time.
TEST_P(RtpToNtpExactTest, EstimatesMatchTheSenderClock) {
  const ExactCase& c = GetParam();
  const Sender sender{c.rateHz, c.rtpOrigin, c.driftPpm};
  RtpToNtpEstimator estimator(configFor(c.rateHz));
  for (int i = 0; i < c.reports; ++i) {
    const int64_t at = i * c.intervalUs + (i % 3) * 7'000;  // irregular spacing
    ASSERT_EQ(estimator.onSenderReport(Sender::ntpAt(at), sender.rtpAt(at)),
              RtpToNtpEstimator::Result::kAccepted)
        << "report " << i;
  }
  EXPECT_EQ(estimator.reportCount(), static_cast<size_t>(std::min(c.reports, 8)));
  const int64_t lastUs = (c.reports - 1) * c.intervalUs;
  for (int64_t at = lastUs - 3 * kSecondUs; at <= lastUs + 3 * kSecondUs; at += 123'457) {
    int64_t ntpMs = 0;
    ASSERT_TRUE(estimator.estimateNtpMs(sender.rtpAt(at), &ntpMs));
    EXPECT_NEAR(ntpMs, Sender::ntpMsAt(at), 1) << "at " << at;
  }
  EXPECT_EQ(estimator.stats().accepted, static_cast<uint64_t>(c.reports));
}

INSTANTIATE_TEST_SUITE_P(
    Clocks, RtpToNtpExactTest,
    ::testing::Values(
        ExactCase{"Video90kHz", 90'000, 123'456'789u, 0, 6, kSecondUs},
        ExactCase{"Audio48kHz", 48'000, 3'000'000'000u, 0, 6, kSecondUs},
        ExactCase{"OneReportNominalRate", 48'000, 77u, 0, 1, kSecondUs},
        // Wraps between the second and third report, and queries span it.
        ExactCase{"Video90kHzWraps", 90'000, 0xFFFF'FFFFu - 200'000u, 0, 5, kSecondUs},
        ExactCase{"Audio48kHzWraps", 48'000, 0xFFFF'FFFFu - 100'000u, 0, 5, kSecondUs},
        // 200 ppm fast sender clock: the fit follows it (nominal would be 0.6 ms
        // off 3 s past the last report and drift on).
        ExactCase{"Video90kHzDrift200ppm", 90'000, 5u, 200, 12, kSecondUs},
        ExactCase{"Audio48kHzSlowReports", 48'000, 9u, -150, 4, 5 * kSecondUs}),
    [](const ::testing::TestParamInfo<ExactCase>& info) { return info.param.name; });

TEST(RtpToNtpEstimatorTest, FitsADriftingClockRate) {
  const Sender sender{90'000, 1000u, 500};
  RtpToNtpEstimator estimator(configFor(90'000));
  for (int i = 0; i < 8; ++i) {
    estimator.onSenderReport(Sender::ntpAt(i * kSecondUs), sender.rtpAt(i * kSecondUs));
  }
  EXPECT_NEAR(estimator.clockRateHz(), 90'045.0, 0.5);
  // 60 s past the last report the 500 ppm matter (30 ms at the nominal rate).
  int64_t ntpMs = 0;
  const int64_t at = 67 * kSecondUs;
  ASSERT_TRUE(estimator.estimateNtpMs(sender.rtpAt(at), &ntpMs));
  EXPECT_NEAR(ntpMs, Sender::ntpMsAt(at), 1);
}

// A rate 3 % off passes the per-report check (100 ms + 2 % slack over 1 s)
// but not the fit's: the nominal rate is used through the pairs' mean.
TEST(RtpToNtpEstimatorTest, ImplausibleFittedRateFallsBackToNominal) {
  const Sender sender{90'000, 1000u, 30'000};
  RtpToNtpEstimator estimator(configFor(90'000));
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(estimator.onSenderReport(Sender::ntpAt(i * kSecondUs), sender.rtpAt(i * kSecondUs)),
              RtpToNtpEstimator::Result::kAccepted);
  }
  EXPECT_DOUBLE_EQ(estimator.clockRateHz(), 90'000.0);
}

struct RejectCase {
  std::string name;
  int64_t atUs;         // the bad report's NTP instant
  int64_t rtpShiftTicks;  // added to the consistent RTP timestamp
  bool zeroNtp;
  RtpToNtpEstimator::Result expected;
};

std::ostream& operator<<(std::ostream& os, const RejectCase& c) { return os << c.name; }

class RtpToNtpRejectTest : public ::testing::TestWithParam<RejectCase> {};

// After reports at 0, 1, 2 s, one bad report is rejected (or ignored) and
// counted, and the mapping stays exact.
TEST_P(RtpToNtpRejectTest, BadReportIsCountedAndIgnored) {
  const RejectCase& c = GetParam();
  const Sender sender{90'000, 4'000'000'000u};
  RtpToNtpEstimator estimator(configFor(90'000));
  for (int i = 0; i < 3; ++i) {
    estimator.onSenderReport(Sender::ntpAt(i * kSecondUs), sender.rtpAt(i * kSecondUs));
  }
  const uint64_t ntp = c.zeroNtp ? 0 : Sender::ntpAt(c.atUs);
  const uint32_t rtp = sender.rtpAt(c.atUs) + static_cast<uint32_t>(c.rtpShiftTicks);
  EXPECT_EQ(estimator.onSenderReport(ntp, rtp), c.expected);
  EXPECT_EQ(estimator.reportCount(), 3u);
  const RtpToNtpEstimator::Stats& stats = estimator.stats();
  EXPECT_EQ(stats.accepted, 3u);
  EXPECT_EQ(stats.duplicates + stats.backwards + stats.inconsistent + stats.invalid, 1u);
  int64_t ntpMs = 0;
  ASSERT_TRUE(estimator.estimateNtpMs(sender.rtpAt(2'500'000), &ntpMs));
  EXPECT_NEAR(ntpMs, Sender::ntpMsAt(2'500'000), 1);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RtpToNtpRejectTest,
    ::testing::Values(
        RejectCase{"Duplicate", 2 * kSecondUs, 0, false, RtpToNtpEstimator::Result::kDuplicate},
        RejectCase{"NtpBackwards", 1'500'000, 0, false, RtpToNtpEstimator::Result::kBackwards},
        RejectCase{"SameNtpOtherRtp", 2 * kSecondUs, 900, false,
                   RtpToNtpEstimator::Result::kBackwards},
        RejectCase{"RtpBackwards", 3 * kSecondUs, -2 * 90'000, false,
                   RtpToNtpEstimator::Result::kBackwards},
        RejectCase{"RtpJumpsAhead", 3 * kSecondUs, 90'000, false,
                   RtpToNtpEstimator::Result::kInconsistent},
        RejectCase{"RtpAtHalfRate", 4 * kSecondUs, -90'000, false,
                   RtpToNtpEstimator::Result::kInconsistent},
        RejectCase{"ZeroNtp", 3 * kSecondUs, 0, true, RtpToNtpEstimator::Result::kInvalid}),
    [](const ::testing::TestParamInfo<RejectCase>& info) { return info.param.name; });

TEST(RtpToNtpEstimatorTest, SenderThatRestartedItsClockIsFollowedAfterThreeReports) {
  const Sender before{48'000, 1'000u};
  const Sender after{48'000, 2'000'000'000u};  // new random offset
  RtpToNtpEstimator estimator(configFor(48'000));
  for (int i = 0; i < 4; ++i) {
    estimator.onSenderReport(Sender::ntpAt(i * kSecondUs), before.rtpAt(i * kSecondUs));
  }
  EXPECT_EQ(estimator.onSenderReport(Sender::ntpAt(4 * kSecondUs), after.rtpAt(4 * kSecondUs)),
            RtpToNtpEstimator::Result::kInconsistent);
  EXPECT_EQ(estimator.onSenderReport(Sender::ntpAt(5 * kSecondUs), after.rtpAt(5 * kSecondUs)),
            RtpToNtpEstimator::Result::kInconsistent);
  EXPECT_EQ(estimator.onSenderReport(Sender::ntpAt(6 * kSecondUs), after.rtpAt(6 * kSecondUs)),
            RtpToNtpEstimator::Result::kRestarted);
  EXPECT_EQ(estimator.onSenderReport(Sender::ntpAt(7 * kSecondUs), after.rtpAt(7 * kSecondUs)),
            RtpToNtpEstimator::Result::kAccepted);
  EXPECT_EQ(estimator.stats().restarts, 1u);
  EXPECT_EQ(estimator.stats().inconsistent, 3u);  // the third one too, then the restart
  EXPECT_EQ(estimator.reportCount(), 2u);
  int64_t ntpMs = 0;
  ASSERT_TRUE(estimator.estimateNtpMs(after.rtpAt(7'250'000), &ntpMs));
  EXPECT_NEAR(ntpMs, Sender::ntpMsAt(7'250'000), 1);
}

TEST(RtpToNtpEstimatorTest, OneStrayReportDoesNotRestart) {
  const Sender sender{90'000, 1u};
  RtpToNtpEstimator estimator(configFor(90'000));
  for (int i = 0; i < 10; ++i) {
    const int64_t at = i * kSecondUs;
    const uint32_t rtp = sender.rtpAt(at) + (i % 3 == 2 ? 45'000u : 0u);  // every third is junk
    estimator.onSenderReport(Sender::ntpAt(at), rtp);
  }
  EXPECT_EQ(estimator.stats().restarts, 0u);
  EXPECT_EQ(estimator.stats().inconsistent, 3u);
  int64_t ntpMs = 0;
  ASSERT_TRUE(estimator.estimateNtpMs(sender.rtpAt(9'500'000), &ntpMs));
  EXPECT_NEAR(ntpMs, Sender::ntpMsAt(9'500'000), 1);
}

TEST(RtpToNtpEstimatorTest, LongSilenceRestarts) {
  const Sender sender{90'000, 1u};
  RtpToNtpEstimator estimator(configFor(90'000));
  estimator.onSenderReport(Sender::ntpAt(0), sender.rtpAt(0));
  estimator.onSenderReport(Sender::ntpAt(kSecondUs), sender.rtpAt(kSecondUs));
  const int64_t later = int64_t{7200} * kSecondUs;  // two hours
  EXPECT_EQ(estimator.onSenderReport(Sender::ntpAt(later), sender.rtpAt(later)),
            RtpToNtpEstimator::Result::kRestarted);
  EXPECT_EQ(estimator.reportCount(), 1u);
  int64_t ntpMs = 0;
  ASSERT_TRUE(estimator.estimateNtpMs(sender.rtpAt(later + 100'000), &ntpMs));
  EXPECT_NEAR(ntpMs, Sender::ntpMsAt(later + 100'000), 1);
  estimator.reset();
  EXPECT_FALSE(estimator.hasEstimate());
}

}  // namespace
}  // namespace parley::sync

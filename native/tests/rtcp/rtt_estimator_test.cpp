// RTT from LSR and DLSR (RFC 3550 section 6.4.1) and the NTP conversions.
#include "rtcp/rtt_estimator.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace parley::rtcp {
namespace {

// NTP timestamp whose compact (middle 32 bits) form is `compact`.
constexpr uint64_t ntpWithCompact(uint32_t compact) { return uint64_t{compact} << 16; }

// The decimal values follow the example in RFC 3550 section 6.4.1, worked
// here in 16.16 fixed point:
//   our SR left at      LSR  = 46853.125 s = 0xB705:2000
//   the peer held it    DLSR =     5.250 s = 0x0005:4000
//   its block arrived   A    = 46864.500 s = 0xB710:8000
//   RTT = A - LSR - DLSR     = 0x000B:6000 - 0x0005:4000 = 0x0006:2000 = 6.125 s
TEST(RtcpRttTest, WorkedExample) {
  const std::optional<uint32_t> rtt = roundTripTime(0xB7108000, 0xB7052000, 0x00054000);
  ASSERT_TRUE(rtt.has_value());
  EXPECT_EQ(*rtt, 0x00062000u);
  EXPECT_EQ(compactNtpToUs(*rtt), 6125000);
}

TEST(RtcpRttTest, EstimatorMatchesReportBlocksToSentReports) {
  RttEstimator estimator;
  EXPECT_FALSE(estimator.lastRttUs().has_value());
  estimator.onSenderReportSent(ntpWithCompact(0xB7052000));
  ReportBlock block;
  block.lastSr = 0xB7052000;
  block.delaySinceLastSr = 0x00054000;
  const std::optional<uint32_t> rtt = estimator.onReportBlock(block, ntpWithCompact(0xB7108000));
  ASSERT_TRUE(rtt.has_value());
  EXPECT_EQ(*rtt, 0x00062000u);
  EXPECT_EQ(estimator.lastRttUs(), 6125000);

  // A block naming an SR we never sent leaves the last RTT alone.
  block.lastSr = 0xB7052001;
  EXPECT_FALSE(estimator.onReportBlock(block, ntpWithCompact(0xB7108000)).has_value());
  EXPECT_EQ(estimator.lastRttUs(), 6125000);
}

TEST(RtcpRttTest, ForgetsOldSenderReports) {
  RttEstimator estimator;
  for (uint32_t i = 1; i <= RttEstimator::kSentReportsKept + 1; ++i) {
    estimator.onSenderReportSent(ntpWithCompact(i * 0x10000));  // one per second
  }
  ReportBlock block;
  block.lastSr = 0x10000;  // the first: pushed out
  EXPECT_FALSE(estimator.onReportBlock(block, ntpWithCompact(0x200000)).has_value());
  block.lastSr = 0x20000;  // the second: still kept; 0x200000 - 0x20000 = 30 s
  EXPECT_EQ(estimator.onReportBlock(block, ntpWithCompact(0x200000)), 30u * 65536);
}

struct RttCase {
  std::string name;
  uint32_t arrival;
  uint32_t lsr;
  uint32_t dlsr;
  std::optional<uint32_t> rtt;
};

void PrintTo(const RttCase& c, std::ostream* os) { *os << c.name; }

std::vector<RttCase> rttCases() {
  return {
      {"worked_example", 0xB7108000, 0xB7052000, 0x00054000, 0x00062000},
      {"no_delay", 0x00010000, 0x00008000, 0, 0x00008000},  // 0.5 s
      {"zero_rtt", 0x00020000, 0x00010000, 0x00010000, 0},
      // The compact clock wraps every 65536 s: A just after, LSR just before.
      {"across_compact_wrap", 0x00000100, 0xFFFFFF00, 0x00000100, 0x00000100},
      {"lsr_zero_means_no_sr_yet", 0x00020000, 0, 0, std::nullopt},
      {"negative_rtt", 0x00020000, 0x00010000, 0x00010001, std::nullopt},
  };
}

class RtcpRttTableTest : public ::testing::TestWithParam<RttCase> {};

TEST_P(RtcpRttTableTest, Computes) {
  const RttCase& c = GetParam();
  EXPECT_EQ(roundTripTime(c.arrival, c.lsr, c.dlsr), c.rtt);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpRttTableTest, ::testing::ValuesIn(rttCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtcpNtpTest, UnixEpochIsNtpSeconds2208988800) {
  EXPECT_EQ(ntpFromUnixUs(0), uint64_t{2208988800u} << 32);
  EXPECT_EQ(unixUsFromNtp(uint64_t{2208988800u} << 32), 0);
}

TEST(RtcpNtpTest, FractionIsMicrosTimes2To32Over10To6) {
  // 1.5 s: fraction 0x8000'0000.
  EXPECT_EQ(ntpFromUnixUs(1500000), ((uint64_t{2208988801u}) << 32) | 0x80000000u);
  // 0.25 s: 0x4000'0000.
  EXPECT_EQ(ntpFromUnixUs(250000) & 0xFFFFFFFFu, 0x40000000u);
  // 2024-01-01T00:00:00Z = 1704067200 s after the Unix epoch.
  EXPECT_EQ(ntpFromUnixUs(int64_t{1704067200} * 1000000) >> 32, 1704067200u + 2208988800u);
}

TEST(RtcpNtpTest, RoundTripsToTheMicrosecond) {
  for (int64_t us : {int64_t{0}, int64_t{1}, int64_t{999999}, int64_t{1704067200123457}}) {
    EXPECT_EQ(unixUsFromNtp(ntpFromUnixUs(us)), us) << us;
  }
}

TEST(RtcpNtpTest, CompactForm) {
  EXPECT_EQ(compactNtp(0xB44DB705'20000000ull), 0xB7052000u);
  EXPECT_EQ(durationToCompactNtp(1500000), 98304u);  // 1.5 * 65536
  EXPECT_EQ(durationToCompactNtp(5250000), 0x00054000u);
  EXPECT_EQ(durationToCompactNtp(-1), 0u);
  EXPECT_EQ(durationToCompactNtp(int64_t{100000} * 1000000), 0xFFFFFFFFu);  // > 65536 s
  EXPECT_EQ(compactNtpToUs(0x00062000), 6125000);
  EXPECT_EQ(compactNtpToUs(1), 15);  // 15.26 us
}

}  // namespace
}  // namespace parley::rtcp

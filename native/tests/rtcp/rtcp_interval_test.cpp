// RFC 3550 appendix A.7 report interval: deterministic values for named
// sessions, and the randomization with an injected source.
#include "rtcp/rtcp_interval.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace parley::rtcp {
namespace {

struct IntervalCase {
  std::string name;
  RtcpIntervalParams params;
  double seconds;  // Td
};

void PrintTo(const IntervalCase& c, std::ostream* os) { *os << c.name; }

RtcpIntervalParams params(double bps, int members, int senders, bool weSent, double avgSize,
                          bool initial, bool reduced = false, double trrInt = 0) {
  RtcpIntervalParams p;
  p.sessionBandwidthBps = bps;
  p.members = members;
  p.senders = senders;
  p.weSent = weSent;
  p.averageRtcpSizeOctets = avgSize;
  p.initial = initial;
  p.reducedMinimum = reduced;
  p.trrIntSeconds = trrInt;
  return p;
}

// clang-format off
std::vector<IntervalCase> intervalCases() {
  return {
      // 1 Mbit/s call of two: RTCP gets 5% = 6250 octets/s; 1 sender of 2 is
      // above 25%, so no split: 100 * 2 / 6250 = 0.032 s, raised to 5 s.
      {"call_of_two_minimum", params(1e6, 2, 1, true, 100, false), 5.0},
      {"call_of_two_initial_halved", params(1e6, 2, 1, true, 100, true), 2.5},
      // Reduced minimum: 360 / 1000 kbit/s = 0.36 s.
      {"call_of_two_reduced_minimum", params(1e6, 2, 1, true, 100, false, true), 0.36},
      {"call_of_two_reduced_initial", params(1e6, 2, 1, true, 100, true, true), 0.18},
      // AVPF trr-int of 1 s keeps regular reports 1 s apart.
      {"trr_int_floor", params(1e6, 2, 1, true, 100, false, true, 1.0), 1.0},
      // 64 kbit/s, 100 members, 2 senders (<= 25%): receivers share 75% of
      // 400 octets/s = 300; 98 receivers * 120 / 300 = 39.2 s.
      {"large_session_receiver", params(64000, 100, 2, false, 120, false), 39.2},
      // 20 senders of 100 (<= 25%), we send: 25% of 400 = 100 octets/s,
      // 20 * 120 / 100 = 24 s.
      {"large_session_sender", params(64000, 100, 20, true, 120, false), 24.0},
      // 30 senders of 100 (> 25%): no split, 100 * 120 / 400 = 30 s.
      {"many_senders_no_split", params(64000, 100, 30, false, 120, false), 30.0},
      // No bandwidth known: the minimum.
      {"unknown_bandwidth", params(0, 2, 1, false, 100, false), 5.0},
  };
}
// clang-format on

class RtcpIntervalTableTest : public ::testing::TestWithParam<IntervalCase> {};

TEST_P(RtcpIntervalTableTest, Deterministic) {
  EXPECT_NEAR(deterministicRtcpIntervalSeconds(GetParam().params), GetParam().seconds, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpIntervalTableTest, ::testing::ValuesIn(intervalCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtcpIntervalTest, RandomizedSpansHalfToOneAndAHalfOverCompensation) {
  const RtcpIntervalParams p = params(1e6, 2, 1, true, 100, false);  // Td = 5 s
  // e - 1.5 = 1.21828...: 5 * 0.5 / 1.21828 = 2.05207, 5 / 1.21828 = 4.10414.
  EXPECT_NEAR(randomizedRtcpIntervalSeconds(p, [] { return 0.0; }), 2.0520703351228247, 1e-12);
  EXPECT_NEAR(randomizedRtcpIntervalSeconds(p, [] { return 0.5; }), 4.104140670245649, 1e-12);
  EXPECT_NEAR(randomizedRtcpIntervalSeconds(p, [] { return 0.75; }), 5.130175837807061, 1e-12);
  EXPECT_LT(randomizedRtcpIntervalSeconds(p, [] { return 0.999999; }), 6.1562110053684735);
}

TEST(RtcpIntervalTest, MinimumInterval) {
  EXPECT_DOUBLE_EQ(rtcpMinimumIntervalSeconds(params(1e6, 2, 1, true, 100, false)), 5.0);
  EXPECT_DOUBLE_EQ(rtcpMinimumIntervalSeconds(params(64000, 2, 1, true, 100, false, true)), 5.625);
  EXPECT_DOUBLE_EQ(rtcpMinimumIntervalSeconds(params(0, 2, 1, true, 100, false, true)), 5.0);
}

}  // namespace
}  // namespace parley::rtcp

// RFC 3550 appendix A.1/A.3/A.8 reception statistics: probation, in-order,
// loss, reordering, duplicates, sequence wrap, restart after a large jump,
// the jitter of a hand-worked example, and the report blocks.
#include "rtcp/receive_statistics.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtcp/rtt_estimator.h"

namespace parley::rtcp {
namespace {

constexpr uint32_t kSsrc = 0x5EED;
constexpr uint32_t kVideoClock = 90000;

// Feeds sequence numbers 20 ms apart (timestamps 1800 ticks a sequence
// number at 90 kHz), returning how many A.1 counted. The jitter of these
// streams is not checked: see the A.8 example below.
int feed(StreamStatistics* stats, const std::vector<uint16_t>& seqs) {
  int counted = 0;
  int64_t nowUs = 1000000;
  for (uint16_t seq : seqs) {
    counted += stats->onRtpPacket(seq, static_cast<uint32_t>(seq) * 1800u, nowUs) ? 1 : 0;
    nowUs += 20000;
  }
  return counted;
}

struct SequenceCase {
  std::string name;
  std::vector<uint16_t> seqs;
  int counted;  // packets A.1 counted (the first is always on probation)
  int64_t expected;
  int64_t received;
  int32_t cumulativeLost;
  uint32_t extendedHighest;
  uint8_t fractionLost;
};

void PrintTo(const SequenceCase& c, std::ostream* os) { *os << c.name; }

// The first packet of a source only starts its probation (A.1,
// MIN_SEQUENTIAL = 2): counting starts at the second, which becomes base_seq.
// clang-format off
std::vector<SequenceCase> sequenceCases() {
  return {
      {"in_order", {1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009},
       9, 9, 9, 0, 1009, 0},
      // 1001..1010 expected (10), 1005 and 1006 lost: fraction 2/10 = 51.2/256.
      {"two_lost", {1000, 1001, 1002, 1003, 1004, 1007, 1008, 1009, 1010},
       8, 10, 8, 2, 1010, 51},
      // A hole of 1 in 4: 64/256.
      // 2..6 expected, 5 lost: 256 / 5 = 51.2.
      {"one_in_five_lost", {1, 2, 3, 4, 6}, 4, 5, 4, 1, 6, 51},
      {"reordered", {1000, 1001, 1002, 1004, 1003, 1005}, 5, 5, 5, 0, 1005, 0},
      // A late packet behind the highest keeps the highest.
      {"late_packet", {1000, 1001, 1002, 1003, 1001}, 4, 3, 4, -1, 1003, 0},
      // Duplicates count as received: lost goes below 0 (section 6.4.1).
      {"duplicates", {1000, 1001, 1002, 1002, 1003, 1003}, 5, 3, 5, -2, 1003, 0},
      // 65534 is base_seq; 0 and 1 are one cycle on: extended 0x10000 + 1.
      {"wrap", {65533, 65534, 65535, 0, 1}, 4, 4, 4, 0, 0x00010001, 0},
      {"wrap_with_loss", {65533, 65534, 0, 1}, 3, 4, 3, 1, 0x00010001, 64},
      {"reordered_across_wrap", {65533, 65534, 0, 65535, 1}, 4, 4, 4, 0, 0x00010001, 0},
      // A gap below MAX_DROPOUT (3000) is loss, not a restart.
      // 2998 * 256 / 3000 = 255.8.
      {"gap_of_2999", {10, 11, 3010}, 2, 3000, 2, 2998, 3010, 255},
      // A jump of 3000 or more is held back until the next packet confirms
      // it; then the source restarts at the confirming packet (A.1 re-sync).
      {"jump_confirmed_restarts", {10, 11, 12, 9000, 9001, 9002}, 4, 2, 2, 0, 9002, 0},
      // Unconfirmed: the stray packet is dropped, counting goes on.
      {"jump_not_confirmed", {10, 11, 12, 9000, 13, 14}, 4, 4, 4, 0, 14, 0},
      // A first packet out of sequence restarts the probation.
      {"probation_restarts", {500, 700, 701, 702}, 2, 2, 2, 0, 702, 0},
  };
}
// clang-format on

class RtcpReceiveStatisticsTableTest : public ::testing::TestWithParam<SequenceCase> {};

TEST_P(RtcpReceiveStatisticsTableTest, CountsLikeAppendixA) {
  const SequenceCase& c = GetParam();
  StreamStatistics stats(kSsrc, kVideoClock);
  EXPECT_EQ(feed(&stats, c.seqs), c.counted);
  EXPECT_TRUE(stats.valid());
  EXPECT_EQ(stats.expected(), c.expected);
  EXPECT_EQ(stats.received(), c.received);
  EXPECT_EQ(stats.cumulativeLost(), c.cumulativeLost);
  EXPECT_EQ(stats.extendedHighestSequence(), c.extendedHighest);
  const ReportBlock block = stats.makeReportBlock(2000000);
  EXPECT_EQ(block.ssrc, kSsrc);
  EXPECT_EQ(block.cumulativeLost, c.cumulativeLost);
  EXPECT_EQ(block.extendedHighestSequence, c.extendedHighest);
  EXPECT_EQ(block.fractionLost, c.fractionLost);
  EXPECT_EQ(block.lastSr, 0u);
  EXPECT_EQ(block.delaySinceLastSr, 0u);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpReceiveStatisticsTableTest,
                         ::testing::ValuesIn(sequenceCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtcpReceiveStatisticsTest, FirstPacketIsOnProbation) {
  StreamStatistics stats(kSsrc, kVideoClock);
  EXPECT_FALSE(stats.onRtpPacket(42, 0, 0));
  EXPECT_FALSE(stats.valid());
  EXPECT_EQ(stats.expected(), 0);
  EXPECT_TRUE(stats.onRtpPacket(43, 1800, 20000));
  EXPECT_TRUE(stats.valid());
  EXPECT_EQ(stats.received(), 1);
  EXPECT_EQ(stats.expected(), 1);
}

TEST(RtcpReceiveStatisticsTest, FractionLostCoversOnlyTheIntervalSinceTheLastReport) {
  StreamStatistics stats(kSsrc, kVideoClock);
  // Expected 1..8 after probation of 0; 3 and 4 lost: 2/8 = 64/256.
  feed(&stats, {0, 1, 2, 5, 6, 7, 8});
  ReportBlock block = stats.makeReportBlock(0);
  EXPECT_EQ(block.fractionLost, 64);
  EXPECT_EQ(block.cumulativeLost, 2);
  // Next interval: 9..16, nothing lost.
  feed(&stats, {9, 10, 11, 12, 13, 14, 15, 16});
  block = stats.makeReportBlock(0);
  EXPECT_EQ(block.fractionLost, 0);
  EXPECT_EQ(block.cumulativeLost, 2);
  // Next: 17..20 with 18 lost: 1/4.
  feed(&stats, {17, 19, 20});
  block = stats.makeReportBlock(0);
  EXPECT_EQ(block.fractionLost, 64);
  EXPECT_EQ(block.cumulativeLost, 3);
  // Duplicates only: more received than expected reports 0, not a negative.
  feed(&stats, {20, 20});
  block = stats.makeReportBlock(0);
  EXPECT_EQ(block.fractionLost, 0);
  EXPECT_EQ(block.cumulativeLost, 1);
}

// Hand-worked RFC 3550 appendix A.8 example. Audio at 8000 Hz, one packet
// every 20 ms (160 ticks); arrival times are converted to ticks as
// arrival_us * 8000 / 10^6 (125 us per tick). RTP timestamps start at
// 2^32 - 256, so they wrap between packets 101 and 102; only differences
// matter, and 32-bit transit arithmetic is unaffected.
//
//   seq  timestamp-ts0  arrival (ms)  arrival (ticks)  transit  D    J = J + (|D| - J) / 16
//   100       0               0              0          (probation: not counted)
//   101     160              20            160              0    -   0 (first transit)
//   102     320              60            480            160  160   0 + 160/16          = 10
//   103     480              70            560             80   80  10 + (80 - 10)/16    = 14.375
//   104     640             100            800            160   80  14.375 + 65.625/16 = 18.4765625
//   105     800             120            960            160    0  18.4765625 * 15/16
//   = 17.32177734375
//
// The report block carries J truncated to an integer: 10, 14, 18, 17.
TEST(RtcpReceiveStatisticsTest, JitterFollowsTheHandWorkedA8Example) {
  constexpr uint32_t kTs0 = 0xFFFFFF00u;
  constexpr int64_t kStartUs = 3000000;  // any origin: only differences count
  struct Step {
    uint16_t seq;
    uint32_t tsOffset;
    int64_t arrivalMs;
    double jitter;
    uint32_t reported;
  };
  const Step steps[] = {
      {100, 0, 0, 0.0, 0},
      {101, 160, 20, 0.0, 0},
      {102, 320, 60, 10.0, 10},
      {103, 480, 70, 14.375, 14},
      {104, 640, 100, 18.4765625, 18},
      {105, 800, 120, 17.32177734375, 17},
  };
  StreamStatistics stats(kSsrc, 8000);
  for (const Step& s : steps) {
    stats.onRtpPacket(s.seq, kTs0 + s.tsOffset, kStartUs + s.arrivalMs * 1000);
    EXPECT_DOUBLE_EQ(stats.jitterExact(), s.jitter) << "seq " << s.seq;
    EXPECT_EQ(stats.jitter(), s.reported) << "seq " << s.seq;
  }
  EXPECT_EQ(stats.makeReportBlock(kStartUs + 200000).jitter, 17u);
}

TEST(RtcpReceiveStatisticsTest, ReportsLastSrAndDelaySinceIt) {
  StreamStatistics stats(kSsrc, kVideoClock);
  feed(&stats, {1, 2, 3});
  // SR with NTP time 0x1234B705:2000ABCD: LSR is the middle 32 bits.
  stats.onSenderReport(0x1234B705'2000ABCDull, 10000000);
  // 1.5 s later: DLSR = 1.5 * 65536 = 98304.
  const ReportBlock block = stats.makeReportBlock(11500000);
  EXPECT_EQ(block.lastSr, 0xB7052000u);
  EXPECT_EQ(block.delaySinceLastSr, 98304u);
}

TEST(RtcpReceiveStatisticsTest, SessionReportsValidSourcesOnly) {
  ReceiveStatistics session(kVideoClock);
  session.onRtpPacket(2, 10, 0, 0);
  session.onRtpPacket(2, 11, 1800, 20000);
  session.onRtpPacket(2, 13, 5400, 60000);
  session.onRtpPacket(1, 500, 0, 0);  // one packet: still on probation
  ASSERT_NE(session.stream(1), nullptr);
  EXPECT_EQ(session.stream(3), nullptr);
  const std::vector<ReportBlock> blocks = session.makeReportBlocks(100000);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].ssrc, 2u);
  EXPECT_EQ(blocks[0].extendedHighestSequence, 13u);
  EXPECT_EQ(blocks[0].cumulativeLost, 1);
  EXPECT_EQ(blocks[0].fractionLost, 85);  // 12 lost of 11..13: 256 / 3 = 85.3
  session.removeStream(2);
  EXPECT_TRUE(session.makeReportBlocks(200000).empty());
}

}  // namespace
}  // namespace parley::rtcp

#include "transport/rtcp_agent.h"

#include <gtest/gtest.h>

#include <variant>
#include <vector>

namespace parley::transport {
namespace {

using Bytes = std::vector<uint8_t>;

class Recorder : public RtcpAgent::Listener {
 public:
  void onRtcpAgentSenderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs, int64_t) override {
    srSsrc = ssrc;
    srNtp = ntp;
    srRtp = rtpTs;
    ++srs;
  }
  void onRtcpAgentReportBlock(const rtcp::ReportBlock& block, int64_t expected,
                              std::optional<int64_t> rtt, int64_t) override {
    blocks.push_back(block);
    lastExpected = expected;
    if (rtt) rttUs = *rtt;
  }
  void onRtcpAgentNack(uint32_t ssrc, const std::vector<uint16_t>& seqs, int64_t) override {
    nackSsrc = ssrc;
    nacked = seqs;
  }
  void onRtcpAgentPli(uint32_t, int64_t) override { ++plis; }
  void onRtcpAgentRemb(uint64_t bps, int64_t) override { rembBps = bps; }
  void onRtcpAgentBye(uint32_t ssrc) override { byes.push_back(ssrc); }

  int srs = 0;
  uint32_t srSsrc = 0;
  uint64_t srNtp = 0;
  uint32_t srRtp = 0;
  std::vector<rtcp::ReportBlock> blocks;
  int64_t lastExpected = -1;
  int64_t rttUs = -1;
  uint32_t nackSsrc = 0;
  std::vector<uint16_t> nacked;
  int plis = 0;
  uint64_t rembBps = 0;
  std::vector<uint32_t> byes;
};

RtcpAgent::Config config(uint32_t ssrc, const char* cname) {
  RtcpAgent::Config c;
  c.localSsrc = ssrc;
  c.cname = cname;
  c.unixOffsetUs = 1'700'000'000'000'000;  // same wall clock for both ends
  c.random = [] { return 0.5; };           // T = Td / (e - 3/2)
  return c;
}

rtcp::RtcpCompound parse(const Bytes& bytes) {
  rtcp::RtcpCompound compound;
  EXPECT_EQ(rtcp::parseRtcpCompound(bytes.data(), bytes.size(), &compound),
            rtcp::RtcpParseError::kOk);
  return compound;
}

// Advances until the agent has a compound due and returns it.
Bytes nextCompound(RtcpAgent& agent, int64_t* nowUs) {
  Bytes out;
  for (int i = 0; i < 100000 && !agent.buildDue(*nowUs, &out); ++i) *nowUs += 1000;
  return out;
}

TEST(RtcpAgentTest, SenderReportThenReceiverReportGiveRtt) {
  Recorder recA, recB;
  int64_t now = 1'000'000;
  RtcpAgent a(config(0xA1, "a@parley"), recA, now);
  RtcpAgent b(config(0xB1, "b@parley"), recB, now);
  a.addSendStream(0xA1, 90000);
  // A sends 10 packets, B receives 9 of them (seq 4 lost).
  for (uint16_t seq = 0; seq < 10; ++seq) {
    a.onRtpSent(0xA1, 3000u * seq, 100, now);
    if (seq != 4) b.onRtpReceived(0xA1, 90000, seq, 3000u * seq, now);
    now += 33'000;
  }
  Bytes srBytes = nextCompound(a, &now);
  rtcp::RtcpCompound sr = parse(srBytes);
  ASSERT_GE(sr.packets.size(), 2u);
  const auto* senderReport = std::get_if<rtcp::SenderReport>(&sr.packets[0]);
  ASSERT_NE(senderReport, nullptr);
  EXPECT_EQ(senderReport->senderSsrc, 0xA1u);
  EXPECT_EQ(senderReport->packetCount, 10u);
  EXPECT_EQ(senderReport->octetCount, 1000u);
  EXPECT_TRUE(senderReport->reportBlocks.empty());  // A received nothing
  const auto* sdes = std::get_if<rtcp::Sdes>(&sr.packets[1]);
  ASSERT_NE(sdes, nullptr);
  EXPECT_EQ(sdes->chunks.at(0).cname, "a@parley");

  // 20 ms one way.
  now += 20'000;
  ASSERT_TRUE(b.onRtcpPacket(srBytes.data(), srBytes.size(), now));
  EXPECT_EQ(recB.srs, 1);
  EXPECT_EQ(recB.srSsrc, 0xA1u);
  EXPECT_EQ(recB.srNtp, senderReport->ntpTimestamp);

  now += 100'000;  // B holds the SR a while: DLSR
  Bytes rrBytes = nextCompound(b, &now);
  rtcp::RtcpCompound rr = parse(rrBytes);
  const auto* receiverReport = std::get_if<rtcp::ReceiverReport>(&rr.packets[0]);
  ASSERT_NE(receiverReport, nullptr);  // B sent no RTP: RR
  EXPECT_EQ(receiverReport->senderSsrc, 0xB1u);
  ASSERT_EQ(receiverReport->reportBlocks.size(), 1u);
  const rtcp::ReportBlock& block = receiverReport->reportBlocks[0];
  EXPECT_EQ(block.ssrc, 0xA1u);
  EXPECT_EQ(block.cumulativeLost, 1);
  EXPECT_EQ(block.extendedHighestSequence, 9u);
  EXPECT_EQ(block.lastSr, rtcp::compactNtp(senderReport->ntpTimestamp));
  EXPECT_GT(block.delaySinceLastSr, 0u);

  now += 20'000;
  ASSERT_TRUE(a.onRtcpPacket(rrBytes.data(), rrBytes.size(), now));
  ASSERT_EQ(recA.blocks.size(), 1u);
  EXPECT_NEAR(static_cast<double>(recA.rttUs), 40'000.0, 100.0);
  ASSERT_TRUE(a.rttUs().has_value());
  EXPECT_NEAR(static_cast<double>(*a.rttUs()), 40'000.0, 100.0);
}

TEST(RtcpAgentTest, EarlyFeedbackRespectsMinimalSpacing) {
  Recorder rec;
  int64_t now = 1'000'000;
  RtcpAgent::Config c = config(0xB1, "b");
  c.minFeedbackSpacingUs = 10'000;
  RtcpAgent b(c, rec, now);
  Bytes initial = nextCompound(b, &now);  // the first regular report
  ASSERT_FALSE(initial.empty());

  b.requestNack(0xA1, {5, 6, 7});
  EXPECT_LE(b.nextDueUs(), now + 10'000);
  now += 10'000;
  Bytes nack;
  ASSERT_TRUE(b.buildDue(now, &nack));
  rtcp::RtcpCompound compound = parse(nack);
  ASSERT_EQ(compound.packets.size(), 3u);  // RR + SDES + NACK
  const auto* rr = std::get_if<rtcp::ReceiverReport>(&compound.packets[0]);
  ASSERT_NE(rr, nullptr);
  EXPECT_TRUE(rr->reportBlocks.empty());
  const auto* n = std::get_if<rtcp::Nack>(&compound.packets[2]);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->mediaSsrc, 0xA1u);
  EXPECT_EQ(rtcp::expandNackItems(n->items), (std::vector<uint16_t>{5, 6, 7}));

  b.requestPli(0xA1);
  Bytes pli;
  EXPECT_FALSE(b.buildDue(now + 5'000, &pli));  // too close to the NACK
  ASSERT_TRUE(b.buildDue(now + 10'000, &pli));
  compound = parse(pli);
  EXPECT_TRUE(std::holds_alternative<rtcp::Pli>(compound.packets.back()));
  EXPECT_EQ(b.stats().nacksSent, 1u);
  EXPECT_EQ(b.stats().plisSent, 1u);
  EXPECT_EQ(b.stats().earlyFeedbackSent, 2u);
}

TEST(RtcpAgentTest, UrgentRembGoesOutAndRegularRembWaits) {
  Recorder rec;
  int64_t now = 1'000'000;
  RtcpAgent b(config(0xB1, "b"), rec, now);
  nextCompound(b, &now);
  b.setRemb(300'000, {0xA1}, false);
  Bytes out;
  EXPECT_FALSE(b.buildDue(now + 1, &out));  // waits for the regular report
  b.setRemb(250'000, {0xA1}, true);
  ASSERT_TRUE(b.buildDue(now + 20'000, &out));
  rtcp::RtcpCompound compound = parse(out);
  const auto* remb = std::get_if<rtcp::Remb>(&compound.packets.back());
  ASSERT_NE(remb, nullptr);
  EXPECT_NEAR(static_cast<double>(remb->bitrateBps), 250'000.0, 250'000.0 / 65536);
  EXPECT_EQ(remb->ssrcs, (std::vector<uint32_t>{0xA1}));
}

TEST(RtcpAgentTest, DispatchesFeedbackAboutOurStreamsOnly) {
  Recorder rec;
  int64_t now = 1'000'000;
  RtcpAgent a(config(0xA1, "a"), rec, now);
  a.addSendStream(0xA1, 90000);
  std::vector<rtcp::RtcpPacket> packets = {
      rtcp::ReceiverReport{0xB1, {}},
      rtcp::Nack{0xB1, 0xA1, rtcp::buildNackItems({100, 101, 117})},
      rtcp::Nack{0xB1, 0xDEAD, rtcp::buildNackItems({1})},  // not ours: ignored
      rtcp::Pli{0xB1, 0xA1},
      rtcp::Pli{0xB1, 0xDEAD},
      rtcp::Remb{0xB1, 500'000, {0xA1}},
      rtcp::Bye{{0xB1}, "bye"},
  };
  Bytes bytes;
  ASSERT_EQ(rtcp::writeRtcpCompound(packets, &bytes), rtcp::RtcpWriteError::kOk);
  ASSERT_TRUE(a.onRtcpPacket(bytes.data(), bytes.size(), now));
  EXPECT_EQ(rec.nackSsrc, 0xA1u);
  EXPECT_EQ(rec.nacked, (std::vector<uint16_t>{100, 101, 117}));
  EXPECT_EQ(rec.plis, 1);
  EXPECT_EQ(rec.rembBps, 500'000u);
  EXPECT_EQ(rec.byes, (std::vector<uint32_t>{0xB1}));
  EXPECT_EQ(a.stats().nacksReceived, 1u);

  const Bytes garbage = {0x80, 201, 0xFF, 0xFF};
  EXPECT_FALSE(a.onRtcpPacket(garbage.data(), garbage.size(), now));
  EXPECT_EQ(a.stats().malformedReceived, 1u);
}

TEST(RtcpAgentTest, ReportIntervalFollowsSessionBandwidth) {
  Recorder rec;
  int64_t start = 1'000'000;
  RtcpAgent::Config c = config(0xA1, "a");
  c.sessionBandwidthBps = 360'000;  // reduced minimum: 360 / 360 kbps = 1 s
  RtcpAgent a(c, rec, start);
  int64_t now = start;
  nextCompound(a, &now);
  const int64_t first = now;
  nextCompound(a, &now);
  // Td = 1 s (members small), T = Td * 1.0 / (e - 1.5) with random 0.5.
  EXPECT_NEAR(static_cast<double>(now - first), 1e6 / rtcp::kRtcpCompensation, 2'000.0);
  // The first one came after half of it (initial).
  EXPECT_NEAR(static_cast<double>(first - start), 0.5e6 / rtcp::kRtcpCompensation, 2'000.0);
}

TEST(RtcpAgentTest, ByeListsOurSsrcs) {
  Recorder rec;
  RtcpAgent a(config(0xA1, "a"), rec, 0);
  a.addSendStream(0xA1, 90000);
  a.addSendStream(0xA2, 48000);
  Bytes bytes;
  ASSERT_TRUE(a.buildBye(0, &bytes));
  rtcp::RtcpCompound compound = parse(bytes);
  const auto* bye = std::get_if<rtcp::Bye>(&compound.packets.back());
  ASSERT_NE(bye, nullptr);
  EXPECT_EQ(bye->ssrcs, (std::vector<uint32_t>{0xA1, 0xA2}));
}

}  // namespace
}  // namespace parley::transport

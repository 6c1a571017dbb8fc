// The whole session on a fake clock: two MediaSessions over FakeTransports,
// no threads (runWorkerThread = false); the test runs process() and carries
// the datagrams across.
#include "transport/media_session.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <vector>

#include "support/fake_clock.h"
#include "rtcp/rtcp_packets.h"
#include "rtp/rtp_packet.h"
#include "transport/abs_send_time_stamper.h"
#include "srtp/sdes_crypto_attribute.h"
#include "transport_test_util.h"

namespace parley::transport {
namespace {

using test::Bytes;
using test::FakeTransport;
using test::makeRtp;
using test::RecordingReceiver;
using test::RecordingSessionListener;

constexpr uint32_t kVideoSsrc = 0xA1;
constexpr uint32_t kVideoRtxSsrc = 0xA2;
constexpr uint32_t kAudioSsrc = 0xB1;

srtp::SrtpMasterKey newKey(srtp::CryptoSuite suite = srtp::CryptoSuite::kAesCm128HmacSha1_80) {
  srtp::SrtpMasterKey key;
  EXPECT_TRUE(srtp::generateSrtpMasterKey(suite, &key));
  return key;
}

rtp::RtpPacketView parsed(const Bytes& bytes) {
  rtp::RtpPacketView view;
  EXPECT_EQ(rtp::parseRtpPacket(rtp::ByteView(bytes), &view), rtp::RtpParseError::kOk);
  return view;
}

// A sends video (with RTX) to B; B sends audio to A.
class MediaSessionTest : public ::testing::Test {
 protected:
  void build(bool srtp = true, bool allowPlain = false) {
    MediaSessionConfig ca, cb;
    ca.cname = "a";
    cb.cname = "b";
    if (srtp) {
      const srtp::SrtpMasterKey keyA = newKey(), keyB = newKey();
      ca.localKey = keyA;
      ca.remoteKey = keyB;
      cb.localKey = keyB;
      cb.remoteKey = keyA;
    }
    ca.allowPlainRtp = cb.allowPlainRtp = allowPlain;
    ca.runWorkerThread = cb.runWorkerThread = false;
    ca.remoteAddress = addrB;
    cb.remoteAddress = addrA;
    cb.latchRemote = [this](const network::SocketAddress& to) {
      latchedTo.push_back(to);
      return true;
    };
    a = std::make_unique<MediaSession>(ca, transportA, clock, listenerA);
    b = std::make_unique<MediaSession>(cb, transportB, clock, listenerB);
    videoOut = &a->addSendStream({MediaKind::kVideo, kVideoSsrc, 96, 90000, kVideoRtxSsrc, 97});
    audioOut = &b->addSendStream({MediaKind::kAudio, kAudioSsrc, 111, 48000});
    videoFeedback = &b->addReceiveStream({MediaKind::kVideo, kVideoSsrc, 96, 90000, 0, 97}, videoIn);
    a->addReceiveStream({MediaKind::kAudio, 0, 111, 48000}, audioIn);
  }
  void startBoth() {
    std::string error;
    ASSERT_TRUE(a->start(&error)) << error;
    ASSERT_TRUE(b->start(&error)) << error;
  }
  // Runs both sessions for `ms` milliseconds of fake time in 1 ms steps,
  // carrying each step's datagrams across (a 1 ms link). drop decides, for
  // A's datagrams, which are lost.
  void run(int ms, const std::function<bool(const Bytes&)>& dropFromA = nullptr) {
    for (int i = 0; i < ms; ++i) {
      a->process();
      b->process();
      clock.advanceMs(1);
      for (const Bytes& p : transportA.take()) {
        if (!dropFromA || !dropFromA(p)) transportB.inject(p, addrA, clock.nowUs());
      }
      for (const Bytes& p : transportB.take()) transportA.inject(p, addrB, clock.nowUs());
    }
  }

  parley::test::FakeClock clock;
  network::SocketAddress addrA = network::SocketAddress::ipv4Loopback(40000);
  network::SocketAddress addrB = network::SocketAddress::ipv4Loopback(40002);
  FakeTransport transportA{addrA};
  FakeTransport transportB{addrB};
  RecordingSessionListener listenerA, listenerB;
  RecordingReceiver videoIn, audioIn;
  std::vector<network::SocketAddress> latchedTo;
  std::unique_ptr<MediaSession> a, b;
  pipeline::RtpPacketSink* videoOut = nullptr;
  pipeline::RtpPacketSink* audioOut = nullptr;
  pipeline::VideoFeedbackSink* videoFeedback = nullptr;
};

TEST_F(MediaSessionTest, SrtpRoundTripDeliversEveryPacketBothWays) {
  build();
  startBoth();
  for (uint16_t seq = 0; seq < 20; ++seq) {
    const Bytes v = makeRtp(kVideoSsrc, 96, seq, 3000u * seq, 200);
    videoOut->sendRtpPacket(v.data(), v.size());
    const Bytes au = makeRtp(kAudioSsrc, 111, seq, 960u * seq, 60);
    audioOut->sendRtpPacket(au.data(), au.size());
    run(5);
  }
  run(50);
  const auto video = videoIn.packets();
  ASSERT_EQ(video.size(), 20u);
  for (size_t i = 0; i < video.size(); ++i) {
    const rtp::RtpPacketView view = parsed(video[i].data);
    EXPECT_EQ(view.header.sequenceNumber, i);
    EXPECT_FALSE(video[i].retransmitted);
    // Payload intact; the abs-send-time extension was added on the way.
    const Bytes original = makeRtp(kVideoSsrc, 96, static_cast<uint16_t>(i), 0, 200);
    EXPECT_EQ(view.payload.toVector(), parsed(original).payload.toVector());
    uint32_t ast = 0;
    EXPECT_TRUE(readAbsSendTime(video[i].data.data(), video[i].data.size(),
                                congestion::kAbsSendTimeExtensionId, &ast));
  }
  EXPECT_EQ(audioIn.count(), 20u);
  // What crossed the wire was not plain RTP: the payload is encrypted.
  const Bytes probe = makeRtp(kVideoSsrc, 96, 100, 0, 200);
  videoOut->sendRtpPacket(probe.data(), probe.size());
  a->process();
  const auto wire = transportA.take();
  const Bytes* rtpOnWire = nullptr;
  for (const Bytes& p : wire) {
    if (!rtcp::isRtcp(p.data(), p.size())) rtpOnWire = &p;
  }
  ASSERT_NE(rtpOnWire, nullptr);
  rtp::RtpPacketView wireView;
  ASSERT_EQ(rtp::parseRtpPacket(rtp::ByteView(*rtpOnWire), &wireView), rtp::RtpParseError::kOk);
  EXPECT_NE(wireView.payload.subview(0, 200).toVector(), parsed(probe).payload.toVector());

  const MediaSessionStats sa = a->stats();
  EXPECT_EQ(sa.send.at(0).packets, 21u);
  EXPECT_EQ(sa.receive.at(0).ssrc, kAudioSsrc);  // bound on first sight
  EXPECT_EQ(sa.receive.at(0).packets, 20u);
}

TEST_F(MediaSessionTest, TamperedAndReplayedPacketsAreDroppedAndCounted) {
  build();
  startBoth();
  const Bytes v = makeRtp(kVideoSsrc, 96, 1, 0, 100);
  videoOut->sendRtpPacket(v.data(), v.size());
  clock.advanceMs(1);
  a->process();
  auto wire = transportA.take();
  ASSERT_EQ(wire.size(), 1u);
  Bytes tampered = wire[0];
  tampered[tampered.size() / 2] ^= 0x01;
  transportB.inject(tampered, addrA, clock.nowUs());
  EXPECT_EQ(videoIn.count(), 0u);
  transportB.inject(wire[0], addrA, clock.nowUs());
  EXPECT_EQ(videoIn.count(), 1u);
  transportB.inject(wire[0], addrA, clock.nowUs());  // replay
  EXPECT_EQ(videoIn.count(), 1u);
  const MediaSessionStats sb = b->stats();
  EXPECT_EQ(sb.srtpAuthFailures, 1u);
  EXPECT_EQ(sb.srtpReplays, 1u);
  EXPECT_EQ(sb.receive.at(0).packets, 1u);
}

TEST_F(MediaSessionTest, SymmetricRtpLatchesOnlyAfterAnAuthenticatedPacket) {
  build();
  startBoth();
  const network::SocketAddress attacker = network::SocketAddress::ipv4Loopback(50000);
  const network::SocketAddress natPort = network::SocketAddress::ipv4Loopback(41000);
  // Unauthenticated junk from a stranger: no latch.
  transportB.inject(makeRtp(kVideoSsrc, 96, 1), attacker, clock.nowUs());
  EXPECT_TRUE(latchedTo.empty());
  // An authenticated packet from the peer's new (NAT-rewritten) address.
  const Bytes v = makeRtp(kVideoSsrc, 96, 1);
  videoOut->sendRtpPacket(v.data(), v.size());
  clock.advanceMs(1);
  a->process();
  for (const Bytes& p : transportA.take()) transportB.inject(p, natPort, clock.nowUs());
  ASSERT_EQ(latchedTo.size(), 1u);
  EXPECT_EQ(latchedTo[0], natPort);
  // More from the same address, and forged ones from the attacker: no change.
  const Bytes v2 = makeRtp(kVideoSsrc, 96, 2);
  videoOut->sendRtpPacket(v2.data(), v2.size());
  clock.advanceMs(1);
  a->process();
  for (const Bytes& p : transportA.take()) transportB.inject(p, natPort, clock.nowUs());
  transportB.inject(makeRtp(kVideoSsrc, 96, 3), attacker, clock.nowUs());
  EXPECT_EQ(latchedTo.size(), 1u);
  EXPECT_EQ(b->stats().remoteLatches, 1u);
}

TEST_F(MediaSessionTest, NackIsAnsweredWithRtxAndRecovers) {
  build();
  startBoth();
  for (uint16_t seq = 0; seq < 10; ++seq) {
    const Bytes v = makeRtp(kVideoSsrc, 96, seq, 0, 300);
    videoOut->sendRtpPacket(v.data(), v.size());
  }
  // Lose seq 5 on the way.
  run(20, [](const Bytes& p) {
    return !rtcp::isRtcp(p.data(), p.size()) && rtp::loadBe16(p.data() + 2) == 5;
  });
  ASSERT_EQ(videoIn.count(), 9u);
  videoFeedback->sendNack(kVideoSsrc, {5});
  run(50);
  const auto video = videoIn.packets();
  ASSERT_EQ(video.size(), 10u);
  const rtp::RtpPacketView recovered = parsed(video.back().data);
  EXPECT_TRUE(video.back().retransmitted);
  EXPECT_EQ(recovered.header.ssrc, kVideoSsrc);
  EXPECT_EQ(recovered.header.payloadType, 96);
  EXPECT_EQ(recovered.header.sequenceNumber, 5);
  EXPECT_EQ(recovered.payload.toVector(),
            parsed(makeRtp(kVideoSsrc, 96, 5, 0, 300)).payload.toVector());
  const MediaSessionStats sa = a->stats(), sb = b->stats();
  EXPECT_EQ(sa.send.at(0).nacksReceived, 1u);
  EXPECT_EQ(sa.send.at(0).retransmitted, 1u);
  EXPECT_EQ(sb.receive.at(0).nacksSent, 1u);
  EXPECT_EQ(sb.receive.at(0).retransmitted, 1u);
  // A NACK for a packet long gone is a miss, not a crash.
  clock.advanceMs(5000);
  videoFeedback->sendNack(kVideoSsrc, {3});
  run(50);
  EXPECT_EQ(a->stats().send.at(0).nackMisses, 1u);
}

TEST_F(MediaSessionTest, PliBurstGivesOneKeyframeRequestPerInterval) {
  build();
  startBoth();
  for (int i = 0; i < 5; ++i) {
    videoFeedback->sendPli(kVideoSsrc);
    run(20);
  }
  EXPECT_EQ(listenerA.get(&listenerA.keyframes), 1);
  EXPECT_EQ(a->stats().send.at(0).plisReceived, 5u);
  run(300);
  videoFeedback->sendPli(kVideoSsrc);
  run(20);
  EXPECT_EQ(listenerA.get(&listenerA.keyframes), 2);
}

TEST_F(MediaSessionTest, ReportsFlowGivingRttSenderReportsAndRemb) {
  build();
  startBoth();
  for (int i = 0; i < 300; ++i) {  // 3 s of 10 ms steps
    const Bytes v = makeRtp(kVideoSsrc, 96, static_cast<uint16_t>(i), 900u * i, 800);
    videoOut->sendRtpPacket(v.data(), v.size());
    const Bytes au = makeRtp(kAudioSsrc, 111, static_cast<uint16_t>(i), 480u * i, 80);
    audioOut->sendRtpPacket(au.data(), au.size());
    run(10);
  }
  EXPECT_GE(listenerB.get(&listenerB.senderReports), 1);
  EXPECT_GE(listenerA.get(&listenerA.senderReports), 1);
  EXPECT_GE(listenerA.get(&listenerA.rtts), 1);
  EXPECT_GE(listenerA.get(&listenerA.bitrates), 1);
  const MediaSessionStats sa = a->stats(), sb = b->stats();
  EXPECT_GE(sa.rttMs, 0);
  EXPECT_LT(sa.rttMs, 50);  // 2 ms of link, 1 ms steps
  EXPECT_GT(sa.rtcpSent, 2u);
  EXPECT_GT(sb.rtcpReceived, 2u);
  EXPECT_GT(sb.receiveEstimateBps, 0u);
  EXPECT_GT(sa.rembReceivedBps, 0u);
  EXPECT_GT(sa.targetBitrateBps, 0u);
  EXPECT_EQ(sb.receive.at(0).packetsLost, 0);
}

TEST_F(MediaSessionTest, MediaTimeoutFiresOnceOnSilence) {
  build();
  startBoth();
  run(100);  // RTCP flowing keeps both alive
  EXPECT_EQ(listenerA.get(&listenerA.timeouts), 0);
  clock.advanceMs(10'001);  // silence: nothing carried across
  a->process();
  a->process();
  EXPECT_EQ(listenerA.get(&listenerA.timeouts), 1);
  EXPECT_TRUE(a->stats().timedOut);
  // The peer is back: cleared, and a later silence fires again.
  run(100);
  EXPECT_FALSE(a->stats().timedOut);
  clock.advanceMs(10'001);
  a->process();
  EXPECT_EQ(listenerA.get(&listenerA.timeouts), 2);
}

TEST_F(MediaSessionTest, ByeOnStopReachesThePeer) {
  build();
  startBoth();
  run(10);
  a->stop();
  for (const Bytes& p : transportA.sent) transportB.inject(p, addrA, clock.nowUs());
  EXPECT_GE(listenerB.get(&listenerB.byes), 1);
}

TEST_F(MediaSessionTest, PlainRtpOnlyWhenAllowed) {
  build(/*srtp=*/false, /*allowPlain=*/false);
  std::string error;
  EXPECT_FALSE(a->start(&error));
  EXPECT_NE(error.find("plain RTP"), std::string::npos);
  a.reset();
  b.reset();
  build(/*srtp=*/false, /*allowPlain=*/true);
  startBoth();
  const Bytes v = makeRtp(kVideoSsrc, 96, 1, 0, 50);
  videoOut->sendRtpPacket(v.data(), v.size());
  run(5);
  ASSERT_EQ(videoIn.count(), 1u);
  EXPECT_EQ(parsed(videoIn.packets()[0].data).payload.toVector(), parsed(v).payload.toVector());
}

TEST_F(MediaSessionTest, GarbageIsCountedAndDroppedNeverCrashes) {
  build(/*srtp=*/false, /*allowPlain=*/true);  // plain: garbage reaches the demuxer and RTCP parser
  startBoth();
  std::mt19937 random(1234);
  int looksLikeRtp = 0;
  for (int i = 0; i < 3000; ++i) {
    Bytes junk(random() % 200);
    for (uint8_t& byte : junk) byte = static_cast<uint8_t>(random());
    if (!junk.empty() && i % 2 == 0) junk[0] = 0x80 | (junk[0] & 0x3F);  // version 2 half the time
    if (junk.size() > 1 && i % 4 == 0) junk[1] = static_cast<uint8_t>(200 + random() % 7);  // RTCP
    if (junk.size() >= 12 && i % 8 == 2) {
      junk[1] = 96;  // our video payload type with a random SSRC: unknown
      ++looksLikeRtp;
    }
    transportB.inject(junk, addrA, clock.nowUs());
    if (i % 100 == 0) b->process();
  }
  EXPECT_EQ(videoIn.count(), 0u);
  const MediaSessionStats sb = b->stats();
  EXPECT_GT(sb.malformedPackets, 0u);
  EXPECT_GT(sb.unknownPackets, 0u);
  EXPECT_GT(sb.rtcpMalformed, 0u);
  EXPECT_GT(looksLikeRtp, 0);
  // Still works afterwards.
  const Bytes v = makeRtp(kVideoSsrc, 96, 1);
  videoOut->sendRtpPacket(v.data(), v.size());
  run(5);
  EXPECT_EQ(videoIn.count(), 1u);
}

}  // namespace
}  // namespace parley::transport

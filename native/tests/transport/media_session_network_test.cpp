// Two MediaSessions over transports that run on real time: the simulated
// network with 5% loss (NACK/RTX recovery), and real UDP on loopback (SRTP
// with both suites, RTCP reports, RTT). These wait with bounded real-time
// polls; nothing asserts how long anything took.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "network/simulated_transport.h"
#include "network/udp_transport.h"
#include "rtp/rtp_packet.h"
#include "srtp/sdes_crypto_attribute.h"
#include "transport/media_session.h"
#include "transport_test_util.h"

namespace parley::transport {
namespace {

using test::Bytes;
using test::makeRtp;
using test::RecordingSessionListener;
using test::waitUntil;

constexpr uint32_t kVideoSsrc = 0x1000;
constexpr uint32_t kVideoRtxSsrc = 0x1001;
constexpr uint32_t kAudioSsrc = 0x2000;

// Remembers which sequence numbers arrived (duplicates folded).
class SequenceSet final : public RtpPacketReceiver {
 public:
  void receiveRtpPacket(const uint8_t* data, size_t size, int64_t, bool retransmitted) override {
    rtp::RtpPacketView view;
    if (rtp::parseRtpPacket(data, size, &view) != rtp::RtpParseError::kOk) return;
    std::lock_guard<std::mutex> lock(mutex_);
    seqs_.insert(view.header.sequenceNumber);
    if (retransmitted) ++retransmitted_;
  }
  size_t count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return seqs_.size();
  }
  size_t countBelow(uint16_t total) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<size_t>(std::distance(seqs_.begin(), seqs_.lower_bound(total)));
  }
  // The gaps: sequence numbers below the highest received, and below total.
  std::vector<uint16_t> missing(uint16_t total) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<uint16_t> out;
    if (seqs_.empty()) return out;
    const uint16_t end = std::min<uint16_t>(total, *seqs_.rbegin());
    for (uint16_t s = 0; s < end; ++s) {
      if (seqs_.count(s) == 0) out.push_back(s);
    }
    return out;
  }
  int retransmitted() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return retransmitted_;
  }

 private:
  mutable std::mutex mutex_;
  std::set<uint16_t> seqs_;
  int retransmitted_ = 0;
};

srtp::SrtpMasterKey newKey(srtp::CryptoSuite suite) {
  srtp::SrtpMasterKey key;
  EXPECT_TRUE(srtp::generateSrtpMasterKey(suite, &key));
  return key;
}

void keyPair(srtp::CryptoSuite suite, MediaSessionConfig* a, MediaSessionConfig* b) {
  const srtp::SrtpMasterKey keyA = newKey(suite), keyB = newKey(suite);
  a->localKey = keyA;
  a->remoteKey = keyB;
  b->localKey = keyB;
  b->remoteKey = keyA;
}

void sendPaced(pipeline::RtpPacketSink& sink, uint32_t ssrc, uint8_t pt, uint16_t count,
               size_t payloadSize) {
  for (uint16_t seq = 0; seq < count; ++seq) {
    const Bytes p = makeRtp(ssrc, pt, seq, 3000u * seq, payloadSize);
    sink.sendRtpPacket(p.data(), p.size());
    if (seq % 4 == 3) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

TEST(MediaSessionNetworkTest, NackAndRtxRecoverEveryPacketOverFivePercentLoss) {
  network::SimulatedNetwork::Config link;
  link.lossRate = 0.05;
  link.delayUs = 10'000;
  link.seed = 7;
  network::SimulatedNetwork::Config reverse = link;
  reverse.seed = 11;
  Clock& clock = SystemClock::instance();
  network::SimulatedTransport ta(reverse, clock, network::SocketAddress::ipv4Loopback(1));
  network::SimulatedTransport tb(link, clock, network::SocketAddress::ipv4Loopback(2));
  network::SimulatedTransport::connect(ta, tb);

  MediaSessionConfig ca, cb;
  keyPair(srtp::CryptoSuite::kAesCm128HmacSha1_80, &ca, &cb);
  ca.history.maxAgeUs = cb.history.maxAgeUs = 10'000'000;  // long enough for repeated NACKs
  RecordingSessionListener la, lb;
  MediaSession a(ca, ta, clock, la);
  MediaSession b(cb, tb, clock, lb);
  pipeline::RtpPacketSink& video =
      a.addSendStream({MediaKind::kVideo, kVideoSsrc, 96, 90000, kVideoRtxSsrc, 97});
  SequenceSet received;
  pipeline::VideoFeedbackSink& feedback =
      b.addReceiveStream({MediaKind::kVideo, kVideoSsrc, 96, 90000, kVideoRtxSsrc, 97}, received);
  std::string error;
  ASSERT_TRUE(a.start(&error)) << error;
  ASSERT_TRUE(b.start(&error)) << error;

  // 400 counted packets, then 20 more so that a loss among the last counted
  // ones is a gap the receiver sees.
  constexpr uint16_t kTotal = 400;
  sendPaced(video, kVideoSsrc, 96, kTotal + 20, 500);
  // The receiver's NACK loop: ask again every 40 ms for what is still missing.
  const bool all = waitUntil(
      [&] {
        if (received.countBelow(kTotal) == kTotal) return true;
        const std::vector<uint16_t> missing = received.missing(kTotal);
        if (!missing.empty()) feedback.sendNack(kVideoSsrc, missing);
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        return false;
      },
      20'000);
  EXPECT_TRUE(all) << kTotal - received.countBelow(kTotal) << " never arrived";
  EXPECT_GT(tb.inboundStats().lost, 0u);  // the link did lose packets
  EXPECT_GT(received.retransmitted(), 0);
  const MediaSessionStats sa = a.stats();
  EXPECT_GT(sa.send.at(0).retransmitted, 0u);
  a.stop();
  b.stop();
}

struct LoopbackCase {
  std::string name;
  srtp::CryptoSuite suite;
  bool ipv6;
};

// Readable test names in ctest's listing.
void PrintTo(const LoopbackCase& c, std::ostream* os) { *os << c.name; }

class MediaSessionUdpTest : public ::testing::TestWithParam<LoopbackCase> {};

TEST_P(MediaSessionUdpTest, ExchangesSrtpBothWaysWithReportsAndRtt) {
  const LoopbackCase& c = GetParam();
  Clock& clock = SystemClock::instance();
  network::UdpTransport::Config uc;
  uc.bindAddress = c.ipv6 ? network::SocketAddress::ipv6Loopback()
                          : network::SocketAddress::ipv4Loopback();
  network::UdpTransport ua(uc, clock), ub(uc, clock);
  std::string error;
  if (!ua.open(&error) || !ub.open(&error)) {
    if (c.ipv6) GTEST_SKIP() << "no IPv6 loopback: " << error;
    FAIL() << error;
  }
  ua.setRemote(ub.localAddress());
  ub.setRemote(ua.localAddress());

  MediaSessionConfig ca, cb;
  keyPair(c.suite, &ca, &cb);
  ca.remoteAddress = ub.localAddress();
  cb.remoteAddress = ua.localAddress();
  ca.latchRemote = [&ua](const network::SocketAddress& to) { return ua.latchRemote(to); };
  cb.latchRemote = [&ub](const network::SocketAddress& to) { return ub.latchRemote(to); };
  RecordingSessionListener la, lb;
  MediaSession a(ca, ua, clock, la);
  MediaSession b(cb, ub, clock, lb);
  pipeline::RtpPacketSink& videoOut =
      a.addSendStream({MediaKind::kVideo, kVideoSsrc, 96, 90000, kVideoRtxSsrc, 97});
  pipeline::RtpPacketSink& audioOut = b.addSendStream({MediaKind::kAudio, kAudioSsrc, 111, 48000});
  SequenceSet videoIn, audioIn;
  b.addReceiveStream({MediaKind::kVideo, 0, 96, 90000, 0, 97}, videoIn);
  a.addReceiveStream({MediaKind::kAudio, 0, 111, 48000}, audioIn);
  ASSERT_TRUE(a.start(&error)) << error;
  ASSERT_TRUE(b.start(&error)) << error;

  constexpr uint16_t kTotal = 200;
  std::thread audioThread([&] { sendPaced(audioOut, kAudioSsrc, 111, kTotal, 80); });
  sendPaced(videoOut, kVideoSsrc, 96, kTotal, 900);
  audioThread.join();
  EXPECT_TRUE(waitUntil([&] { return videoIn.count() == kTotal && audioIn.count() == kTotal; }));
  EXPECT_EQ(videoIn.count(), kTotal);
  EXPECT_EQ(audioIn.count(), kTotal);
  // RTCP: SRs both ways, and an RTT once a report block answers an SR.
  EXPECT_TRUE(waitUntil([&] {
    return la.get(&la.rtts) > 0 && lb.get(&lb.rtts) > 0 && la.get(&la.senderReports) > 0 &&
           lb.get(&lb.senderReports) > 0;
  }));
  const MediaSessionStats sa = a.stats(), sb = b.stats();
  EXPECT_GE(sa.rttMs, 0);
  EXPECT_GE(sb.rttMs, 0);
  EXPECT_EQ(sa.srtpAuthFailures, 0u);
  EXPECT_EQ(sb.srtpAuthFailures, 0u);
  EXPECT_GT(sb.rtcpReceived, 0u);
  EXPECT_EQ(sb.receive.at(0).ssrc, kVideoSsrc);
  EXPECT_EQ(sa.remoteLatches, 0u);  // the peer came from where SDP said
  a.stop();
  b.stop();
}

INSTANTIATE_TEST_SUITE_P(
    Suites, MediaSessionUdpTest,
    ::testing::Values(LoopbackCase{"AesCmIpv4", srtp::CryptoSuite::kAesCm128HmacSha1_80, false},
                      LoopbackCase{"GcmIpv4", srtp::CryptoSuite::kAeadAes128Gcm, false},
                      LoopbackCase{"AesCmIpv6", srtp::CryptoSuite::kAesCm128HmacSha1_80, true},
                      LoopbackCase{"GcmIpv6", srtp::CryptoSuite::kAeadAes128Gcm, true}),
    [](const ::testing::TestParamInfo<LoopbackCase>& info) { return info.param.name; });

}  // namespace
}  // namespace parley::transport

// UdpTransport over real loopback sockets. Waits here are bounded polls on
// real time (the receive thread is real); no test sends beyond loopback.
#include "network/udp_transport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.h"

namespace parley::network {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

struct Received {
  std::vector<uint8_t> data;
  SocketAddress from;
  int64_t arrivalUs;
};

class RecordingListener : public PacketTransport::Listener {
 public:
  void onTransportPacket(const uint8_t* data, size_t size, const SocketAddress& from,
                         int64_t arrivalUs) override {
    std::lock_guard<std::mutex> lock(mutex_);
    packets_.push_back({std::vector<uint8_t>(data, data + size), from, arrivalUs});
    changed_.notify_all();
  }
  // Waits (at most timeoutMs) until `count` packets have arrived; returns them.
  std::vector<Received> waitFor(size_t count, int timeoutMs = 2000) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, milliseconds(timeoutMs), [&] { return packets_.size() >= count; });
    return packets_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Received> packets_;
};

UdpTransport::Config loopback(const SocketAddress& bind = SocketAddress::ipv4Loopback()) {
  UdpTransport::Config config;
  config.bindAddress = bind;
  return config;
}

std::vector<uint8_t> bytes(std::initializer_list<uint8_t> values) { return values; }

bool hasIpv6Loopback() {
  UdpSocket probe;
  std::string error;
  return probe.open(SocketAddress::ipv6Loopback(), &error) == UdpSocket::BindResult::kOk;
}

TEST(UdpTransportTest, TwoTransportsExchangePacketsBothWaysOverIpv4) {
  UdpTransport a(loopback(), SystemClock::instance());
  UdpTransport b(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  ASSERT_TRUE(b.open(&error)) << error;
  EXPECT_TRUE(a.localAddress().isIpv4());
  EXPECT_NE(a.localAddress().port(), 0);
  a.setRemote(b.localAddress());
  b.setRemote(a.localAddress());
  RecordingListener atA;
  RecordingListener atB;
  ASSERT_TRUE(a.start(atA));
  ASSERT_TRUE(b.start(atB));

  int64_t beforeUs = SystemClock::instance().nowUs();
  std::vector<uint8_t> ping = bytes({0x80, 0x60, 1, 2, 3});
  std::vector<uint8_t> pong = bytes({0x80, 0x61, 9});
  ASSERT_TRUE(a.send(ping.data(), ping.size()));
  ASSERT_TRUE(b.send(pong.data(), pong.size()));

  std::vector<Received> gotB = atB.waitFor(1);
  std::vector<Received> gotA = atA.waitFor(1);
  ASSERT_EQ(gotB.size(), 1u);
  ASSERT_EQ(gotA.size(), 1u);
  EXPECT_EQ(gotB[0].data, ping);
  EXPECT_EQ(gotB[0].from, a.localAddress());
  EXPECT_GE(gotB[0].arrivalUs, beforeUs);
  EXPECT_EQ(gotA[0].data, pong);
  EXPECT_EQ(gotA[0].from, b.localAddress());
  a.stop();
  b.stop();

  UdpTransport::Stats stats = a.stats();
  EXPECT_EQ(stats.packetsSent, 1u);
  EXPECT_EQ(stats.bytesSent, ping.size());
  EXPECT_EQ(stats.packetsReceived, 1u);
  EXPECT_EQ(stats.bytesReceived, pong.size());
  EXPECT_EQ(stats.sendErrors, 0u);
}

TEST(UdpTransportTest, ManyPacketsArriveInOrderOverLoopback) {
  UdpTransport a(loopback(), SystemClock::instance());
  UdpTransport b(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  ASSERT_TRUE(b.open(&error)) << error;
  a.setRemote(b.localAddress());
  RecordingListener atB;
  ASSERT_TRUE(b.start(atB));
  constexpr int kPackets = 500;  // 600 KB: fits the enlarged receive buffer
  std::vector<uint8_t> packet(1200);
  for (int i = 0; i < kPackets; ++i) {
    packet[0] = static_cast<uint8_t>(i >> 8);
    packet[1] = static_cast<uint8_t>(i);
    ASSERT_TRUE(a.send(packet.data(), packet.size()));
  }
  std::vector<Received> got = atB.waitFor(kPackets);
  b.stop();
  ASSERT_EQ(got.size(), static_cast<size_t>(kPackets));
  for (int i = 0; i < kPackets; ++i) {
    ASSERT_EQ(got[i].data[0] << 8 | got[i].data[1], i);
    if (i > 0) {
      ASSERT_GE(got[i].arrivalUs, got[i - 1].arrivalUs);
    }
  }
}

TEST(UdpTransportTest, ExchangesPacketsOverIpv6Loopback) {
  if (!hasIpv6Loopback()) GTEST_SKIP() << "no IPv6 loopback on this host";
  UdpTransport a(loopback(SocketAddress::ipv6Loopback()), SystemClock::instance());
  UdpTransport b(loopback(SocketAddress::ipv6Loopback()), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  ASSERT_TRUE(b.open(&error)) << error;
  EXPECT_TRUE(a.localAddress().isIpv6());
  a.setRemote(b.localAddress());
  b.setRemote(a.localAddress());
  RecordingListener atA;
  RecordingListener atB;
  ASSERT_TRUE(a.start(atA));
  ASSERT_TRUE(b.start(atB));
  std::vector<uint8_t> ping = bytes({1, 2, 3});
  ASSERT_TRUE(a.send(ping.data(), ping.size()));
  ASSERT_TRUE(b.send(ping.data(), ping.size()));
  std::vector<Received> gotB = atB.waitFor(1);
  std::vector<Received> gotA = atA.waitFor(1);
  ASSERT_EQ(gotB.size(), 1u);
  ASSERT_EQ(gotA.size(), 1u);
  EXPECT_EQ(gotB[0].from, a.localAddress());
  EXPECT_EQ(gotB[0].from.toString(), "[::1]:" + std::to_string(a.localAddress().port()));
  EXPECT_EQ(gotA[0].from, b.localAddress());
}

TEST(UdpTransportTest, BindsTheFirstFreePortOfTheRange) {
  // Find a port the OS considers free, then use it and the next as the range.
  UdpTransport probe(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(probe.open(&error)) << error;
  uint16_t base = probe.localAddress().port();
  probe.close();
  if (base >= 65534) GTEST_SKIP() << "ephemeral port at the top of the range";

  UdpTransport::Config config = loopback();
  config.minPort = base;
  config.maxPort = static_cast<uint16_t>(base + 1);
  UdpTransport first(config, SystemClock::instance());
  UdpTransport second(config, SystemClock::instance());
  UdpTransport third(config, SystemClock::instance());
  if (!first.open(&error)) GTEST_SKIP() << "port taken meanwhile: " << error;
  EXPECT_EQ(first.localAddress().port(), base);
  if (!second.open(&error)) GTEST_SKIP() << "port taken meanwhile: " << error;
  EXPECT_EQ(second.localAddress().port(), base + 1);

  EXPECT_FALSE(third.open(&error));
  EXPECT_FALSE(third.isOpen());
  EXPECT_NE(error.find("no free UDP port"), std::string::npos) << error;
  EXPECT_NE(error.find(std::to_string(base) + "-" + std::to_string(base + 1)), std::string::npos)
      << error;
  RecordingListener listener;
  EXPECT_FALSE(third.start(listener));
}

TEST(UdpTransportTest, ReportsTheSocketBufferSizes) {
  UdpTransport a(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  // The OS may grant less than the 4 MiB asked (Linux caps at rmem_max and
  // reports double); it reports something above its small default either way.
  EXPECT_GT(a.receiveBufferBytes(), 0);
  EXPECT_GT(a.sendBufferBytes(), 0);
  std::printf("SO_RCVBUF granted %d, SO_SNDBUF granted %d (asked %d)\n", a.receiveBufferBytes(),
              a.sendBufferBytes(), 4 * 1024 * 1024);
}

TEST(UdpTransportTest, StopReturnsPromptlyWhileTheReceiveThreadWaits) {
  UdpTransport a(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  RecordingListener listener;
  ASSERT_TRUE(a.start(listener));
  std::this_thread::sleep_for(milliseconds(20));  // let the thread block in its poll
  auto before = steady_clock::now();
  a.stop();
  auto took = std::chrono::duration_cast<milliseconds>(steady_clock::now() - before);
  EXPECT_LT(took.count(), 500);
  a.stop();                        // a second stop is harmless
  EXPECT_TRUE(a.start(listener));  // and the transport can run again
  a.stop();
}

TEST(UdpTransportTest, OversizedPacketsAreDroppedAndCountedBothWays) {
  UdpTransport::Config small = loopback();
  small.maxPacketBytes = 100;
  UdpTransport a(loopback(), SystemClock::instance());
  UdpTransport b(small, SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  ASSERT_TRUE(b.open(&error)) << error;
  a.setRemote(b.localAddress());
  b.setRemote(a.localAddress());
  RecordingListener atB;
  ASSERT_TRUE(b.start(atB));

  std::vector<uint8_t> big(101, 7);
  EXPECT_FALSE(b.send(big.data(), big.size()));  // above b's limit: refused
  EXPECT_EQ(b.stats().oversizedSent, 1u);
  EXPECT_EQ(b.stats().packetsSent, 0u);

  // a's limit is 1500: it sends 101 and 100 bytes; b drops the first.
  ASSERT_TRUE(a.send(big.data(), big.size()));
  std::vector<uint8_t> fits(100, 8);
  ASSERT_TRUE(a.send(fits.data(), fits.size()));
  std::vector<Received> got = atB.waitFor(1);
  b.stop();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, fits);
  EXPECT_EQ(b.stats().oversizedReceived, 1u);
  EXPECT_EQ(b.stats().packetsReceived, 1u);

  std::vector<uint8_t> huge(70000, 1);  // above any UDP datagram
  UdpTransport::Config unlimited = loopback();
  unlimited.maxPacketBytes = 100000;
  UdpTransport c(unlimited, SystemClock::instance());
  ASSERT_TRUE(c.open(&error)) << error;
  c.setRemote(b.localAddress());
  EXPECT_FALSE(c.send(huge.data(), huge.size()));
  EXPECT_EQ(c.stats().oversizedSent, 1u);
}

TEST(UdpTransportTest, SendWithoutRemoteFailsAndCounts) {
  UdpTransport a(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  uint8_t byte = 0;
  EXPECT_FALSE(a.remote().has_value());
  EXPECT_FALSE(a.send(&byte, 1));
  EXPECT_EQ(a.stats().sendErrors, 1u);
  a.setRemote(SocketAddress::ipv6Loopback(5000));  // wrong family for an IPv4 socket
  EXPECT_FALSE(a.send(&byte, 1));
  EXPECT_EQ(a.stats().sendErrors, 2u);
}

TEST(UdpTransportTest, PacketFromAStrangerIsDeliveredButNotLatched) {
  UdpTransport a(loopback(), SystemClock::instance());
  UdpTransport peer(loopback(), SystemClock::instance());
  UdpTransport stranger(loopback(), SystemClock::instance());
  std::string error;
  ASSERT_TRUE(a.open(&error)) << error;
  ASSERT_TRUE(peer.open(&error)) << error;
  ASSERT_TRUE(stranger.open(&error)) << error;
  a.setRemote(peer.localAddress());
  stranger.setRemote(a.localAddress());
  RecordingListener atA;
  RecordingListener atPeer;
  RecordingListener atStranger;
  ASSERT_TRUE(a.start(atA));
  ASSERT_TRUE(peer.start(atPeer));
  ASSERT_TRUE(stranger.start(atStranger));

  std::vector<uint8_t> spoof = bytes({0xde, 0xad});
  ASSERT_TRUE(stranger.send(spoof.data(), spoof.size()));
  std::vector<Received> got = atA.waitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].from, stranger.localAddress());  // the session sees who sent it
  EXPECT_EQ(a.remote(), peer.localAddress());       // and the remote did not move

  std::vector<uint8_t> media = bytes({0x80});
  ASSERT_TRUE(a.send(media.data(), media.size()));
  EXPECT_EQ(atPeer.waitFor(1).size(), 1u);
  EXPECT_EQ(atStranger.waitFor(1, 200).size(), 0u);  // nothing comes

  // Once the session has authenticated a packet from a new address, it latches.
  EXPECT_TRUE(a.latchRemote(stranger.localAddress()));
  EXPECT_FALSE(a.latchRemote(stranger.localAddress()));  // already there
  EXPECT_EQ(a.stats().remoteLatches, 1u);
  ASSERT_TRUE(a.send(media.data(), media.size()));
  EXPECT_EQ(atStranger.waitFor(1).size(), 1u);
}

}  // namespace
}  // namespace parley::network

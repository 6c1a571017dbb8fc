// SimulatedTransport runs on real time (its delivery thread waits with the
// OS), so these tests wait with bounded real-time polls. The impairments
// themselves are tested on a fake clock in simulated_network_test.cpp.
#include "network/simulated_transport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "common/clock.h"

namespace parley::network {
namespace {

using std::chrono::milliseconds;

struct Received {
  std::vector<uint8_t> data;
  SocketAddress from;
  int64_t arrivalUs;
  int64_t deliveredUs;
};

class RecordingListener : public PacketTransport::Listener {
 public:
  void onTransportPacket(const uint8_t* data, size_t size, const SocketAddress& from,
                         int64_t arrivalUs) override {
    std::lock_guard<std::mutex> lock(mutex_);
    packets_.push_back({std::vector<uint8_t>(data, data + size), from, arrivalUs,
                        SystemClock::instance().nowUs()});
    changed_.notify_all();
  }
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

TEST(SimulatedTransportTest, DeliversBothWaysAfterTheLinkDelay) {
  SimulatedNetwork::Config toA;
  toA.delayUs = 10'000;
  SimulatedNetwork::Config toB;
  toB.delayUs = 30'000;
  SocketAddress addressA = *SocketAddress::parse("10.0.0.1:5000");
  SocketAddress addressB = *SocketAddress::parse("10.0.0.2:6000");
  SimulatedTransport a(toA, SystemClock::instance(), addressA);
  SimulatedTransport b(toB, SystemClock::instance(), addressB);
  SimulatedTransport::connect(a, b);
  RecordingListener atA;
  RecordingListener atB;
  ASSERT_TRUE(a.start(atA));
  ASSERT_TRUE(b.start(atB));

  int64_t sentUs = SystemClock::instance().nowUs();
  for (uint8_t i = 0; i < 5; ++i) ASSERT_TRUE(a.send(&i, 1));
  uint8_t reply = 99;
  ASSERT_TRUE(b.send(&reply, 1));
  std::vector<Received> gotB = atB.waitFor(5);
  std::vector<Received> gotA = atA.waitFor(1);
  a.stop();
  b.stop();

  ASSERT_EQ(gotB.size(), 5u);
  for (uint8_t i = 0; i < 5; ++i) {
    EXPECT_EQ(gotB[i].data, std::vector<uint8_t>{i});
    EXPECT_EQ(gotB[i].from, addressA);
    EXPECT_GE(gotB[i].arrivalUs - sentUs, 30'000);
    EXPECT_GE(gotB[i].deliveredUs, gotB[i].arrivalUs);  // never early
  }
  ASSERT_EQ(gotA.size(), 1u);
  EXPECT_EQ(gotA[0].from, addressB);
  EXPECT_GE(gotA[0].arrivalUs - sentUs, 10'000);
  EXPECT_EQ(b.inboundStats().delivered, 5u);
  EXPECT_EQ(a.inboundStats().delivered, 1u);
}

TEST(SimulatedTransportTest, LossOnOneDirectionOnly) {
  SimulatedNetwork::Config lossless;
  SimulatedNetwork::Config lossy;
  lossy.lossRate = 1.0;
  SimulatedTransport a(lossless, SystemClock::instance(), SocketAddress::ipv4Loopback(1));
  SimulatedTransport b(lossy, SystemClock::instance(), SocketAddress::ipv4Loopback(2));
  SimulatedTransport::connect(a, b);
  RecordingListener atA;
  RecordingListener atB;
  ASSERT_TRUE(a.start(atA));
  ASSERT_TRUE(b.start(atB));
  uint8_t byte = 1;
  for (int i = 0; i < 10; ++i) {
    a.send(&byte, 1);
    b.send(&byte, 1);
  }
  EXPECT_EQ(atA.waitFor(10).size(), 10u);
  EXPECT_EQ(atB.waitFor(1, 100).size(), 0u);
  EXPECT_EQ(b.inboundStats().lost, 10u);
}

TEST(SimulatedTransportTest, StopReturnsPromptlyAndUnconnectedSendFails) {
  SimulatedNetwork::Config config;
  config.delayUs = 10'000'000;  // a packet in flight for 10 s
  SimulatedTransport a(config, SystemClock::instance(), SocketAddress::ipv4Loopback(1));
  SimulatedTransport b(config, SystemClock::instance(), SocketAddress::ipv4Loopback(2));
  uint8_t byte = 1;
  EXPECT_FALSE(a.send(&byte, 1));
  SimulatedTransport::connect(a, b);
  RecordingListener listener;
  ASSERT_TRUE(b.start(listener));
  EXPECT_FALSE(b.start(listener));
  ASSERT_TRUE(a.send(&byte, 1));
  auto before = std::chrono::steady_clock::now();
  b.stop();
  auto took = std::chrono::steady_clock::now() - before;
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(took).count(), 500);
}

}  // namespace
}  // namespace parley::network

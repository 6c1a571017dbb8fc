// PacketPacer: pacing a frame at the rate, priorities, the queue bounds and
// the burst cap. Time moves only through the arguments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "congestion/packet_pacer.h"

namespace parley::congestion {
namespace {

using Priority = PacketPacer::Priority;

std::vector<uint8_t> packet(uint8_t tag, size_t size = 1200) {
  std::vector<uint8_t> p(size, 0);
  p[0] = tag;
  return p;
}

struct Sent {
  int64_t timeUs;
  uint8_t tag;
  size_t size;
};

// Drains the pacer by jumping to nextSendTimeUs() each time, as the adapter's
// thread does.
std::vector<Sent> drain(PacketPacer& pacer, int64_t nowUs, int64_t untilUs = INT64_MAX) {
  std::vector<Sent> sent;
  std::vector<uint8_t> out;
  for (int guard = 0; guard < 100'000; ++guard) {
    const int64_t next = pacer.nextSendTimeUs(nowUs);
    if (next < 0 || next > untilUs) break;
    nowUs = std::max(nowUs, next);
    while (pacer.popDue(nowUs, &out)) sent.push_back({nowUs, out[0], out.size()});
  }
  return sent;
}

PacketPacer::Config config() {
  PacketPacer::Config c;
  c.pacingFactor = 2.5;
  c.startPacingRateBps = 2'500'000;
  c.maxBurstUs = 5'000;
  return c;
}

TEST(PacketPacerTest, SpreadsAThirtyPacketFrameAtThePacingRate) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(1'000'000);  // paced at 2.5 Mbps
  const int64_t t0 = 10'000'000;
  for (uint8_t i = 0; i < 30; ++i) pacer.enqueue(packet(i), Priority::kVideo, t0);
  const std::vector<Sent> sent = drain(pacer, t0);
  ASSERT_EQ(sent.size(), 30u);
  for (size_t i = 0; i < sent.size(); ++i) EXPECT_EQ(sent[i].tag, i);  // FIFO
  // 30 * 1200 B * 8 / 2.5 Mbps = 115.2 ms; the first packet leaves at once,
  // so the last leaves one packet time (3.84 ms) earlier.
  const int64_t spanUs = sent.back().timeUs - sent.front().timeUs;
  EXPECT_NEAR(static_cast<double>(spanUs), 111'360.0, 500.0);
  // Never more than the rate (plus one packet) in any 20 ms.
  for (size_t i = 0; i < sent.size(); ++i) {
    size_t bytes = 0;
    for (size_t j = i; j < sent.size() && sent[j].timeUs < sent[i].timeUs + 20'000; ++j) bytes += sent[j].size;
    EXPECT_LE(bytes, 2'500'000 / 8 * 20 / 1000 + 1200) << i;
  }
  const PacketPacer::Stats stats = pacer.stats(sent.back().timeUs);
  EXPECT_EQ(stats.packetsSent, 30u);
  EXPECT_EQ(stats.bytesSent, 36'000u);
  EXPECT_EQ(stats.packetsInQueue, 0u);
  EXPECT_EQ(pacer.nextSendTimeUs(sent.back().timeUs), -1);
}

TEST(PacketPacerTest, HigherTargetDrainsFaster) {
  for (uint64_t target : {500'000u, 1'000'000u, 2'000'000u}) {
    PacketPacer pacer(config());
    pacer.setTargetBitrate(target);
    for (uint8_t i = 0; i < 30; ++i) pacer.enqueue(packet(i), Priority::kVideo, 0);
    const std::vector<Sent> sent = drain(pacer, 0);
    const double expectedUs = 29 * 1200 * 8 * 1e6 / (2.5 * static_cast<double>(target));
    EXPECT_NEAR(static_cast<double>(sent.back().timeUs), expectedUs, 0.01 * expectedUs) << target;
  }
}

TEST(PacketPacerTest, AudioThenRetransmissionsThenVideoFifoWithin) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(10'000'000);  // fast: order, not timing
  pacer.enqueue(packet(1), Priority::kVideo, 0);
  pacer.enqueue(packet(2), Priority::kRetransmission, 0);
  pacer.enqueue(packet(3, 100), Priority::kAudio, 0);
  pacer.enqueue(packet(4), Priority::kVideo, 0);
  pacer.enqueue(packet(5), Priority::kRetransmission, 0);
  pacer.enqueue(packet(6, 100), Priority::kAudio, 0);
  const std::vector<Sent> sent = drain(pacer, 0);
  std::vector<uint8_t> order;
  for (const Sent& s : sent) order.push_back(s.tag);
  EXPECT_EQ(order, (std::vector<uint8_t>{3, 6, 2, 5, 1, 4}));
}

TEST(PacketPacerTest, AudioBypassesAnExhaustedBudget) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(100'000);  // 250 kbps: a 1200 B packet costs 38 ms
  std::vector<uint8_t> out;
  pacer.enqueue(packet(1), Priority::kVideo, 0);
  pacer.enqueue(packet(2), Priority::kVideo, 0);
  ASSERT_TRUE(pacer.popDue(0, &out));
  EXPECT_FALSE(pacer.popDue(1'000, &out));  // video waits for the budget
  EXPECT_GT(pacer.nextSendTimeUs(1'000), 30'000);
  pacer.enqueue(packet(3, 80), Priority::kAudio, 1'000);
  EXPECT_EQ(pacer.nextSendTimeUs(1'000), 1'000);
  ASSERT_TRUE(pacer.popDue(1'000, &out));
  EXPECT_EQ(out[0], 3);
}

TEST(PacketPacerTest, BurstAfterIdleIsCapped) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(1'000'000);  // 2.5 Mbps; 5 ms of it is 1562 B
  std::vector<uint8_t> out;
  pacer.enqueue(packet(0), Priority::kVideo, 0);
  ASSERT_TRUE(pacer.popDue(0, &out));
  // Ten seconds idle, then a frame: no more than the 5 ms burst (plus the
  // one packet the budget may overdraw) leaves at once.
  const int64_t t = 10'000'000;
  for (uint8_t i = 1; i <= 20; ++i) pacer.enqueue(packet(i), Priority::kVideo, t);
  int atOnce = 0;
  while (pacer.popDue(t, &out)) ++atOnce;
  EXPECT_EQ(atOnce, 2);
  EXPECT_GT(pacer.nextSendTimeUs(t), t);
}

TEST(PacketPacerTest, DropsOldestVideoBeyondThePacketBound) {
  PacketPacer::Config c = config();
  c.maxQueuedPackets = 10;
  PacketPacer pacer(c);
  pacer.setTargetBitrate(100'000);
  pacer.enqueue(packet(100, 80), Priority::kAudio, 0);
  for (uint8_t i = 0; i < 15; ++i) pacer.enqueue(packet(i), Priority::kVideo, 0);
  PacketPacer::Stats stats = pacer.stats(0);
  EXPECT_EQ(stats.packetsQueued, 16u);
  EXPECT_EQ(stats.packetsDropped, 6u);
  EXPECT_EQ(stats.packetsInQueue, 10u);
  const std::vector<Sent> sent = drain(pacer, 0);
  ASSERT_EQ(sent.size(), 10u);
  EXPECT_EQ(sent[0].tag, 100);  // audio kept
  EXPECT_EQ(sent[1].tag, 6);    // video 0..5 dropped, oldest first
  EXPECT_EQ(sent.back().tag, 14);
}

TEST(PacketPacerTest, DropsVideoOlderThanTheDelayBound) {
  PacketPacer::Config c = config();
  c.maxQueueDelayUs = 500'000;
  PacketPacer pacer(c);
  pacer.setTargetBitrate(50'000);  // 125 kbps: 77 ms a packet
  for (uint8_t i = 0; i < 20; ++i) pacer.enqueue(packet(i), Priority::kVideo, 0);
  pacer.enqueue(packet(200), Priority::kRetransmission, 0);
  const std::vector<Sent> sent = drain(pacer, 0);
  const PacketPacer::Stats stats = pacer.stats(sent.back().timeUs);
  EXPECT_GT(stats.packetsDropped, 0u);
  EXPECT_EQ(stats.packetsSent + stats.packetsDropped, 21u);
  for (const Sent& s : sent) {
    if (s.tag != 200) {
      EXPECT_LE(s.timeUs, 500'000) << int{s.tag};
    }
  }
  EXPECT_EQ(sent[0].tag, 200);  // retransmission first, and never aged out
}

TEST(PacketPacerTest, QueueDelayIsTheAgeOfTheOldestPacket) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(100'000);
  EXPECT_EQ(pacer.stats(5'000).queueDelayUs, 0);
  pacer.enqueue(packet(1), Priority::kVideo, 1'000);
  pacer.enqueue(packet(2), Priority::kVideo, 3'000);
  EXPECT_EQ(pacer.stats(11'000).queueDelayUs, 10'000);
}

TEST(PacketPacerTest, ZeroTargetStillDrains) {
  PacketPacer pacer(config());
  pacer.setTargetBitrate(0);
  for (uint8_t i = 0; i < 3; ++i) pacer.enqueue(packet(i, 100), Priority::kVideo, 0);
  EXPECT_EQ(drain(pacer, 0).size(), 3u);
}

}  // namespace
}  // namespace parley::congestion

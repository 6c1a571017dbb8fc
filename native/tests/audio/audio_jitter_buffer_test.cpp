// The audio jitter buffer packet by packet: start, exact pull sizes,
// duplicates, late and invalid packets, DTX gaps, FEC and PLC, bounded store.
#include "audio/audio_jitter_buffer.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "audio_stream_sim.h"
#include "parley/parley.h"

namespace parley::audio {
namespace {

using test::kFrame;

class AudioJitterBufferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::EncoderSettings settings;
    settings.fec = true;
    settings.lossPercent = 20;
    packets_ = test::encodeSignal(test::Signal::kSpeechLike, 100, settings);
  }
  // Packet i sent at 20 ms * i, arriving 30 ms later.
  AudioJitterBuffer::InsertResult insert(AudioJitterBuffer& buffer, int i, int64_t seqOffset = 0,
                                         int64_t arrivalUs = -1) {
    const auto& packet = packets_[static_cast<size_t>(i)];
    return buffer.insert(1000 + i + seqOffset, int64_t{i} * kFrame, packet.data(), packet.size(),
                         arrivalUs >= 0 ? arrivalUs : kStartUs + i * 20'000 + 30'000);
  }
  // Pulls 10 ms at `nowUs`.
  void pull(AudioJitterBuffer& buffer, int64_t nowUs) {
    ASSERT_EQ(buffer.pull(pcm_.data(), 480, nowUs), 480);
  }

  static constexpr int64_t kStartUs = 1'000'000;
  std::vector<std::vector<uint8_t>> packets_;
  std::vector<int16_t> pcm_ = std::vector<int16_t>(5760);
};

TEST_F(AudioJitterBufferTest, SilenceUntilTheFirstPacketIsDue) {
  AudioJitterBuffer buffer;
  pcm_.assign(pcm_.size(), 7);
  pull(buffer, kStartUs);
  for (int i = 0; i < 480; ++i) ASSERT_EQ(pcm_[i], 0);
  insert(buffer, 0);
  pull(buffer, kStartUs + 40'000);  // arrived 10 ms ago, initial target 40 ms
  EXPECT_EQ(buffer.stats().playedMs, 0);
  pull(buffer, kStartUs + 70'000);
  EXPECT_EQ(buffer.stats().playedMs, 10);
  EXPECT_EQ(buffer.stats().currentDelayMs, 40);
}

TEST_F(AudioJitterBufferTest, PullAlwaysFillsExactlyWhatIsAsked) {
  AudioJitterBuffer buffer;
  for (int i = 0; i < 10; ++i) insert(buffer, i);
  int64_t total = 0;
  for (int samples : {480, 960, 120, 441, 1000, 5760}) {
    EXPECT_EQ(buffer.pull(pcm_.data(), samples, kStartUs + 300'000), samples);
    total += samples;
  }
  EXPECT_EQ(buffer.stats().playedMs, total / 48);
  EXPECT_EQ(buffer.pull(nullptr, 480, kStartUs), kErrorInvalidArgument);
  EXPECT_EQ(buffer.pull(pcm_.data(), 0, kStartUs), kErrorInvalidArgument);
  EXPECT_EQ(buffer.pull(pcm_.data(), 5761, kStartUs), kErrorInvalidArgument);
}

TEST_F(AudioJitterBufferTest, DuplicatesLateAndInvalidPacketsAreCounted) {
  AudioJitterBuffer buffer;
  EXPECT_EQ(insert(buffer, 0), AudioJitterBuffer::InsertResult::kInserted);
  EXPECT_EQ(insert(buffer, 0), AudioJitterBuffer::InsertResult::kDuplicate);
  const uint8_t bogus[] = {0xff, 0xff, 0xff};
  EXPECT_EQ(buffer.insert(5, 0, bogus, sizeof bogus, kStartUs),
            AudioJitterBuffer::InsertResult::kInvalid);
  EXPECT_EQ(buffer.insert(5, 0, nullptr, 0, kStartUs), AudioJitterBuffer::InsertResult::kInvalid);
  const auto& good = packets_[1];
  EXPECT_EQ(buffer.insert(int64_t{1} << 61, 0, good.data(), good.size(), kStartUs),
            AudioJitterBuffer::InsertResult::kInvalid);
  insert(buffer, 1);
  insert(buffer, 3);
  // Play 0, 1, then conceal 2 (its playout passes), then 2 arrives: late.
  for (int64_t t = kStartUs + 70'000; t <= kStartUs + 140'000; t += 10'000) pull(buffer, t);
  EXPECT_EQ(insert(buffer, 2, 0, kStartUs + 150'000), AudioJitterBuffer::InsertResult::kLate);
  const AudioJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.packetsReceived, 8u);
  EXPECT_EQ(stats.duplicates, 1u);
  EXPECT_EQ(stats.packetsInvalid, 3u);
  EXPECT_EQ(stats.packetsLate, 1u);
}

TEST_F(AudioJitterBufferTest, LossIsRecoveredFromTheNextPacketsFec) {
  AudioJitterBuffer buffer;
  int lost = 10;  // the first loss whose next packet carries FEC (not every frame's does)
  while (lost < 18 && !codec::OpusDecoder::packetHasFec(
                          packets_[lost + 1].data(), static_cast<int>(packets_[lost + 1].size()))) {
    ++lost;
  }
  ASSERT_LT(lost, 18);
  for (int i = 0; i < 20; ++i) {
    if (i != lost) insert(buffer, i);
  }
  for (int64_t t = kStartUs + 70'000; t < kStartUs + 400'000; t += 10'000) pull(buffer, t);
  const AudioJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.fecRecovered, 1u);
  EXPECT_EQ(stats.fecRecoveredMs, 20);
  EXPECT_EQ(stats.concealedMs, 0);
  EXPECT_EQ(stats.packetsLost, 0u);
}

// Packets arrive in real time with no jitter, so the estimator's target
// shrinks to its margin (10 ms): the packet after a lost one comes 20 ms after
// the lost one was due. One packet of look-ahead while the stream carries FEC
// makes it be there, so the loss is recovered instead of concealed meanwhile.
TEST_F(AudioJitterBufferTest, FecLookaheadHasTheNextPacketThereWhenALossIsDue) {
  test::EncoderSettings settings;
  settings.fec = true;
  settings.lossPercent = 20;
  packets_ = test::encodeSignal(test::Signal::kSpeechLike, 600, settings);
  int lost = 500;  // after the target has shrunk; the next packet must carry FEC
  while (lost < 590 && !codec::OpusDecoder::packetHasFec(
                           packets_[lost + 1].data(), static_cast<int>(packets_[lost + 1].size()))) {
    ++lost;
  }
  ASSERT_LT(lost, 590);
  const struct {
    const char* name;
    int lookaheadMs;
    bool recoveredWithoutConcealment;
  } cases[] = {{"no look-ahead", 0, false}, {"one packet of look-ahead", 20, true}};
  int targets[2] = {0, 0};
  for (size_t c = 0; c < 2; ++c) {
    SCOPED_TRACE(cases[c].name);
    AudioJitterBuffer::Config config;
    config.fecLookaheadMs = cases[c].lookaheadMs;
    AudioJitterBuffer buffer(config);
    int next = 0;
    for (int64_t t = kStartUs; t < kStartUs + 11'800'000; t += 10'000) {
      for (; next < 600 && kStartUs + next * 20'000 + 30'000 <= t; ++next) {
        if (next != lost) insert(buffer, next);
      }
      pull(buffer, t);
    }
    const AudioJitterBuffer::Stats stats = buffer.stats();
    targets[c] = stats.targetDelayMs;
    EXPECT_EQ(stats.fecRecovered, 1u);
    EXPECT_EQ(stats.packetsLost, 0u);
    if (cases[c].recoveredWithoutConcealment) {
      EXPECT_EQ(stats.concealedMs, 0);
    } else {
      EXPECT_GT(stats.concealedMs, 0);  // held playout while waiting for the next packet
    }
  }
  EXPECT_EQ(targets[1], targets[0] + 20);
}

TEST_F(AudioJitterBufferTest, LossWithoutFecIsConcealed) {
  test::EncoderSettings plain;
  packets_ = test::encodeSignal(test::Signal::kSpeechLike, 30, plain);
  AudioJitterBuffer buffer;
  for (int i = 0; i < 20; ++i) {
    if (i != 10) insert(buffer, i);
  }
  for (int64_t t = kStartUs + 70'000; t < kStartUs + 400'000; t += 10'000) pull(buffer, t);
  const AudioJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.fecRecovered, 0u);
  EXPECT_EQ(stats.concealedMs, 20);
  EXPECT_EQ(stats.packetsLost, 1u);
}

TEST_F(AudioJitterBufferTest, TimestampGapWithConsecutiveSequenceIsDtx) {
  AudioJitterBuffer buffer;
  // Packets 0..4, then the sender is silent for frames 5..24, then 25..29;
  // sequence numbers stay consecutive.
  for (int i = 0; i < 5; ++i) insert(buffer, i);
  for (int i = 25; i < 30; ++i) insert(buffer, i, -20);
  for (int64_t t = kStartUs + 70'000; t < kStartUs + 700'000; t += 10'000) pull(buffer, t);
  const AudioJitterBuffer::Stats stats = buffer.stats();
  EXPECT_EQ(stats.comfortMs, 400);
  EXPECT_EQ(stats.concealedMs, 0);
  EXPECT_EQ(stats.packetsLost, 0u);
  EXPECT_EQ(stats.packetsDecoded, 10u);
}

TEST_F(AudioJitterBufferTest, DtxGapSeenOnlyAfterTheFactIsNotLoss) {
  AudioJitterBuffer buffer;
  for (int i = 0; i < 5; ++i) insert(buffer, i);
  int64_t t = kStartUs + 70'000;
  for (; t < kStartUs + 560'000; t += 10'000) pull(buffer, t);  // runs dry during the gap
  for (int i = 25; i < 30; ++i) insert(buffer, i, -20);         // arrive in time for frame 25
  for (; t < kStartUs + 800'000; t += 10'000) pull(buffer, t);
  const AudioJitterBuffer::Stats stats = buffer.stats();
  // Playout held a little at the start of the gap (it could have been a late
  // packet), then left that much silence out once the gap was known.
  EXPECT_GE(stats.comfortMs, 350);
  EXPECT_EQ(stats.packetsDecoded, 10u);
  EXPECT_EQ(stats.concealedMs, 0);
  EXPECT_EQ(stats.packetsLost, 0u);
}

TEST_F(AudioJitterBufferTest, PacketStoreIsBounded) {
  AudioJitterBuffer::Config config;
  config.maxPackets = 10;
  AudioJitterBuffer buffer(config);
  for (int i = 0; i < 30; ++i) insert(buffer, i % 100, i / 100, kStartUs);
  EXPECT_EQ(buffer.stats().packetsBuffered, 10u);
  EXPECT_EQ(buffer.stats().packetsDiscarded, 20u);
}

TEST_F(AudioJitterBufferTest, SequenceJumpRestarts) {
  AudioJitterBuffer buffer;
  for (int i = 0; i < 5; ++i) insert(buffer, i);
  for (int64_t t = kStartUs + 70'000; t < kStartUs + 120'000; t += 10'000) pull(buffer, t);
  insert(buffer, 5, 40'000, kStartUs + 130'000);
  EXPECT_EQ(buffer.stats().restarts, 1u);
  EXPECT_EQ(buffer.stats().packetsBuffered, 1u);
}

TEST_F(AudioJitterBufferTest, GarbageAndChaosNeverBreakThePullSide) {
  AudioJitterBuffer::Config config;
  config.maxDelayMs = 150;
  AudioJitterBuffer buffer(config);
  std::mt19937 random(99);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> choice(0, 9);
  int64_t nowUs = kStartUs;
  for (int step = 0; step < 3000; ++step) {
    nowUs += 10'000;
    const int what = choice(random);
    if (what < 5) {  // a real packet, sometimes reordered, duplicated or far off
      const int i = step / 2 % 100;
      int64_t offset = 0;
      if (what == 4) offset = std::uniform_int_distribution<int64_t>(-2000, 2000)(random);
      insert(buffer, i, offset + step / 200 * 100, nowUs - byte(random) * 1000);
    } else if (what < 8) {  // random bytes
      std::vector<uint8_t> junk(static_cast<size_t>(1 + byte(random)));
      for (uint8_t& b : junk) b = static_cast<uint8_t>(byte(random));
      buffer.insert(1000 + step / 2, int64_t{step} * 480, junk.data(), junk.size(), nowUs);
    } else if (what == 8) {  // extreme numbers
      const auto& good = packets_[0];
      buffer.insert(INT64_MIN, INT64_MAX, good.data(), good.size(), nowUs);
      buffer.insert(INT64_MAX, INT64_MIN, good.data(), good.size(), nowUs);
    }
    const int samples = (step % 3 + 1) * 160;
    ASSERT_EQ(buffer.pull(pcm_.data(), samples, nowUs), samples);
    ASSERT_LE(buffer.stats().currentDelayMs, 150);
    ASSERT_LE(buffer.stats().packetsBuffered, config.maxPackets);
  }
  EXPECT_GT(buffer.stats().packetsInvalid, 0u);
  EXPECT_GT(buffer.stats().packetsDecoded, 0u);
}

}  // namespace
}  // namespace parley::audio

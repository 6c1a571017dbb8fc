// AudioSendStream: framing of 10 ms chunks into 20 ms RTP packets (RFC 7587
// timestamps and marker), mute, mid-call bitrate changes and FEC on loss.
#include "pipeline/audio_send_stream.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "audio/audio_stream_sim.h"
#include "codec/opus_decoder.h"
#include "rtp/opus_payload.h"
#include "rtp/rtp_packet.h"
#include "support/fake_clock.h"

namespace parley::pipeline {
namespace {

using audio::test::makeSignal;
using audio::test::Signal;

struct SentPacket {
  rtp::RtpHeader header;
  std::vector<uint8_t> payload;
};

class CollectingSink final : public RtpPacketSink {
 public:
  void sendRtpPacket(const uint8_t* data, size_t size) override {
    rtp::RtpPacketView view;
    ASSERT_EQ(rtp::parseRtpPacket(data, size, &view), rtp::RtpParseError::kOk);
    packets.push_back(SentPacket{view.header, view.payload.toVector()});
  }
  std::vector<SentPacket> packets;
};

AudioSendStreamConfig testConfig() {
  AudioSendStreamConfig config;
  config.rtp.ssrc = 0x1234abcd;
  config.rtp.payloadType = 111;
  config.rtp.firstSequenceNumber = 65530;  // wraps during the tests
  config.rtp.timestampOffset = 1000;
  config.complexity = 5;
  return config;
}

// Feeds `ms` of the signal in chunks of chunkSamples, advancing the clock.
class Talker {
 public:
  Talker(AudioSendStream& stream, test::FakeClock& clock, Signal signal)
      : stream_(stream), clock_(clock), signal_(signal), startUs_(clock.nowUs()) {}
  void talk(int ms, size_t chunkSamples = 480) {
    const int64_t total = int64_t{ms} * 48;
    for (int64_t done = 0; done < total;) {
      const auto n = static_cast<size_t>(std::min<int64_t>(chunkSamples, total - done));
      const std::vector<int16_t> pcm = makeSignal(signal_, position_, static_cast<int>(n));
      stream_.onCapturedAudio(pcm.data(), n, clock_.nowUs());
      position_ += static_cast<int64_t>(n);
      done += static_cast<int64_t>(n);
      clock_.setUs(startUs_ + position_ * 1'000'000 / 48000);
    }
  }

 private:
  AudioSendStream& stream_;
  test::FakeClock& clock_;
  Signal signal_;
  int64_t startUs_;
  int64_t position_ = 0;
};

double meanPayload(const std::vector<SentPacket>& packets, size_t from, size_t to) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += static_cast<double>(packets[i].payload.size());
  return to > from ? sum / static_cast<double>(to - from) : 0;
}

TEST(AudioSendStreamTest, ChunksOfAnySizeMakeTwentyMsPackets) {
  for (size_t chunk : {size_t{480}, size_t{960}, size_t{7}, size_t{1333}}) {
    SCOPED_TRACE(chunk);
    test::FakeClock clock;
    CollectingSink sink;
    AudioSendStream stream(testConfig(), sink, clock);
    EXPECT_FALSE(stream.lastCaptureTimestamp(nullptr, nullptr));
    const int64_t startUs = clock.nowUs();
    Talker(stream, clock, Signal::kSpeechLike).talk(1000, chunk);
    ASSERT_EQ(sink.packets.size(), 50u);
    // The sender report's pair: the last frame's first sample and its capture time.
    uint32_t timestamp = 0;
    int64_t captureUs = 0;
    ASSERT_TRUE(stream.lastCaptureTimestamp(&timestamp, &captureUs));
    EXPECT_EQ(timestamp, 1000u + 49 * 960);
    EXPECT_NEAR(static_cast<double>(captureUs - startUs), 49 * 20'000.0, 25.0);
    for (size_t i = 0; i < sink.packets.size(); ++i) {
      const SentPacket& packet = sink.packets[i];
      EXPECT_EQ(packet.header.payloadType, 111);
      EXPECT_EQ(packet.header.ssrc, 0x1234abcdu);
      EXPECT_EQ(packet.header.sequenceNumber, static_cast<uint16_t>(65530 + i));
      EXPECT_EQ(packet.header.timestamp, 1000u + 960u * i);
      EXPECT_EQ(packet.header.marker, i == 0);  // first packet of the first talkspurt
      int samples = 0;
      EXPECT_EQ(rtp::parseOpusPayload(rtp::ByteView(packet.payload), &samples),
                rtp::OpusPayloadError::kOk);
      EXPECT_EQ(samples, 960);
    }
    const AudioSendStats stats = stream.stats();
    EXPECT_EQ(stats.framesEncoded, 50);
    EXPECT_EQ(stats.packetsSent, 50);
    EXPECT_EQ(stats.samplesIn, 48000);
    EXPECT_EQ(stats.framesDtx, 0);
    EXPECT_GT(stats.inputLevel, 50);
    EXPECT_GT(stats.inputLevelDbfs, -30.0);
  }
}

TEST(AudioSendStreamTest, NullInputIsCountedAndIgnored) {
  test::FakeClock clock;
  CollectingSink sink;
  AudioSendStream stream(testConfig(), sink, clock);
  stream.onCapturedAudio(nullptr, 480, clock.nowUs());
  const std::vector<int16_t> pcm(480, 0);
  stream.onCapturedAudio(pcm.data(), 0, clock.nowUs());
  EXPECT_EQ(stream.stats().chunksRejected, 1);
  EXPECT_EQ(stream.stats().framesEncoded, 0);
  EXPECT_TRUE(sink.packets.empty());
}

struct MuteCase {
  std::string name;
  bool dtx;
};

TEST(AudioSendStreamTest, MuteSendsSilenceThenOnlyDtxRefreshes) {
  for (const MuteCase& c : {MuteCase{"dtx off", false}, MuteCase{"dtx on", true}}) {
    SCOPED_TRACE(c.name);
    test::FakeClock clock;
    CollectingSink sink;
    AudioSendStreamConfig config = testConfig();
    config.dtx = c.dtx;
    AudioSendStream stream(config, sink, clock);
    Talker talker(stream, clock, Signal::kSpeechLike);
    talker.talk(1000);
    ASSERT_EQ(sink.packets.size(), 50u);
    EXPECT_FALSE(stream.stats().muted);

    stream.setMuted(true);
    talker.talk(4000);  // 200 frames muted
    const AudioSendStats muted = stream.stats();
    const size_t mutedPackets = sink.packets.size() - 50;
    EXPECT_TRUE(muted.muted);
    EXPECT_EQ(muted.framesEncoded, 250);
    // Hangover (~200 ms) plus a refresh every 400 ms: far fewer than 200.
    EXPECT_LT(mutedPackets, 30u);
    EXPECT_GT(muted.framesDtx, 170);
    EXPECT_EQ(static_cast<int64_t>(mutedPackets) + muted.framesDtx, 200);
    EXPECT_EQ(muted.inputLevelDbfs, audio::LevelMeter::kFloorDbfs);  // metered after mute
    // After the hangover only comfort-noise refreshes go out, each starting a
    // "talkspurt" after a gap: marker set (RFC 3551 section 4.1).
    size_t refreshes = 0;
    for (size_t i = 51; i < sink.packets.size(); ++i) {
      const uint32_t step = sink.packets[i].header.timestamp - sink.packets[i - 1].header.timestamp;
      EXPECT_EQ(step % 960u, 0u);
      EXPECT_EQ(sink.packets[i].header.marker, step > 960u) << i;
      if (step > 960u) {
        ++refreshes;
        EXPECT_GE(step, 960u * 15) << i;                      // ~400 ms apart
        EXPECT_LT(sink.packets[i].payload.size(), 50u) << i;  // silence, not speech
      }
    }
    EXPECT_GE(refreshes, 5u);

    stream.setMuted(false);
    const size_t before = sink.packets.size();
    const uint32_t lastTimestamp = sink.packets.back().header.timestamp;
    const uint16_t lastSequence = sink.packets.back().header.sequenceNumber;
    talker.talk(200);
    ASSERT_GT(sink.packets.size(), before);
    const SentPacket& first = sink.packets[before];
    EXPECT_FALSE(stream.stats().muted);
    EXPECT_EQ(first.header.sequenceNumber, static_cast<uint16_t>(lastSequence + 1));
    EXPECT_EQ((first.header.timestamp - 1000u) % 960u, 0u);
    // Speech again: the marker starts the talkspurt if DTX left a gap before it.
    EXPECT_EQ(first.header.marker, first.header.timestamp - lastTimestamp > 960u);
    EXPECT_FALSE(sink.packets.back().header.marker);
    EXPECT_GT(sink.packets.back().payload.size(), 50u);
    // With DTX off, unmuting stops DTX again: every frame is sent.
    talker.talk(1000);
    if (!c.dtx) {
      EXPECT_EQ(sink.packets.size() - before, 60u);
    }
  }
}

TEST(AudioSendStreamTest, BitrateChangeMidCallChangesPacketSizes) {
  test::FakeClock clock;
  CollectingSink sink;
  AudioSendStreamConfig config = testConfig();
  config.bitrateBps = 16000;
  AudioSendStream stream(config, sink, clock);
  Talker talker(stream, clock, Signal::kSpeechLike);
  talker.talk(3000);
  const size_t low = sink.packets.size();
  stream.setBitrate(64000);
  EXPECT_EQ(stream.stats().bitrateBps, 64000);
  talker.talk(3000);
  const double lowBytes = meanPayload(sink.packets, low - 50, low);
  const double highBytes = meanPayload(sink.packets, sink.packets.size() - 50, sink.packets.size());
  std::printf("[figures] payload 16 kbps %.1f B, 64 kbps %.1f B per 20 ms\n", lowBytes, highBytes);
  EXPECT_NEAR(lowBytes, 16000 / 8 / 50, 15);
  EXPECT_NEAR(highBytes, 64000 / 8 / 50, 50);
  EXPECT_GT(highBytes, 2.5 * lowBytes);
  stream.setBitrate(1);  // clamped to the encoder's range, still sends
  talker.talk(200);
  EXPECT_EQ(stream.stats().bitrateBps, 6000);
  EXPECT_EQ(stream.stats().encodeErrors, 0);
}

size_t countFec(const std::vector<SentPacket>& packets, size_t from, size_t to) {
  size_t count = 0;
  for (size_t i = from; i < to; ++i) {
    count += codec::OpusDecoder::packetHasFec(packets[i].payload.data(),
                                              static_cast<int>(packets[i].payload.size()))
                 ? 1
                 : 0;
  }
  return count;
}

TEST(AudioSendStreamTest, InbandFecFollowsExpectedLoss) {
  test::FakeClock clock;
  CollectingSink sink;
  AudioSendStream stream(testConfig(), sink, clock);
  Talker talker(stream, clock, Signal::kSpeechLike);
  talker.talk(2000);
  const size_t lossless = sink.packets.size();
  EXPECT_EQ(countFec(sink.packets, 0, lossless), 0u);  // 0 % expected loss: no FEC

  // The session feeds RTCP fraction lost, possibly from another thread.
  std::thread rtcp([&stream] { stream.setExpectedLossPercent(10); });
  rtcp.join();
  talker.talk(2000);
  const size_t lossy = sink.packets.size() - lossless;
  const size_t withFec = countFec(sink.packets, lossless, sink.packets.size());
  std::printf("[figures] FEC in %zu of %zu packets at 10%% expected loss\n", withFec, lossy);
  // LBRR rides on active speech frames only (the syllable envelope dips).
  EXPECT_GT(withFec, lossy / 2);
  EXPECT_EQ(stream.stats().expectedLossPercent, 10);

  stream.setExpectedLossPercent(0);
  talker.talk(1000);
  const size_t tail = sink.packets.size();
  EXPECT_LE(countFec(sink.packets, tail - 40, tail), 1u);
}

// A starved capture thread skips frames (PacedAudioThread): the RTP time
// must jump with the capture time, or the receiver sees every later packet
// as late by the gap.
TEST(AudioSendStreamTest, CaptureGapsJumpTheRtpTimestamp) {
  test::FakeClock clock;
  CollectingSink sink;
  AudioSendStream stream(testConfig(), sink, clock);
  const std::vector<int16_t> chunk(480, 1000);  // 10 ms
  const struct {
    const char* name;
    int64_t captureUs;  // of the next two 10 ms chunks (one frame)
    uint32_t timestampStep;
    int64_t skipped;
  } steps[] = {
      {"first frame", 0, 0, 0},
      {"on time", 20'000, 960, 0},
      {"a few ms late is jitter, not a gap", 45'000, 960, 0},
      {"100 ms skipped", 165'000, 960 * 6, 5},
      {"back on time", 185'000, 960, 5},
  };
  uint32_t last = 0;
  for (const auto& step : steps) {
    SCOPED_TRACE(step.name);
    stream.onCapturedAudio(chunk.data(), chunk.size(), step.captureUs);
    stream.onCapturedAudio(chunk.data(), chunk.size(), step.captureUs + 10'000);
    ASSERT_FALSE(sink.packets.empty());
    const uint32_t timestamp = sink.packets.back().header.timestamp;
    if (step.timestampStep != 0) {
      EXPECT_EQ(timestamp - last, step.timestampStep);
    }
    last = timestamp;
    EXPECT_EQ(stream.stats().framesSkipped, step.skipped);
  }
  EXPECT_EQ(sink.packets.size(), 5u);
}

// RTCP intervals of a few dozen packets often see none of a few percent of
// loss: a report of less loss only counts once the peak is kLossHoldUs old.
TEST(AudioSendStreamTest, ExpectedLossHoldsItsRecentPeak) {
  test::FakeClock clock;
  CollectingSink sink;
  AudioSendStreamConfig config = testConfig();
  config.expectedLossPercent = 20;  // the configured start is replaced at once
  AudioSendStream stream(config, sink, clock);
  const struct {
    const char* name;
    int64_t advanceMs;
    int report;
    int expected;
  } steps[] = {
      {"first report replaces the configured value", 0, 0, 0},
      {"a rise counts at once", 100, 8, 8},
      {"a lower report within the hold is ignored", 500, 0, 8},
      {"an equal report refreshes the hold", 900, 8, 8},
      {"still held 1.4 s after the refresh", 1400, 3, 8},
      {"a higher one counts at once", 10, 12, 12},
      {"lower, once the peak is 1.5 s old", 1500, 2, 2},
      {"out of range is clamped", 0, 250, 100},
  };
  for (const auto& step : steps) {
    SCOPED_TRACE(step.name);
    clock.advanceMs(step.advanceMs);
    stream.setExpectedLossPercent(step.report);
    EXPECT_EQ(stream.stats().expectedLossPercent, step.expected);
  }
}

}  // namespace
}  // namespace parley::pipeline

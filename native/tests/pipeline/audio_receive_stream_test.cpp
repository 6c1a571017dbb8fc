// AudioReceiveStream: stream checks and malformed input (counted, never a
// crash), speaker mute, the output level and the lip-sync playout position.
#include "pipeline/audio_receive_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "audio/audio_stream_sim.h"
#include "rtp/rtp_packet.h"

namespace parley::pipeline {
namespace {

using audio::test::encodeSignal;
using audio::test::Signal;

constexpr uint32_t kSsrc = 0x11223344;
constexpr uint8_t kPt = 111;

std::vector<uint8_t> rtpPacket(uint16_t sequence, uint32_t timestamp,
                               const std::vector<uint8_t>& payload, uint8_t pt = kPt,
                               uint32_t ssrc = kSsrc) {
  rtp::RtpHeader header;
  header.payloadType = pt;
  header.sequenceNumber = sequence;
  header.timestamp = timestamp;
  header.ssrc = ssrc;
  std::vector<uint8_t> out;
  EXPECT_EQ(rtp::writeRtpPacket(header, rtp::ByteView(payload), 0, &out), rtp::RtpWriteError::kOk);
  return out;
}

const std::vector<std::vector<uint8_t>>& speech() {
  static const auto stream = encodeSignal(Signal::kSpeechLike, 250, {});
  return stream;
}

struct MalformedCase {
  std::string name;
  std::vector<uint8_t> bytes;
  bool nullData;
  int64_t malformed;
  int64_t otherStream;
};

TEST(AudioReceiveStreamTest, BadPacketsAreCountedAndDropped) {
  const std::vector<uint8_t> opus = speech()[10];
  std::vector<uint8_t> badVersion = rtpPacket(1, 960, opus);
  badVersion[0] = static_cast<uint8_t>((badVersion[0] & 0x3F) | 0x40);  // V=1
  std::vector<uint8_t> badPadding = rtpPacket(1, 960, opus);
  badPadding[0] |= 0x20;
  badPadding.back() = 0xFF;  // pads past the payload
  const std::vector<MalformedCase> cases = {
      {"null", {}, true, 1, 0},
      {"empty", {}, false, 1, 0},
      {"shorter than the header", {0x80, 0x6F, 0, 1, 0}, false, 1, 0},
      {"version 1", badVersion, false, 1, 0},
      {"padding beyond payload", badPadding, false, 1, 0},
      {"no payload", rtpPacket(1, 960, {}), false, 1, 0},
      {"opus code 3 without count", rtpPacket(1, 960, {0xFB}), false, 1, 0},
      {"opus 140 ms", rtpPacket(1, 960, {0xFB, 7}), false, 1, 0},
      {"other payload type", rtpPacket(1, 960, opus, 96), false, 0, 1},
      {"RTCP receiver report on the muxed port", {0x80, 201, 0, 1, 0, 0, 0, 1}, false, 1, 0},
  };
  for (const MalformedCase& c : cases) {
    SCOPED_TRACE(c.name);
    AudioReceiveStream stream(AudioReceiveStreamConfig{});
    stream.receiveRtpPacket(c.nullData ? nullptr : c.bytes.data(), c.bytes.size(), 1000);
    const AudioReceiveStats stats = stream.stats();
    EXPECT_EQ(stats.packetsReceived, 1);
    EXPECT_EQ(stats.packetsMalformed, c.malformed);
    EXPECT_EQ(stats.packetsOtherStream, c.otherStream);
    EXPECT_EQ(stats.jitter.packetsReceived, 0u);  // never reached the buffer
    EXPECT_EQ(stream.remoteSsrc(), 0u);           // nothing latched
    std::vector<int16_t> pcm(480, 123);
    EXPECT_EQ(stream.renderAudio(pcm.data(), pcm.size(), 20'000), 480);
    EXPECT_EQ(pcm, std::vector<int16_t>(480, 0));
  }
}

TEST(AudioReceiveStreamTest, LatchesTheFirstSsrcOrTheConfiguredOne) {
  const std::vector<uint8_t> opus = speech()[10];
  {
    AudioReceiveStream stream(AudioReceiveStreamConfig{});
    const auto first = rtpPacket(1, 960, opus);
    stream.receiveRtpPacket(first.data(), first.size(), 1000);
    const auto other = rtpPacket(2, 1920, opus, kPt, kSsrc + 1);
    stream.receiveRtpPacket(other.data(), other.size(), 2000);
    EXPECT_EQ(stream.remoteSsrc(), kSsrc);
    EXPECT_EQ(stream.stats().packetsOtherStream, 1);
    EXPECT_EQ(stream.stats().jitter.packetsReceived, 1u);
    // Renegotiated: follow the new stream.
    stream.setRemoteSsrc(kSsrc + 1);
    stream.receiveRtpPacket(other.data(), other.size(), 3000);
    EXPECT_EQ(stream.stats().packetsOtherStream, 1);
    EXPECT_EQ(stream.stats().jitter.packetsReceived, 2u);
  }
  {
    AudioReceiveStreamConfig config;
    config.remoteSsrc = kSsrc + 1;
    AudioReceiveStream stream(config);
    const auto first = rtpPacket(1, 960, opus);
    stream.receiveRtpPacket(first.data(), first.size(), 1000);
    EXPECT_EQ(stream.stats().packetsOtherStream, 1);
    EXPECT_EQ(stream.remoteSsrc(), kSsrc + 1);
  }
}

TEST(AudioReceiveStreamTest, RandomAndMutatedInputNeverCrashes) {
  AudioReceiveStream stream(AudioReceiveStreamConfig{});
  std::mt19937 random(42);
  std::vector<int16_t> pcm(960);
  int64_t nowUs = 0;
  int64_t fed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint8_t> bytes;
    if (i % 2 == 0) {
      bytes.resize(random() % 80);
      for (uint8_t& b : bytes) b = static_cast<uint8_t>(random());
      if (!bytes.empty() && i % 4 == 0) bytes[0] = 0x80;  // looks like RTP v2
    } else {
      const auto& opus = speech()[static_cast<size_t>(i) % speech().size()];
      bytes = rtpPacket(static_cast<uint16_t>(i / 2), static_cast<uint32_t>(i / 2 * 960),
                        opus.empty() ? std::vector<uint8_t>{0x08} : opus);
      for (int flips = 0; flips < 3; ++flips) {
        bytes[random() % bytes.size()] ^= static_cast<uint8_t>(1u << (random() % 8));
      }
      if (random() % 3 == 0) bytes.resize(random() % bytes.size());
    }
    stream.receiveRtpPacket(bytes.empty() ? nullptr : bytes.data(), bytes.size(), nowUs);
    ++fed;
    if (i % 4 == 0) {
      nowUs += 20'000;
      ASSERT_EQ(stream.renderAudio(pcm.data(), pcm.size(), nowUs), 960);
    }
  }
  const AudioReceiveStats stats = stream.stats();
  EXPECT_EQ(stats.packetsReceived, fed);
  EXPECT_GT(stats.packetsMalformed, fed / 4);
  EXPECT_EQ(stats.packetsMalformed + stats.packetsOtherStream +
                static_cast<int64_t>(stats.jitter.packetsReceived),
            fed);
  EXPECT_EQ(stats.samplesRendered, 5000 * 960);
}

TEST(AudioReceiveStreamTest, BadRenderArgumentsAreRefused) {
  AudioReceiveStream stream(AudioReceiveStreamConfig{});
  std::vector<int16_t> pcm(6000);
  EXPECT_LT(stream.renderAudio(nullptr, 480, 0), 0);
  EXPECT_LT(stream.renderAudio(pcm.data(), 0, 0), 0);
  EXPECT_LT(stream.renderAudio(pcm.data(), 5761, 0), 0);
  EXPECT_EQ(stream.renderAudio(pcm.data(), 5760, 0), 5760);
  EXPECT_EQ(stream.stats().renderErrors, 3);
  EXPECT_EQ(stream.stats().samplesRendered, 5760);
}

// Packets every 20 ms over a fixed 40 ms path, rendered every 10 ms.
class SteadyCall {
 public:
  explicit SteadyCall(AudioReceiveStream& stream) : stream_(stream) {}
  // Runs until nowUs reaches untilUs; calls after() after each render.
  template <typename After>
  void run(int64_t untilUs, After after) {
    for (; nowUs_ < untilUs; nowUs_ += 10'000) {
      while (sent_ * 20'000 + kPathUs <= nowUs_) {
        const auto& opus = speech()[static_cast<size_t>(sent_) % speech().size()];
        const auto packet = rtpPacket(static_cast<uint16_t>(65000 + sent_),
                                      static_cast<uint32_t>(kFirstTs + sent_ * 960), opus);
        stream_.receiveRtpPacket(packet.data(), packet.size(), sent_ * 20'000 + kPathUs);
        ++sent_;
      }
      ASSERT_EQ(stream_.renderAudio(pcm.data(), pcm.size(), nowUs_), 480);
      after(nowUs_);
    }
  }
  static constexpr int64_t kPathUs = 40'000;
  static constexpr uint32_t kFirstTs = 0xFFFF0000u;  // wraps during the call
  std::vector<int16_t> pcm = std::vector<int16_t>(480);

 private:
  AudioReceiveStream& stream_;
  int64_t nowUs_ = 0;
  int64_t sent_ = 0;
};

TEST(AudioReceiveStreamTest, SpeakerMuteKeepsTimingAndLevel) {
  AudioReceiveStream stream(AudioReceiveStreamConfig{});
  SteadyCall call(stream);
  call.run(2'000'000, [](int64_t) {});
  const AudioReceiveStats playing = stream.stats();
  EXPECT_GT(playing.jitter.playedMs, 1500);
  EXPECT_GT(playing.outputLevel, 40);
  EXPECT_FALSE(playing.speakerMuted);

  stream.setSpeakerMuted(true);
  bool allZero = true;
  call.run(3'000'000, [&](int64_t) {
    for (int16_t s : call.pcm) allZero = allZero && s == 0;
  });
  const AudioReceiveStats muted = stream.stats();
  EXPECT_TRUE(allZero);
  EXPECT_TRUE(muted.speakerMuted);
  EXPECT_NEAR(muted.jitter.playedMs - playing.jitter.playedMs, 1000, 10);  // still pulling
  EXPECT_EQ(muted.jitter.concealedMs, playing.jitter.concealedMs);
  EXPECT_GT(muted.outputLevel, 40);  // the far end is still talking

  stream.setSpeakerMuted(false);
  bool anySound = false;
  call.run(3'500'000, [&](int64_t) {
    for (int16_t s : call.pcm) anySound = anySound || s != 0;
  });
  EXPECT_TRUE(anySound);
  EXPECT_EQ(stream.stats().packetsMalformed, 0);
}

TEST(AudioReceiveStreamTest, PlayoutTimestampTracksWhatIsHeard) {
  AudioReceiveStream stream(AudioReceiveStreamConfig{});
  uint32_t timestamp = 0;
  int64_t playoutUs = 0;
  EXPECT_FALSE(stream.playoutTimestamp(&timestamp, &playoutUs));
  SteadyCall call(stream);
  int checked = 0;
  double totalErrorUs = 0;
  call.run(3'000'000, [&](int64_t nowUs) {
    if (!stream.playoutTimestamp(&timestamp, &playoutUs)) return;
    // The sample with this timestamp was sent at (ts - first) / 48 kHz and
    // crossed a 40 ms path; it is heard `current delay` after the fastest path.
    const int64_t sentUs =
        static_cast<int64_t>(static_cast<uint32_t>(timestamp - SteadyCall::kFirstTs)) * 1000 / 48;
    const int delayMs = stream.stats().jitter.currentDelayMs;
    EXPECT_EQ(playoutUs, nowUs + 479 * 1'000'000 / 48000);
    // Time stretching moves samples against timestamps by up to one pitch
    // period (10 ms) until the next frame; lip sync tolerates far more.
    const double errorUs =
        static_cast<double>(playoutUs - sentUs - SteadyCall::kPathUs) - delayMs * 1000.0;
    EXPECT_LE(std::abs(errorUs), 10'000.0);
    totalErrorUs += std::abs(errorUs);
    ++checked;
  });
  EXPECT_GT(checked, 250);
  EXPECT_LT(totalErrorUs / checked, 1'500.0);
}

}  // namespace
}  // namespace parley::pipeline

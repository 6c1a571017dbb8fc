#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "codec/opus_decoder.h"
#include "codec/opus_encoder.h"
#include "parley/parley.h"
#include "support/tone_power.h"

namespace parley::codec {
namespace {

constexpr int kRate = 48000;
constexpr int kFrame = 960;  // 20 ms
constexpr double kPi = 3.14159265358979323846;

TEST(OpusCodecTest, ToneSurvivesTheRoundTrip) {
  OpusEncoder encoder(kRate, 1, 32000);
  OpusDecoder decoder(kRate, 1);
  std::vector<int16_t> decoded;
  std::vector<int16_t> pcm(kFrame);
  std::vector<uint8_t> packet(1500);
  std::vector<int16_t> out(kFrame);
  for (int frame = 0; frame < 50; ++frame) {
    for (int i = 0; i < kFrame; ++i) {
      const double t = static_cast<double>(frame * kFrame + i) / kRate;
      pcm[i] = static_cast<int16_t>(10000 * std::sin(2 * kPi * 440 * t));
    }
    const int size = encoder.encode(pcm.data(), kFrame, packet.data(), static_cast<int>(packet.size()));
    ASSERT_GT(size, 0);
    ASSERT_EQ(decoder.decode(packet.data(), size, out.data(), kFrame), kFrame);
    decoded.insert(decoded.end(), out.begin(), out.end());
  }
  const std::vector<int16_t> settled(decoded.begin() + kRate / 5, decoded.end());
  const double at440 = test::tonePower(settled, 440);
  EXPECT_GT(at440, 100 * test::tonePower(settled, 660));
  EXPECT_GT(at440, 100 * test::tonePower(settled, 300));
}

TEST(OpusCodecTest, LostFrameIsConcealed) {
  OpusDecoder decoder(kRate, 1);
  std::vector<int16_t> out(kFrame);
  EXPECT_EQ(decoder.decode(nullptr, 0, out.data(), kFrame), kFrame);
}

TEST(OpusCodecTest, RejectsBadInput) {
  EXPECT_THROW(OpusEncoder(44000, 1, 32000), std::runtime_error);
  EXPECT_THROW(OpusDecoder(kRate, 3), std::runtime_error);
  OpusEncoder encoder(kRate, 1, 32000);
  std::vector<int16_t> pcm(kFrame);
  std::vector<uint8_t> packet(1500);
  EXPECT_EQ(encoder.encode(pcm.data(), 123, packet.data(), 1500), kErrorInvalidArgument);
  OpusDecoder decoder(kRate, 1);
  std::vector<int16_t> out(kFrame);
  const uint8_t bogus[] = {0xff, 0xff, 0xff};  // code 3 with an impossible frame count
  EXPECT_LT(decoder.decode(bogus, sizeof bogus, out.data(), kFrame), 0);
}

std::vector<int16_t> toneFrame(int frame, double amplitude = 10000) {
  std::vector<int16_t> pcm(kFrame);
  for (int i = 0; i < kFrame; ++i) {
    const double t = static_cast<double>(frame * kFrame + i) / kRate;
    // Voice-like (harmonics of a gliding 120-220 Hz pitch, syllable envelope)
    // so that the encoder runs its speech (SILK) layer, which carries the FEC.
    const double phase = 2 * kPi * (170 * t - 50 / (2 * kPi * 0.7) * std::cos(2 * kPi * 0.7 * t));
    double value = 0;
    for (int harmonic = 1; harmonic <= 8; ++harmonic) {
      value += std::sin(harmonic * phase) / harmonic;
    }
    const double envelope = 0.55 + 0.45 * std::sin(2 * kPi * 4 * t);
    pcm[i] = static_cast<int16_t>(amplitude * 0.35 * value * envelope);
  }
  return pcm;
}

// Encodes frames [first, first + count) and returns the packets.
std::vector<std::vector<uint8_t>> encodeFrames(OpusEncoder& encoder, int first, int count,
                                               double amplitude = 10000) {
  std::vector<std::vector<uint8_t>> packets;
  std::vector<uint8_t> packet(1500);
  for (int frame = first; frame < first + count; ++frame) {
    const std::vector<int16_t> pcm = toneFrame(frame, amplitude);
    const int capacity = static_cast<int>(packet.size());
    const int size = encoder.encode(pcm.data(), kFrame, packet.data(), capacity);
    EXPECT_GT(size, 0);
    packets.emplace_back(packet.begin(), packet.begin() + std::max(size, 0));
  }
  return packets;
}

int decodeInto(OpusDecoder& decoder, const std::vector<uint8_t>& packet,
               std::vector<int16_t>& out) {
  return decoder.decode(packet.data(), static_cast<int>(packet.size()), out.data(),
                        static_cast<int>(out.size()));
}

double meanSize(const std::vector<std::vector<uint8_t>>& packets, size_t skip = 0) {
  double sum = 0;
  for (size_t i = skip; i < packets.size(); ++i) sum += static_cast<double>(packets[i].size());
  return sum / static_cast<double>(packets.size() - skip);
}

TEST(OpusCodecTest, BitrateChangesMidCall) {
  OpusEncoder encoder(kRate, 1, 64000);
  EXPECT_EQ(encoder.bitrate(), 64000);
  const auto high = encodeFrames(encoder, 0, 50);
  ASSERT_EQ(encoder.setBitrate(12000), kOk);
  EXPECT_EQ(encoder.bitrate(), 12000);
  const auto low = encodeFrames(encoder, 50, 50);
  // 64 kbit/s is 160 bytes per 20 ms, 12 kbit/s 30 bytes (VBR: roughly).
  EXPECT_GT(meanSize(high, 5), 120);
  EXPECT_LT(meanSize(low, 5), 45);
  EXPECT_EQ(encoder.setBitrate(100), kErrorInvalidArgument);
  EXPECT_EQ(encoder.setBitrate(600000), kErrorInvalidArgument);
}

TEST(OpusCodecTest, ComplexityTakesEffect) {
  OpusEncoder best(kRate, 1, 24000);
  OpusEncoder cheapest(kRate, 1, 24000);
  ASSERT_EQ(best.setComplexity(10), kOk);
  ASSERT_EQ(cheapest.setComplexity(0), kOk);
  // Same input, different analysis: the bitstreams differ.
  EXPECT_NE(encodeFrames(best, 0, 20), encodeFrames(cheapest, 0, 20));
  EXPECT_EQ(best.setComplexity(11), kErrorInvalidArgument);
  EXPECT_EQ(best.setComplexity(-1), kErrorInvalidArgument);
}

TEST(OpusCodecTest, InbandFecIsCarriedAndRecoversALostFrame) {
  OpusEncoder encoder(kRate, 1, 32000);
  const auto plain = encodeFrames(encoder, 0, 25);
  ASSERT_EQ(encoder.setInbandFec(true), kOk);
  ASSERT_EQ(encoder.setPacketLossPercent(20), kOk);
  const auto protectedPackets = encodeFrames(encoder, 25, 25);
  int withFec = 0;
  for (const auto& packet : plain) {
    EXPECT_FALSE(OpusDecoder::packetHasFec(packet.data(), static_cast<int>(packet.size())));
  }
  for (const auto& packet : protectedPackets) {
    withFec += OpusDecoder::packetHasFec(packet.data(), static_cast<int>(packet.size())) ? 1 : 0;
  }
  EXPECT_GE(withFec, 10);
  EXPECT_GT(meanSize(protectedPackets, 5), meanSize(plain, 5) * 0.5);  // still a sane size
  EXPECT_EQ(encoder.setPacketLossPercent(101), kErrorInvalidArgument);

  // Lose one protected frame (one whose next packet carries FEC: not every
  // frame's does); recover it from the next packet.
  int next = 5;
  while (next < 25 && !OpusDecoder::packetHasFec(protectedPackets[next].data(),
                                                 static_cast<int>(protectedPackets[next].size()))) {
    ++next;
  }
  ASSERT_LT(next, 25);
  const int lost = 25 + next - 1;  // frame number of the lost packet
  OpusDecoder decoder(kRate, 1);
  std::vector<int16_t> out(kFrame);
  for (int i = 0; i < lost; ++i) {
    const auto& packet = i < 25 ? plain[i] : protectedPackets[i - 25];
    ASSERT_EQ(decodeInto(decoder, packet, out), kFrame);
  }
  const auto& carrier = protectedPackets[next];
  const int carrierSize = static_cast<int>(carrier.size());
  ASSERT_EQ(decoder.decodeFec(carrier.data(), carrierSize, out.data(), kFrame), kFrame);
  EXPECT_EQ(decoder.lastPacketDuration(), kFrame);
  // The recovered frame resembles the lost one (a coarse copy): similar energy.
  const std::vector<int16_t> original = toneFrame(lost);
  double recoveredEnergy = 0;
  double originalEnergy = 0;
  for (int i = 0; i < kFrame; ++i) {
    recoveredEnergy += static_cast<double>(out[i]) * out[i];
    originalEnergy += static_cast<double>(original[i]) * original[i];
  }
  EXPECT_GT(recoveredEnergy, 0.25 * originalEnergy);
  EXPECT_LT(recoveredEnergy, 4 * originalEnergy);
  ASSERT_EQ(decodeInto(decoder, carrier, out), kFrame);
  EXPECT_EQ(decoder.decodeFec(nullptr, 0, out.data(), kFrame), kErrorInvalidArgument);
}

TEST(OpusCodecTest, DtxSendsAlmostNothingInSilence) {
  OpusEncoder encoder(kRate, 1, 32000);
  const auto silenceWithoutDtx = encodeFrames(encoder, 0, 50, 0);
  EXPECT_FALSE(encoder.inDtx());
  ASSERT_EQ(encoder.setDtx(true), kOk);
  const auto silenceWithDtx = encodeFrames(encoder, 50, 50, 0);
  int tiny = 0;
  for (const auto& packet : silenceWithDtx) tiny += packet.size() <= 2 ? 1 : 0;
  EXPECT_GT(tiny, 35);  // after 200 ms, all but a refresh every 400 ms
  EXPECT_TRUE(encoder.inDtx());
  for (size_t i = 10; i < silenceWithoutDtx.size(); ++i) EXPECT_GT(silenceWithoutDtx[i].size(), 2u);
  // Speech again: full packets at once.
  const auto speech = encodeFrames(encoder, 100, 5);
  EXPECT_GT(speech.back().size(), 20u);
  EXPECT_FALSE(encoder.inDtx());
}

TEST(OpusCodecTest, ConcealmentAndPacketInspection) {
  OpusEncoder encoder(kRate, 1, 32000);
  OpusDecoder decoder(kRate, 1);
  const auto packets = encodeFrames(encoder, 0, 5);
  const int firstSize = static_cast<int>(packets[0].size());
  EXPECT_EQ(OpusDecoder::packetSamples(packets[0].data(), firstSize, kRate), kFrame);
  const uint8_t bogus[] = {0xff};  // code 3 without its frame count byte
  EXPECT_LT(OpusDecoder::packetSamples(bogus, 1, kRate), 0);
  EXPECT_FALSE(OpusDecoder::packetHasFec(bogus, 1));
  std::vector<int16_t> out(kFrame);
  ASSERT_EQ(decodeInto(decoder, packets[0], out), kFrame);
  EXPECT_EQ(decoder.conceal(out.data(), 480), 480);
  EXPECT_EQ(decoder.lastPacketDuration(), 480);
  EXPECT_EQ(decoder.conceal(out.data(), 100), kErrorInvalidArgument);  // not a multiple of 2.5 ms
}

}  // namespace
}  // namespace parley::codec

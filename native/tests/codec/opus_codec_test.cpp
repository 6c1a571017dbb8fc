#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "codec/opus_decoder.h"
#include "codec/opus_encoder.h"
#include "parley/parley.h"

namespace parley::codec {
namespace {

constexpr int kRate = 48000;
constexpr int kFrame = 960;  // 20 ms
constexpr double kPi = 3.14159265358979323846;

// Power of `samples` at `frequency` (Goertzel algorithm).
double powerAt(const std::vector<int16_t>& samples, double frequency) {
  const double coefficient = 2.0 * std::cos(2.0 * kPi * frequency / kRate);
  double s1 = 0;
  double s2 = 0;
  for (int16_t sample : samples) {
    const double s0 = sample + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

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
  const double at440 = powerAt(settled, 440);
  EXPECT_GT(at440, 100 * powerAt(settled, 660));
  EXPECT_GT(at440, 100 * powerAt(settled, 300));
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

}  // namespace
}  // namespace parley::codec

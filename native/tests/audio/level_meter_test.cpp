// The level meter against signals of known level.
#include "audio/level_meter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace parley::audio {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<int16_t> sine(double amplitude, double frequency, int samples) {
  std::vector<int16_t> pcm(static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i) {
    pcm[static_cast<size_t>(i)] =
        static_cast<int16_t>(std::lround(amplitude * std::sin(2 * kPi * frequency * i / 48000.0)));
  }
  return pcm;
}

struct LevelCase {
  std::string name;
  std::vector<int16_t> pcm;
  double dbfs;
  int rfc6464;
  int level;
};

TEST(LevelMeterTest, Table) {
  // A sine's RMS is amplitude/sqrt(2): -20 dBFS RMS is amplitude 0.1*sqrt(2)*32768.
  const double minus20 = 0.1 * std::sqrt(2.0) * 32768.0;
  const std::vector<LevelCase> cases = {
      {"digital silence", std::vector<int16_t>(960, 0), LevelMeter::kFloorDbfs, 127, 0},
      {"full-scale sine", sine(32767, 1000, 960), -3.01, 3, 95},
      {"-20 dBFS sine", sine(minus20, 440, 960), -20.0, 20, 67},
      {"-40 dBFS sine", sine(minus20 / 10, 440, 960), -40.0, 40, 33},
      {"full-scale square", std::vector<int16_t>(960, -32768), 0.0, 0, 100},
      {"one LSB of noise", std::vector<int16_t>(960, 1), -90.31, 90, 0},
  };
  for (const LevelCase& c : cases) {
    SCOPED_TRACE(c.name);
    LevelMeter meter;
    meter.update(c.pcm.data(), c.pcm.size());
    EXPECT_NEAR(meter.lastDbfs(), c.dbfs, 0.05);
    EXPECT_EQ(meter.rfc6464Level(), c.rfc6464);
    EXPECT_EQ(meter.level(), c.level);
  }
}

TEST(LevelMeterTest, PeakHoldDecaysWithFrameTime) {
  LevelMeter meter(48000, 20.0);  // 20 dB per second
  const std::vector<int16_t> loud =
      sine(0.1 * std::sqrt(2.0) * 32768.0, 1000, 480);  // -20 dBFS, 10 periods
  const std::vector<int16_t> quiet(480, 0);
  meter.update(loud.data(), loud.size());
  EXPECT_EQ(meter.level(), 67);
  // 0.5 s of silence in 10 ms frames: the held level falls by 10 dB.
  for (int i = 0; i < 50; ++i) meter.update(quiet.data(), quiet.size());
  EXPECT_NEAR(meter.heldDbfs(), -30.0, 0.1);
  EXPECT_EQ(meter.level(), 50);
  EXPECT_EQ(meter.rfc6464Level(), 127);  // the last frame itself is silent
  // A louder frame takes over at once.
  meter.update(loud.data(), loud.size());
  EXPECT_NEAR(meter.heldDbfs(), -20.0, 0.05);
  // Long silence reaches the bottom; null and empty frames change nothing.
  for (int i = 0; i < 1000; ++i) meter.update(quiet.data(), quiet.size());
  EXPECT_EQ(meter.level(), 0);
  meter.update(nullptr, 480);
  meter.update(loud.data(), 0);
  EXPECT_EQ(meter.level(), 0);
  meter.update(loud.data(), loud.size());
  meter.reset();
  EXPECT_EQ(meter.level(), 0);
  EXPECT_EQ(meter.lastDbfs(), LevelMeter::kFloorDbfs);
}

}  // namespace
}  // namespace parley::audio

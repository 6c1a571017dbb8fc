// parley::MicrophoneLevelMeter (API 5) on the software stand-ins: a tone
// reads high, a silent file reads zero, a device that cannot be opened
// throws with a plain reason. Waits are bounded polls.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "audio/device/wav_file_writer.h"
#include "parley/parley.h"

namespace parley {
namespace {

bool pollUntil(const std::function<bool()>& done, std::chrono::seconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

std::string silentWav() {
  const std::string path = ::testing::TempDir() + "parley_level_meter_silence.wav";
  auto writer = audio::WavFileWriter::open(path, 48000, nullptr);
  EXPECT_NE(writer, nullptr);
  const std::vector<int16_t> zeros(48000, 0);
  EXPECT_TRUE(writer->write(zeros.data(), zeros.size()));
  EXPECT_TRUE(writer->close());
  return path;
}

TEST(MicrophoneLevelMeterTest, ToneReadsHigh) {
  MicrophoneLevelMeter meter("tone:440");
  // A 440 Hz tone at 0.25 of full scale: RMS -15 dBFS, level 75.
  int seen = 0;
  EXPECT_TRUE(pollUntil([&] { return (seen = meter.level()) >= 60; }, std::chrono::seconds(20)))
      << "level " << seen;
  EXPECT_LE(meter.level(), 100);
  meter.close();
  EXPECT_EQ(meter.level(), 0);
  meter.close();  // twice is fine
}

TEST(MicrophoneLevelMeterTest, SilenceReadsZero) {
  const std::string path = silentWav();
  MicrophoneLevelMeter meter("wav:" + path);
  // Give it time to measure a few frames, then it must still read 0.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(meter.level(), 0);
  meter.close();
  std::remove(path.c_str());
}

TEST(MicrophoneLevelMeterTest, DevicesThatCannotOpenThrowWithAReason) {
  struct Case {
    const char* name;
    const char* microphone;
  };
  const Case cases[] = {
      {"missing file", "wav:/nonexistent/parley-level.wav"},
      {"malformed tone", "tone:loud"},
      {"unknown device", "no-such-device-parley-test"},
  };
  for (const Case& c : cases) {
    try {
      MicrophoneLevelMeter meter(c.microphone);
      ADD_FAILURE() << c.name << ": opened";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("microphone"), std::string::npos) << c.name;
    }
  }
}

}  // namespace
}  // namespace parley

// Device loss through the real PortAudio path, without a sound card: an ALSA
// "file" device writing to /dev/full fails on its first write, PortAudio
// ends the stream, and the failover wrapper reopens the default (the same
// broken device here) until it gives up. Its own binary, because the ALSA
// configuration is process-wide.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "audio/device/audio_devices.h"
#include "audio/device/fake_audio_device.h"
#include "audio/device/port_audio.h"

namespace parley::audio::test {
namespace {

constexpr const char* kSystemAlsaConf = "/usr/share/alsa/alsa.conf";

bool declareFailingDevice() {
#ifdef __linux__
  if (!std::ifstream(kSystemAlsaConf).good() || !std::ofstream("/dev/full").good()) {
    return false;
  }
  const std::string path = testing::TempDir() + "/parley_lost_device_asound.conf";
  std::ofstream(path) << "<" << kSystemAlsaConf << ">\n"
                      << "pcm.parleyfull {\n  type file\n  slave.pcm \"null\"\n"
                      << "  file \"/dev/full\"\n  format \"raw\"\n}\n";
  return setenv("ALSA_CONFIG_PATH", path.c_str(), 1) == 0;
#else
  return false;
#endif
}

TEST(PortAudioLostDeviceTest, AFailingOutputIsReportedLostAndFailoverGivesUp) {
  if (!declareFailingDevice()) {
    GTEST_SKIP() << "needs ALSA (" << kSystemAlsaConf << ") and /dev/full";
  }
  // A clock that does not move: every loss counts as "soon after opening",
  // and the callback watchdog stays quiet (the loss must come from PortAudio).
  AtomicFakeClock clock;
  std::string error;
  auto output = openAudioOutput(AudioOutputSpec::device("ALSA/parleyfull#0"), &error, clock);
  ASSERT_NE(output, nullptr) << error;
  RecordingDeviceListener listener;
  output->setListener(&listener);
  CountingRenderSource source;
  ASSERT_TRUE(output->start(source, &error)) << error;

  // lost + switched for the first device and each of the defaults until the
  // wrapper gives up: 3 failovers, then lost + error.
  const size_t expected = 2 * FollowingAudioOutput::kMaxQuickFailovers + 2;
  ASSERT_TRUE(listener.waitForEvents(expected));
  output->stop();
  const std::vector<std::string> events = listener.events();
  ASSERT_EQ(events.size(), expected);
  for (size_t i = 0; i + 2 < expected; i += 2) {
    EXPECT_EQ(events[i], "lost parleyfull: the stream ended by itself");
    EXPECT_EQ(events[i + 1], "switched parleyfull -> parleyfull");
  }
  EXPECT_EQ(events[expected - 2], "lost parleyfull: the stream ended by itself");
  EXPECT_EQ(events.back().rfind("error audio device \"parleyfull\" failed 3 times", 0), 0u)
      << events.back();
  EXPECT_GT(source.count(), 0u);  // it did pull before each failure
  output.reset();
  EXPECT_EQ(PortAudio::referenceCount(), 0);
}

}  // namespace
}  // namespace parley::audio::test

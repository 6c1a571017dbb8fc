// The real PortAudio path (open by id and by default, callbacks, stop) on a
// machine without a sound card: ALSA's "null" plugin, declared in a private
// ALSA configuration, is a device PortAudio lists and streams through. Its
// own binary, because the configuration is process-wide. The null plugin does
// not pace itself, so frames come as fast as the callback runs; nothing here
// depends on timing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "audio/device/audio_devices.h"
#include "audio/device/fake_audio_device.h"
#include "audio/device/port_audio.h"
#include "audio/device/port_audio_devices.h"

namespace parley::audio::test {
namespace {

constexpr const char* kSystemAlsaConf = "/usr/share/alsa/alsa.conf";

// Points ALSA at the system configuration plus one null device; false when
// this is not a Linux machine with ALSA's configuration installed.
bool declareNullDevice() {
#ifdef __linux__
  if (!std::ifstream(kSystemAlsaConf).good()) {
    return false;
  }
  const std::string path = testing::TempDir() + "/parley_null_device_asound.conf";
  std::ofstream(path) << "<" << kSystemAlsaConf << ">\npcm.parleynull {\n  type null\n}\n";
  return setenv("ALSA_CONFIG_PATH", path.c_str(), 1) == 0;
#else
  return false;
#endif
}

const AudioDeviceInfo* findByName(const std::vector<AudioDeviceInfo>& devices,
                                  const std::string& name) {
  for (const AudioDeviceInfo& device : devices) {
    if (device.name == name) return &device;
  }
  return nullptr;
}

TEST(PortAudioNullDeviceTest, OpensByIdAndByDefaultAndStreamsWholeFrames) {
  if (!declareNullDevice()) {
    GTEST_SKIP() << "needs ALSA (" << kSystemAlsaConf << ")";
  }
  const std::vector<AudioDeviceInfo> inputs = listAudioDevices(AudioDirection::kInput);
  const AudioDeviceInfo* null = findByName(inputs, "parleynull");
  ASSERT_NE(null, nullptr) << "PortAudio does not list the ALSA null device";
  EXPECT_EQ(null->id, "ALSA/parleynull#0");
  EXPECT_EQ(null->hostApi, "ALSA");

  std::string error;
  auto input = PortAudioInput::open(null->id, 20, &error);
  ASSERT_NE(input, nullptr) << error;
  EXPECT_EQ(input->name(), "parleynull");
  RecordingDeviceListener listener;
  input->setListener(&listener);
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error)) << error;
  EXPECT_FALSE(input->start(sink, &error));
  ASSERT_TRUE(sink.waitForFrames(10));
  input->stop();
  const size_t capturedAtStop = sink.count();
  for (const auto& frame : sink.frames()) {
    ASSERT_EQ(frame.size(), 960u);  // 20 ms at 48 kHz, whatever the device's buffers
  }

  // The output side through the "default" pseudo-device, with failover on.
  AudioOutputSpec spec = AudioOutputSpec::device("default");
  spec.frameMs = 10;
  auto output = openAudioOutput(spec, &error);
  ASSERT_NE(output, nullptr) << error;
  output->setListener(&listener);
  CountingRenderSource source;
  ASSERT_TRUE(output->start(source, &error)) << error;
  ASSERT_TRUE(source.waitForPulls(10));
  output->stop();
  const size_t pulledAtStop = source.count();
  EXPECT_EQ(source.times().size(), std::min(pulledAtStop, CountingRenderSource::kKeep));

  EXPECT_EQ(sink.count(), capturedAtStop);  // nothing after stop()
  EXPECT_TRUE(listener.events().empty());   // a healthy device is never "lost"
  input.reset();
  output.reset();
  EXPECT_EQ(source.count(), pulledAtStop);
  EXPECT_EQ(PortAudio::referenceCount(), 0);
}

}  // namespace
}  // namespace parley::audio::test

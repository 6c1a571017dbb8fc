// PortAudio on this machine (which may have no sound device at all), and the
// callback watchdog that notices a vanished device.
#include "audio/device/port_audio.h"

#include <gtest/gtest.h>

#include <set>

#include "audio/device/audio_callback_watchdog.h"
#include "audio/device/audio_devices.h"
#include "audio/device/port_audio_devices.h"
#include "support/fake_clock.h"

namespace parley::audio {
namespace {

const AudioDirection kDirections[] = {AudioDirection::kInput, AudioDirection::kOutput};

const char* word(AudioDirection direction) {
  return direction == AudioDirection::kInput ? "input" : "output";
}

TEST(AudioDeviceListTest, ListsTheDefaultPseudoDeviceFirstAndUniqueIds) {
  for (AudioDirection direction : kDirections) {
    SCOPED_TRACE(word(direction));
    std::string error;
    const std::vector<AudioDeviceInfo> devices = listAudioDevices(direction, &error);
    ASSERT_FALSE(devices.empty());
    EXPECT_EQ(devices[0].id, "default");
    EXPECT_TRUE(devices[0].isDefault);
    EXPECT_EQ(devices[0].name.rfind("System default", 0), 0u);
    std::set<std::string> ids;
    int defaults = 0;
    for (size_t i = 1; i < devices.size(); ++i) {
      const AudioDeviceInfo& device = devices[i];
      EXPECT_TRUE(ids.insert(device.id).second) << "duplicate id " << device.id;
      EXPECT_NE(device.id.find(device.name), std::string::npos);
      EXPECT_NE(device.id.find(device.hostApi + "/"), std::string::npos);
      EXPECT_GT(device.maxChannels, 0);
      defaults += device.isDefault ? 1 : 0;
    }
    EXPECT_LE(defaults, 1);
    // Listing does not keep PortAudio initialised (so the next list is fresh).
    EXPECT_EQ(PortAudio::referenceCount(), 0);
    // Ids are stable from one listing to the next.
    const std::vector<AudioDeviceInfo> again = listAudioDevices(direction);
    ASSERT_EQ(again.size(), devices.size());
    for (size_t i = 0; i < devices.size(); ++i) EXPECT_EQ(again[i].id, devices[i].id);
  }
}

TEST(AudioDeviceListTest, DefaultDeviceOpensOrFailsClearly) {
  for (AudioDirection direction : kDirections) {
    SCOPED_TRACE(word(direction));
    const bool hasDevices = listAudioDevices(direction).size() > 1;
    std::string error;
    std::unique_ptr<AudioDevice> device;
    if (direction == AudioDirection::kInput) {
      device = openAudioInput(AudioInputSpec::device("default"), &error);
    } else {
      device = openAudioOutput(AudioOutputSpec::device("default"), &error);
    }
    if (!hasDevices) {
      // This machine (the CI container) has no sound card.
      EXPECT_EQ(device, nullptr);
      EXPECT_EQ(error, std::string("no default audio ") + word(direction) +
                           " device (this machine has no sound " + word(direction) + ")");
    } else if (!device) {
      EXPECT_FALSE(error.empty());  // a busy or odd device: at least say why
    }
    device.reset();
    EXPECT_EQ(PortAudio::referenceCount(), 0);
  }
}

TEST(AudioDeviceListTest, UnknownIdsAndBadFrameLengthsAreRefused) {
  std::string error;
  EXPECT_EQ(PortAudioInput::open("ALSA/No Such Microphone#0", 20, &error), nullptr);
  EXPECT_EQ(error, "no audio input device with id \"ALSA/No Such Microphone#0\"");
  EXPECT_EQ(openAudioOutput(AudioOutputSpec::device("ALSA/No Such Speaker#3"), &error), nullptr);
  EXPECT_EQ(error, "no audio output device with id \"ALSA/No Such Speaker#3\"");
  AudioInputSpec spec = AudioInputSpec::device("default");
  spec.frameMs = 30;
  EXPECT_EQ(openAudioInput(spec, &error), nullptr);
  EXPECT_EQ(error, "audio frame length must be 10 or 20 ms, not 30");
  EXPECT_EQ(PortAudio::referenceCount(), 0);
}

TEST(PortAudioTest, ReferencesNestAndErrorTextsAreReadable) {
  {
    PortAudio::Reference outer;
    ASSERT_TRUE(outer.ok()) << outer.error();
    {
      PortAudio::Reference inner;
      EXPECT_TRUE(inner.ok());
      EXPECT_EQ(PortAudio::referenceCount(), 2);
    }
    EXPECT_EQ(PortAudio::referenceCount(), 1);
  }
  EXPECT_EQ(PortAudio::referenceCount(), 0);
  EXPECT_EQ(PortAudio::errorText(-9996), "Invalid device (-9996)");
}

struct WatchdogStep {
  const char* what;
  int64_t advanceUs;
  bool callback;  // a callback runs after the advance
  bool expired;   // then expired() says
};

TEST(AudioCallbackWatchdogTest, ExpiresWhenCallbacksStop) {
  const struct {
    const char* name;
    std::vector<WatchdogStep> steps;
  } cases[] = {
      {"steady callbacks",
       {{"armed", 0, false, false},
        {"10 ms", 10'000, true, false},
        {"20 ms later", 20'000, true, false},
        {"500 ms gap", 500'000, false, false},
        {"500.001 ms gap", 1, false, true},
        {"callbacks resume", 0, true, false}}},
      {"slow first callback within grace",
       {{"armed", 0, false, false},
        {"900 ms", 900'000, false, false},
        {"first callback", 100'000, true, false}}},
      {"no callback ever",
       {{"armed", 0, false, false},
        {"1 s", 1'000'000, false, false},
        {"1 s + 1 us", 1, false, true}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    parley::test::FakeClock clock;
    AudioCallbackWatchdog watchdog;
    EXPECT_FALSE(watchdog.expired(clock.nowUs() + 10'000'000));  // not armed: never
    watchdog.arm(clock.nowUs());
    for (const WatchdogStep& step : c.steps) {
      SCOPED_TRACE(step.what);
      clock.advanceUs(step.advanceUs);
      if (step.callback) watchdog.noteCallback(clock.nowUs());
      EXPECT_EQ(watchdog.expired(clock.nowUs()), step.expired);
    }
  }
}

}  // namespace
}  // namespace parley::audio

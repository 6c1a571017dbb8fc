// A microphone opened only to measure its level (a settings page's meter,
// outside any call).
#ifndef PARLEY_AUDIO_DEVICE_MICROPHONE_LEVEL_PROBE_H
#define PARLEY_AUDIO_DEVICE_MICROPHONE_LEVEL_PROBE_H

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "audio/device/audio_device.h"
#include "audio/device/audio_devices.h"
#include "audio/level_meter.h"
#include "common/clock.h"

namespace parley::audio {

// Opens and starts the input a spec names and runs every captured frame
// through a LevelMeter (peak-held 0..100 level). Threads: frames arrive on
// the device's thread; level() from any thread; close() from the owner
// (not from a device callback). A lost device reads 0 from then on.
class MicrophoneLevelProbe final : private AudioCaptureSink, private AudioDevice::Listener {
 public:
  // Null with a one-line *error when the input cannot be opened or started.
  // `clock` paces software stand-ins and must outlive the probe.
  static std::unique_ptr<MicrophoneLevelProbe> open(const AudioInputSpec& spec, std::string* error,
                                                    const Clock& clock = SystemClock::instance());
  ~MicrophoneLevelProbe() override;  // closes
  MicrophoneLevelProbe(const MicrophoneLevelProbe&) = delete;
  MicrophoneLevelProbe& operator=(const MicrophoneLevelProbe&) = delete;

  int level() const;
  // The device's name as it reports it.
  std::string name() const { return name_; }
  // Stops the device (no frame is measured after it returns); safe twice.
  void close();

 private:
  MicrophoneLevelProbe() = default;
  void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) override;
  void onAudioDeviceLost(const std::string& deviceName, const std::string& reason) override;

  std::unique_ptr<AudioInput> input_;
  std::string name_;
  mutable std::mutex mutex_;
  LevelMeter meter_;  // under mutex_
  std::atomic<bool> silent_{false};  // closed or lost
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_MICROPHONE_LEVEL_PROBE_H

// One PortAudio stream (input or output, 48 kHz mono int16, callback mode)
// plus the monitor that notices when its device goes away. PortAudioInput and
// PortAudioOutput are thin faces of it.
#ifndef PARLEY_AUDIO_DEVICE_PORT_AUDIO_STREAM_H
#define PARLEY_AUDIO_DEVICE_PORT_AUDIO_STREAM_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio/device/audio_callback_watchdog.h"
#include "audio/device/audio_device.h"
#include "audio/device/audio_device_list.h"
#include "audio/device/port_audio.h"
#include "common/clock.h"

namespace parley::audio {

// open() resolves the device id ("default" or an id from listAudioDevices),
// checks that the device takes 48 kHz mono 16-bit and opens the stream with
// frameMs-long buffers; every failure is a clear *error (no device, unknown
// id, rate refused, PortAudio text).
//
// The stream callback copies between the device buffer and one preallocated
// frame and calls the sink/source once per whole frame; it never locks or
// allocates. A monitor thread wakes every pollMs and declares the device lost
// when PortAudio says the stream finished or is no longer active while we did
// not stop it, or the watchdog saw no callback for watchdogTimeoutUs (time from
// the injected clock). It then calls Listener::onAudioDeviceLost once, on the
// monitor thread, and stops monitoring; the stream stays open until stop().
class PortAudioStream {
 public:
  struct Config {
    AudioDirection direction = AudioDirection::kInput;
    std::string deviceId = defaultAudioDeviceId();
    int frameMs = 20;
    int64_t watchdogTimeoutUs = AudioCallbackWatchdog::kDefaultTimeoutUs;
    int pollMs = 100;
  };

  // Null with *error when the device cannot be opened. `clock` must outlive it.
  static std::unique_ptr<PortAudioStream> open(const Config& config, const Clock& clock,
                                               std::string* error);
  ~PortAudioStream();
  PortAudioStream(const PortAudioStream&) = delete;
  PortAudioStream& operator=(const PortAudioStream&) = delete;

  // Exactly one of sink (input) / source (output) must be given, matching the
  // direction. listener may be null. Once only.
  bool start(AudioCaptureSink* sink, AudioRenderSource* source, AudioDevice::Listener* listener,
             std::string* error);
  // See AudioDevice::stop().
  void stop();

  const std::string& deviceName() const { return deviceName_; }
  int frameMs() const { return config_.frameMs; }

 private:
  PortAudioStream(const Config& config, const Clock& clock);
  friend struct PortAudioStreamCallbacks;  // the C trampolines (port_audio_stream.cpp)
  int onStreamCallback(const int16_t* input, int16_t* output, size_t frames);
  void monitor();
  bool deviceLost(std::string* reason);

  const Config config_;
  const Clock& clock_;
  PortAudio::Reference library_;
  void* stream_ = nullptr;  // PaStream*
  std::string deviceName_;
  int64_t latencyUs_ = 0;

  AudioCaptureSink* sink_ = nullptr;
  AudioRenderSource* source_ = nullptr;
  AudioDevice::Listener* listener_ = nullptr;
  std::vector<int16_t> frame_;  // preallocated; touched only by the callback
  size_t framePos_ = 0;
  AudioCallbackWatchdog watchdog_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> finishedUnasked_{false};

  std::mutex monitorMutex_;
  std::condition_variable monitorWake_;
  bool monitorStop_ = false;  // guarded by monitorMutex_
  std::thread monitor_;
  bool started_ = false;
  bool running_ = false;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_PORT_AUDIO_STREAM_H

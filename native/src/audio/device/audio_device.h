// The interfaces the media pipeline uses for audio devices: hardware
// (PortAudio), software stand-ins (tone, WAV file, null) and the failover
// wrapper all look the same from here.
#ifndef PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_H
#define PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace parley::audio {

// Every device runs at one format: 48 kHz, mono, signed 16-bit, in frames of
// 10 or 20 ms (480 or 960 samples).
constexpr int kDeviceSampleRate = 48000;
constexpr int kDeviceChannels = 1;

// True for the frame lengths a device accepts (10 and 20 ms).
inline bool isValidDeviceFrameMs(int frameMs) { return frameMs == 10 || frameMs == 20; }
// Samples in one frame of `frameMs` at 48 kHz mono.
inline size_t deviceFrameSamples(int frameMs) {
  return static_cast<size_t>(kDeviceSampleRate / 1000 * frameMs);
}

// Receives captured audio: one whole frame per call, on the device's own
// thread (a real-time audio thread for hardware). Must return quickly and
// must not block: copy the samples and hand them on. `captureUs` is the
// Clock time at which the first sample was captured (best estimate).
class AudioCaptureSink {
 public:
  virtual ~AudioCaptureSink() = default;
  virtual void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) = 0;
};

// Supplies audio to play: one whole frame per call, on the device's own
// thread. Must always fill all `samples` (silence when it has nothing) and
// must not block. `playoutUs` is the Clock time at which the first sample
// will be heard (best estimate).
class AudioRenderSource {
 public:
  virtual ~AudioRenderSource() = default;
  virtual void renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) = 0;
};

// What inputs and outputs have in common: a name, a frame length, events.
class AudioDevice {
 public:
  // Events about the device. They arrive on a thread of the device (never the
  // real-time audio callback itself), must return promptly, and must not
  // destroy or stop the device that raised them (stop() from any other
  // thread is fine). Do-nothing defaults.
  class Listener {
   public:
    virtual ~Listener() = default;
    // The device went away (unplugged, driver gone, callbacks stopped for
    // longer than the watchdog allows); `reason` says how it was noticed.
    // Raised once; no more audio follows from/to this device.
    virtual void onAudioDeviceLost(const std::string& /*deviceName*/,
                                   const std::string& /*reason*/) {}
    // A failover wrapper moved the stream to another device.
    virtual void onAudioDeviceSwitched(const std::string& /*fromName*/,
                                       const std::string& /*toName*/) {}
    // Something failed that the caller may want to show (e.g. the failover
    // could not open any device).
    virtual void onAudioDeviceError(const std::string& /*reason*/) {}
  };

  virtual ~AudioDevice() = default;
  // Human-readable name of the device currently in use.
  virtual std::string name() const = 0;
  // Frame length in ms (10 or 20).
  virtual int frameMs() const = 0;
  // Stops the stream; no sink/source call is running or starts after it
  // returns. Safe to call more than once and before start().
  virtual void stop() = 0;

  // Set before start(); the listener must outlive the device (or stop()).
  void setListener(Listener* listener) { listener_ = listener; }

 protected:
  Listener* listener() const { return listener_; }

 private:
  Listener* listener_ = nullptr;
};

// A microphone or anything that acts like one. start() begins delivering
// frames to `sink` (which must outlive stop()); false with *error on failure.
// A device is started at most once; make a new one to restart.
class AudioInput : public AudioDevice {
 public:
  virtual bool start(AudioCaptureSink& sink, std::string* error) = 0;
};

// A speaker or anything that acts like one: pulls frames from `source`
// (which must outlive stop()) at the device's pace.
class AudioOutput : public AudioDevice {
 public:
  virtual bool start(AudioRenderSource& source, std::string* error) = 0;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_H

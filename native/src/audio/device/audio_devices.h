// The compact entry point for the rest of Parley (and the Java binding):
// list devices, and open an input or output from a spec that names a sound
// device, the system default, or a software stand-in.
#ifndef PARLEY_AUDIO_DEVICE_AUDIO_DEVICES_H
#define PARLEY_AUDIO_DEVICE_AUDIO_DEVICES_H

#include <memory>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/audio_device_list.h"
#include "audio/device/following_audio_device.h"
#include "common/clock.h"

namespace parley::audio {

// Which microphone to open.
struct AudioInputSpec {
  enum class Kind {
    kDevice,   // a sound device: deviceId from listAudioDevices, or "default"
    kTone,     // ToneAudioInput: toneHz at toneLevel
    kVoice,    // ToneAudioInput's speech-like VoiceGenerator: pitch toneHz at toneLevel
    kWavFile,  // WavFileAudioInput: wavPath (48 kHz 16-bit PCM), looping when loop
  };
  Kind kind = Kind::kDevice;
  std::string deviceId = defaultAudioDeviceId();
  // kDevice: when the device goes away mid-call, continue on the default
  // device (FollowingAudioInput); false gives the bare PortAudioInput.
  bool followDefault = true;
  double toneHz = 440;
  double toneLevel = 0.25;
  std::string wavPath;
  bool loop = true;
  int frameMs = 20;  // 10 or 20

  static AudioInputSpec device(const std::string& id);
  static AudioInputSpec tone(double hz, double level = 0.25);
  // Speech-like (see VoiceGenerator): what a talking microphone sends, so
  // Opus's voice activity detection and in-band FEC behave as in a call.
  static AudioInputSpec voice(double pitchHz = 170, double level = 0.25);
  static AudioInputSpec wav(const std::string& path, bool loop = true);
};

// Which speaker to open.
struct AudioOutputSpec {
  enum class Kind {
    kDevice,   // a sound device: deviceId, or "default"
    kNull,     // NullAudioOutput: pulls and discards
    kWavFile,  // WavFileAudioOutput: records into wavPath
  };
  Kind kind = Kind::kDevice;
  std::string deviceId = defaultAudioDeviceId();
  bool followDefault = true;  // as in AudioInputSpec
  std::string wavPath;
  int frameMs = 20;

  static AudioOutputSpec device(const std::string& id);
  static AudioOutputSpec null();
  static AudioOutputSpec wav(const std::string& path);
};

// Opens what the spec says, not yet started. Null with a one-line *error
// (no such device, no sound device at all, rate refused, bad file, bad frame
// length). `clock` (which must outlive the device) paces software devices
// and times the device watchdog.
std::unique_ptr<AudioInput> openAudioInput(const AudioInputSpec& spec, std::string* error,
                                           const Clock& clock = SystemClock::instance());
std::unique_ptr<AudioOutput> openAudioOutput(const AudioOutputSpec& spec, std::string* error,
                                             const Clock& clock = SystemClock::instance());

// Factories that open PortAudio devices (what the failover wrappers use in
// production). `clock` must outlive them and every device they open.
std::shared_ptr<AudioInputFactory> makePortAudioInputFactory(
    const Clock& clock = SystemClock::instance());
std::shared_ptr<AudioOutputFactory> makePortAudioOutputFactory(
    const Clock& clock = SystemClock::instance());

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_AUDIO_DEVICES_H

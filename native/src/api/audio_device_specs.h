// The facade's audio device names ("default", an id from AudioDeviceList, or
// the stand-ins "tone:<hz>", "voice:<hz>", "wav:<path>", "null") turned into
// the specs audio::openAudioInput/openAudioOutput take. Shared by CallMedia
// and MicrophoneLevelMeter so both read a device name the same way.
#ifndef PARLEY_API_AUDIO_DEVICE_SPECS_H
#define PARLEY_API_AUDIO_DEVICE_SPECS_H

#include <string>

#include "audio/device/audio_devices.h"

namespace parley::api {

// A microphone name; throws std::invalid_argument for a malformed stand-in
// ("tone:abc"). An empty name is the system default.
audio::AudioInputSpec microphoneSpec(const std::string& text);
// A speaker name ("null", "wav:<path>", a device id; empty: the default).
audio::AudioOutputSpec speakerSpec(const std::string& text);

}  // namespace parley::api

#endif  // PARLEY_API_AUDIO_DEVICE_SPECS_H

#include "api/audio_device_specs.h"

#include <stdexcept>

namespace parley::api {

audio::AudioInputSpec microphoneSpec(const std::string& text) {
  if (text.rfind("tone:", 0) == 0) {
    try {
      return audio::AudioInputSpec::tone(std::stod(text.substr(5)));
    } catch (const std::exception&) {
      throw std::invalid_argument("microphone '" + text + "': tone:<frequency in Hz> expected");
    }
  }
  if (text.rfind("voice:", 0) == 0) {
    try {
      return audio::AudioInputSpec::voice(std::stod(text.substr(6)));
    } catch (const std::exception&) {
      throw std::invalid_argument("microphone '" + text + "': voice:<pitch in Hz> expected");
    }
  }
  if (text.rfind("wav:", 0) == 0) return audio::AudioInputSpec::wav(text.substr(4));
  return audio::AudioInputSpec::device(text.empty() ? audio::defaultAudioDeviceId() : text);
}

audio::AudioOutputSpec speakerSpec(const std::string& text) {
  if (text == "null") return audio::AudioOutputSpec::null();
  if (text.rfind("wav:", 0) == 0) return audio::AudioOutputSpec::wav(text.substr(4));
  return audio::AudioOutputSpec::device(text.empty() ? audio::defaultAudioDeviceId() : text);
}

}  // namespace parley::api

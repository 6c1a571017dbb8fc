// Enumerates the sound devices PortAudio sees, with ids that stay the same
// from one listing to the next.
#ifndef PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_LIST_H
#define PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_LIST_H

#include <string>
#include <vector>

namespace parley::audio {

enum class AudioDirection { kInput, kOutput };

// The id that means "whatever the system default device is at open time".
inline const std::string& defaultAudioDeviceId() {
  static const std::string id = "default";
  return id;
}

// One input or output device. `id` is what openers take: host API name,
// device name and the position of the device among devices of the same host
// API and name ("ALSA/USB Headset#0"), so it does not change when other
// devices come or go (PortAudio's own index does).
struct AudioDeviceInfo {
  std::string id;
  std::string name;
  std::string hostApi;
  int maxChannels = 0;  // in the listed direction
  double defaultSampleRate = 0;
  bool isDefault = false;  // the system default for the listed direction
};

// The devices of one direction, the system default marked isDefault. The
// first entry is always the "default" pseudo-device (id defaultAudioDeviceId(),
// name "System default" or "System default (<device>)" when one exists), so the
// list is never empty; on a machine without sound devices it is the only
// entry and opening it fails with a clear error. Never throws; when PortAudio
// cannot start, *error (if given) says why and only the pseudo-device is listed.
std::vector<AudioDeviceInfo> listAudioDevices(AudioDirection direction,
                                              std::string* error = nullptr);

// PortAudio device index for `id` in `direction` ("default" resolves to the
// current system default). -1 with *error when there is no such device, or no
// default device. The caller must hold a PortAudio::Reference and the API lock.
int findPortAudioDevice(const std::string& id, AudioDirection direction, std::string* error);

// The id listAudioDevices gives the device at PortAudio `index` (same
// preconditions as findPortAudioDevice); empty for an invalid index.
std::string portAudioDeviceId(int index);

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_AUDIO_DEVICE_LIST_H

#include "audio/device/audio_device_list.h"

#include <portaudio.h>

#include <mutex>

#include "audio/device/port_audio.h"

namespace parley::audio {
namespace {

int channelsIn(const PaDeviceInfo& info, AudioDirection direction) {
  return direction == AudioDirection::kInput ? info.maxInputChannels : info.maxOutputChannels;
}

std::string hostApiName(const PaDeviceInfo& info) {
  const PaHostApiInfo* api = Pa_GetHostApiInfo(info.hostApi);
  return api && api->name ? api->name : "unknown";
}

int defaultDevice(AudioDirection direction) {
  return direction == AudioDirection::kInput ? Pa_GetDefaultInputDevice()
                                             : Pa_GetDefaultOutputDevice();
}

const char* directionWord(AudioDirection direction) {
  return direction == AudioDirection::kInput ? "input" : "output";
}

}  // namespace

std::string portAudioDeviceId(int index) {
  const int count = Pa_GetDeviceCount();
  if (index < 0 || index >= count) {
    return {};
  }
  const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
  if (!info) {
    return {};
  }
  const std::string api = hostApiName(*info);
  const std::string name = info->name ? info->name : "";
  int ordinal = 0;
  for (int i = 0; i < index; ++i) {
    const PaDeviceInfo* other = Pa_GetDeviceInfo(i);
    if (other && other->hostApi == info->hostApi && name == (other->name ? other->name : "")) {
      ++ordinal;
    }
  }
  return api + "/" + name + "#" + std::to_string(ordinal);
}

int findPortAudioDevice(const std::string& id, AudioDirection direction, std::string* error) {
  if (id == defaultAudioDeviceId()) {
    const int index = defaultDevice(direction);
    if (index < 0 || index >= Pa_GetDeviceCount()) {
      if (error) {
        *error = std::string("no default audio ") + directionWord(direction) +
                 " device (this machine has no sound " + directionWord(direction) + ")";
      }
      return -1;
    }
    return index;
  }
  const int count = Pa_GetDeviceCount();
  for (int i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info && channelsIn(*info, direction) > 0 && portAudioDeviceId(i) == id) {
      return i;
    }
  }
  if (error) {
    *error = std::string("no audio ") + directionWord(direction) + " device with id \"" + id + "\"";
  }
  return -1;
}

std::vector<AudioDeviceInfo> listAudioDevices(AudioDirection direction, std::string* error) {
  std::vector<AudioDeviceInfo> devices;
  AudioDeviceInfo pseudo;
  pseudo.id = defaultAudioDeviceId();
  pseudo.name = "System default";
  pseudo.isDefault = true;
  devices.push_back(pseudo);

  PortAudio::Reference library;
  if (!library.ok()) {
    if (error) {
      *error = library.error();
    }
    return devices;
  }
  std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
  const int count = Pa_GetDeviceCount();
  const int defaultIndex = defaultDevice(direction);
  for (int i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (!info || channelsIn(*info, direction) <= 0) {
      continue;
    }
    AudioDeviceInfo device;
    device.id = portAudioDeviceId(i);
    device.name = info->name ? info->name : "";
    device.hostApi = hostApiName(*info);
    device.maxChannels = channelsIn(*info, direction);
    device.defaultSampleRate = info->defaultSampleRate;
    device.isDefault = i == defaultIndex;
    if (device.isDefault) {
      devices.front().name = "System default (" + device.name + ")";
      devices.front().hostApi = device.hostApi;
      devices.front().maxChannels = device.maxChannels;
      devices.front().defaultSampleRate = device.defaultSampleRate;
    }
    devices.push_back(device);
  }
  if (count < 0 && error) {
    *error = "PortAudio could not list devices: " + PortAudio::errorText(count);
  }
  return devices;
}

}  // namespace parley::audio

#include "audio/device/port_audio.h"

#include <portaudio.h>

namespace parley::audio {
namespace {

int gReferences = 0;  // guarded by apiMutex()

}  // namespace

std::recursive_mutex& PortAudio::apiMutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

std::string PortAudio::errorText(int paError) {
  const char* text = Pa_GetErrorText(static_cast<PaError>(paError));
  return std::string(text ? text : "unknown PortAudio error") + " (" + std::to_string(paError) +
         ")";
}

int PortAudio::referenceCount() {
  std::lock_guard<std::recursive_mutex> lock(apiMutex());
  return gReferences;
}

PortAudio::Reference::Reference() {
  std::lock_guard<std::recursive_mutex> lock(apiMutex());
  if (gReferences > 0) {
    ++gReferences;
    ok_ = true;
    return;
  }
  const PaError result = Pa_Initialize();
  if (result != paNoError) {
    error_ = "PortAudio initialisation failed: " + errorText(result);
    return;
  }
  gReferences = 1;
  ok_ = true;
}

PortAudio::Reference::~Reference() {
  if (!ok_) {
    return;
  }
  std::lock_guard<std::recursive_mutex> lock(apiMutex());
  if (--gReferences == 0) {
    Pa_Terminate();
  }
}

}  // namespace parley::audio

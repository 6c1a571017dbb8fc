#include "audio/device/audio_callback_watchdog.h"

namespace parley::audio {

AudioCallbackWatchdog::AudioCallbackWatchdog(int64_t timeoutUs, int64_t startGraceUs)
    : timeoutUs_(timeoutUs), startGraceUs_(startGraceUs) {}

void AudioCallbackWatchdog::arm(int64_t nowUs) {
  armedUs_.store(nowUs, std::memory_order_relaxed);
  sawCallback_.store(false, std::memory_order_relaxed);
  armed_.store(true, std::memory_order_release);
}

void AudioCallbackWatchdog::noteCallback(int64_t nowUs) {
  lastCallbackUs_.store(nowUs, std::memory_order_relaxed);
  sawCallback_.store(true, std::memory_order_release);
  callbacks_.fetch_add(1, std::memory_order_relaxed);
}

bool AudioCallbackWatchdog::expired(int64_t nowUs) const {
  if (!armed_.load(std::memory_order_acquire)) {
    return false;
  }
  if (!sawCallback_.load(std::memory_order_acquire)) {
    return nowUs - armedUs_.load(std::memory_order_relaxed) > startGraceUs_;
  }
  return nowUs - lastCallbackUs_.load(std::memory_order_relaxed) > timeoutUs_;
}

}  // namespace parley::audio

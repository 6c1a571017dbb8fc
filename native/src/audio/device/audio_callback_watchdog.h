// Notices that a device's audio callbacks have stopped coming: the sign of a
// device that went away without the library saying so (ALSA often just stops
// calling back when a USB headset is pulled).
#ifndef PARLEY_AUDIO_DEVICE_AUDIO_CALLBACK_WATCHDOG_H
#define PARLEY_AUDIO_DEVICE_AUDIO_CALLBACK_WATCHDOG_H

#include <atomic>
#include <cstdint>

namespace parley::audio {

// Pure time logic: the audio callback notes each call with noteCallback(now)
// (lock-free, allocation-free, safe on a real-time thread); a monitor asks
// expired(now) from time to time. Expired means no callback for longer than
// `timeoutUs` since the last one, or since arm() plus `startGraceUs` when none
// has come yet (opening a device can take a while before the first callback).
class AudioCallbackWatchdog {
 public:
  static constexpr int64_t kDefaultTimeoutUs = 500'000;
  static constexpr int64_t kDefaultStartGraceUs = 1'000'000;

  explicit AudioCallbackWatchdog(int64_t timeoutUs = kDefaultTimeoutUs,
                                 int64_t startGraceUs = kDefaultStartGraceUs);

  // The stream was (re)started at `nowUs`; any thread.
  void arm(int64_t nowUs);
  // A callback ran at `nowUs`; the audio thread.
  void noteCallback(int64_t nowUs);
  // True when callbacks stalled; false before arm(). Any thread.
  bool expired(int64_t nowUs) const;
  // Callbacks noted since construction (any thread).
  int64_t callbacks() const { return callbacks_.load(std::memory_order_relaxed); }

 private:
  const int64_t timeoutUs_;
  const int64_t startGraceUs_;
  std::atomic<bool> armed_{false};
  std::atomic<bool> sawCallback_{false};
  std::atomic<int64_t> armedUs_{0};
  std::atomic<int64_t> lastCallbackUs_{0};
  std::atomic<int64_t> callbacks_{0};
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_AUDIO_CALLBACK_WATCHDOG_H

// Real-time pacing for software audio devices (tone, WAV file, null): one
// callback per frame, on a thread, at the pace of the clock.
#ifndef PARLEY_AUDIO_DEVICE_PACED_AUDIO_THREAD_H
#define PARLEY_AUDIO_DEVICE_PACED_AUDIO_THREAD_H

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "common/clock.h"

namespace parley::audio {

// The schedule, as plain time logic: frame n is due at start + n * frame.
// takeDue(now) says how many frames to run now; when more than kMaxBurst
// frames are late (the thread was starved, the machine slept), the extra
// ones are skipped (counted) and the schedule carries on from now instead of
// bursting to catch up.
class AudioFramePacer {
 public:
  static constexpr int kMaxBurst = 5;

  explicit AudioFramePacer(int64_t frameUs) : frameUs_(frameUs) {}
  void start(int64_t nowUs);
  // Frames due at nowUs and not yet taken (at most kMaxBurst).
  int takeDue(int64_t nowUs);
  // When the next frame not yet taken is due.
  int64_t nextDueUs() const { return startUs_ + nextFrame_ * frameUs_; }
  // Due time of the frame that takeDue's i-th result (0-based) stands for,
  // valid right after takeDue.
  int64_t dueUsOfTaken(int i, int taken) const { return nextDueUs() - (taken - i) * frameUs_; }
  int64_t framesTaken() const { return taken_; }
  int64_t framesSkipped() const { return skipped_; }

 private:
  const int64_t frameUs_;
  int64_t startUs_ = 0;
  int64_t nextFrame_ = 0;
  int64_t taken_ = 0;
  int64_t skipped_ = 0;
};

// Calls `tick(dueUs)` once per frame on its own thread, paced by `clock`
// (read at least every kMaxWaitMs, so a fake clock moved by a test is seen
// promptly). stop() asks the thread to end and joins it: bounded by the tick
// in progress, which must return promptly. After stop() returns no tick runs.
// A tick may call stop() (the thread then ends after it). Not restartable.
class PacedAudioThread {
 public:
  static constexpr int kMaxWaitMs = 5;

  PacedAudioThread(const Clock& clock, int frameMs, std::function<void(int64_t dueUs)> tick);
  ~PacedAudioThread();
  PacedAudioThread(const PacedAudioThread&) = delete;
  PacedAudioThread& operator=(const PacedAudioThread&) = delete;

  // False when already started or stopped.
  bool start();
  void stop();
  int64_t framesSkipped() const;

 private:
  void run();

  const Clock& clock_;
  std::function<void(int64_t)> tick_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  AudioFramePacer pacer_;  // guarded by mutex_
  bool stopRequested_ = false;
  bool started_ = false;
  std::thread thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_PACED_AUDIO_THREAD_H

#include "audio/device/paced_audio_thread.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace parley::audio {

void AudioFramePacer::start(int64_t nowUs) {
  startUs_ = nowUs;
  nextFrame_ = 0;
}

int AudioFramePacer::takeDue(int64_t nowUs) {
  if (nowUs < nextDueUs()) {
    return 0;
  }
  int64_t due = (nowUs - startUs_) / frameUs_ + 1 - nextFrame_;
  if (due > kMaxBurst) {
    skipped_ += due - kMaxBurst;
    nextFrame_ += due - kMaxBurst;
    due = kMaxBurst;
  }
  nextFrame_ += due;
  taken_ += due;
  return static_cast<int>(due);
}

PacedAudioThread::PacedAudioThread(const Clock& clock, int frameMs,
                                   std::function<void(int64_t)> tick)
    : clock_(clock), tick_(std::move(tick)), pacer_(static_cast<int64_t>(frameMs) * 1000) {}

PacedAudioThread::~PacedAudioThread() {
  stop();
  if (thread_.joinable()) {
    thread_.detach();  // destroyed from its own tick: it ends right after
  }
}

bool PacedAudioThread::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_ || stopRequested_) {
    return false;
  }
  started_ = true;
  pacer_.start(clock_.nowUs());
  thread_ = std::thread([this] { run(); });
  return true;
}

void PacedAudioThread::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopRequested_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && std::this_thread::get_id() != thread_.get_id()) {
    thread_.join();
  }
}

int64_t PacedAudioThread::framesSkipped() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pacer_.framesSkipped();
}

void PacedAudioThread::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopRequested_) {
    const int64_t nowUs = clock_.nowUs();
    const int due = pacer_.takeDue(nowUs);
    if (due == 0) {
      const int64_t waitUs = std::clamp<int64_t>(pacer_.nextDueUs() - nowUs, 0, kMaxWaitMs * 1000);
      wake_.wait_for(lock, std::chrono::microseconds(waitUs), [this] { return stopRequested_; });
      continue;
    }
    for (int i = 0; i < due && !stopRequested_; ++i) {
      const int64_t dueUs = pacer_.dueUsOfTaken(i, due);
      lock.unlock();
      tick_(dueUs);
      lock.lock();
    }
  }
}

}  // namespace parley::audio

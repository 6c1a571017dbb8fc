#include "capture/capture_thread.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <utility>
#include <vector>

namespace parley::capture {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr double kFallbackFps = 30;

SteadyClock::duration framePeriod(double fps) {
  if (!(fps > 0 && fps <= 1000)) {
    fps = kFallbackFps;
  }
  return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(1.0 / fps));
}

}  // namespace

// What the capture thread and the CaptureThread object share. The thread holds
// its own reference, so a detached thread keeps the source alive until its
// blocked read returns.
struct CaptureThread::Shared {
  std::unique_ptr<VideoSource> source;
  Listener* listener = nullptr;

  std::mutex mutex;  // guards stopRequested and finished
  std::condition_variable changed;
  bool stopRequested = false;
  bool finished = false;

  // Held by the thread while it checks stopRequested and calls the listener;
  // stop() takes it once after asking the thread to end, so no callback is
  // running or can start once stop() has returned.
  std::mutex callbackMutex;
  std::atomic<int64_t> frames{0};

  bool stopping() {
    std::lock_guard<std::mutex> lock(mutex);
    return stopRequested;
  }
};

CaptureThread::CaptureThread(std::unique_ptr<VideoSource> source, Listener& listener,
                             std::chrono::milliseconds stopTimeout)
    : shared_(std::make_shared<Shared>()), stopTimeout_(stopTimeout), live_(false) {
  if (source) {
    format_ = source->format();
    description_ = source->description();
    live_ = source->live();
  }
  shared_->source = std::move(source);
  shared_->listener = &listener;
}

CaptureThread::~CaptureThread() {
  stop();
  if (thread_.joinable()) {
    // Only when destroyed from one of its own callbacks: the thread ends by
    // itself right after that callback returns.
    thread_.detach();
  }
}

bool CaptureThread::start() {
  if (started_ || !shared_->source || shared_->stopping()) {
    return false;
  }
  started_ = true;
  thread_ = std::thread([shared = shared_] { run(shared); });
  return true;
}

bool CaptureThread::stop() {
  {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    shared_->stopRequested = true;
  }
  shared_->changed.notify_all();
  if (!thread_.joinable() || std::this_thread::get_id() == thread_.get_id()) {
    return true;  // never started, already stopped, or called from a callback
  }
  bool finished;
  {
    std::unique_lock<std::mutex> lock(shared_->mutex);
    finished = shared_->changed.wait_for(lock, stopTimeout_, [this] { return shared_->finished; });
  }
  if (finished) {
    thread_.join();
    return true;
  }
  // Stuck in read(): let it finish on its own (it owns the source with us).
  thread_.detach();
  std::lock_guard<std::mutex> waitOutCallback(shared_->callbackMutex);
  return false;
}

int64_t CaptureThread::framesCaptured() const { return shared_->frames.load(); }

namespace {

// Frames the capture thread recycles. Every frame goes out as a shared_ptr;
// once the listener and everything downstream have let go of it (use_count
// back to 1: only the pool holds it, so nobody can take a new reference),
// its pixel buffer is reused, which spares an allocation, a zero-fill and the
// page faults of a fresh megabyte-sized buffer on every frame. Bounded: when
// all are still in use (a slow consumer), a transient frame is made instead.
class FramePool {
 public:
  std::shared_ptr<video::VideoFrame> take() {
    for (std::shared_ptr<video::VideoFrame>& frame : frames_) {
      if (frame.use_count() == 1) {
        return frame;
      }
    }
    auto frame = std::make_shared<video::VideoFrame>();
    if (frames_.size() < kCapacity) {
      frames_.push_back(frame);
    }
    return frame;
  }

 private:
  static constexpr size_t kCapacity = 6;
  std::vector<std::shared_ptr<video::VideoFrame>> frames_;
};

}  // namespace

void CaptureThread::run(const std::shared_ptr<Shared>& shared) {
  VideoSource& source = *shared->source;
  FramePool pool;
  const bool live = source.live();
  const SteadyClock::duration period = framePeriod(source.format().fps);
  SteadyClock::time_point scheduleStart = SteadyClock::now();
  int64_t frameIndex = 0;
  SteadyClock::time_point due = scheduleStart;

  while (true) {
    if (live) {
      if (shared->stopping()) {
        break;
      }
    } else {
      std::unique_lock<std::mutex> lock(shared->mutex);
      if (shared->changed.wait_until(lock, due, [&] { return shared->stopRequested; })) {
        break;
      }
    }

    std::shared_ptr<video::VideoFrame> frame = pool.take();
    ReadStatus status = ReadStatus::kFailed;
    std::string reason;
    try {
      status = source.read(*frame);
      if (status == ReadStatus::kFailed) {
        reason = source.error();
      }
    } catch (const std::exception& e) {
      reason = e.what();
    }
    if (status == ReadStatus::kFailed && reason.empty()) {
      reason = source.description() + " failed";
    }

    {
      std::lock_guard<std::mutex> callbackLock(shared->callbackMutex);
      if (shared->stopping()) {
        break;
      }
      if (status == ReadStatus::kFailed) {
        shared->listener->onCaptureError(reason);
        break;
      }
      shared->frames.fetch_add(1);
      shared->listener->onCaptureFrame(std::move(frame));
    }

    if (!live) {
      ++frameIndex;
      due = scheduleStart + frameIndex * period;
      const SteadyClock::time_point now = SteadyClock::now();
      if (now - due > period) {
        scheduleStart = now;  // fell behind: restart the schedule, no burst
        frameIndex = 0;
        due = now;
      }
    }
  }

  {
    std::lock_guard<std::mutex> lock(shared->mutex);
    shared->finished = true;
  }
  shared->changed.notify_all();
}

}  // namespace parley::capture

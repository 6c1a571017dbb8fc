#include "call/echo_video_loop.h"

#include <utility>

namespace parley::call {

EchoVideoLoop::EchoVideoLoop(const Clock& clock, Listener& listener)
    : clock_(clock), listener_(listener) {}

EchoVideoLoop::~EchoVideoLoop() { stop(); }

bool EchoVideoLoop::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_ || stopped_) return false;
  running_ = true;
  thread_ = std::thread([this] { run(); });
  return true;
}

void EchoVideoLoop::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = false;
    stopped_ = true;
    pending_.reset();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void EchoVideoLoop::setTarget(render::VideoRenderer* target) {
  std::lock_guard<std::mutex> lock(targetMutex_);
  target_ = target;
}

void EchoVideoLoop::render(const video::VideoFrame& frame) {
  {
    std::lock_guard<std::mutex> lock(targetMutex_);
    if (target_ != nullptr) target_->render(frame);
  }
  if (frame.width <= 0 || frame.height <= 0 ||
      frame.data.size() < video::VideoFrame::sizeFor(frame.width, frame.height)) {
    return;  // nothing a sender could encode
  }
  // The decoder reuses its picture: keep a copy for the loop's thread.
  auto copy = std::make_shared<video::VideoFrame>(frame);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) return;
    if (pending_) ++stats_.framesNotDrawn;
    stats_.videoWidth = frame.width;
    stats_.videoHeight = frame.height;
    pending_ = std::move(copy);
  }
  wake_.notify_one();
}

void EchoVideoLoop::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (running_) {
    wake_.wait(lock, [this] { return !running_ || pending_ != nullptr; });
    if (!running_) break;
    std::shared_ptr<video::VideoFrame> frame = std::move(pending_);
    pending_.reset();
    ++stats_.framesRendered;
    lock.unlock();
    // Sent as a picture of ours: captured now, numbered by us.
    frame->captureTimeUs = clock_.nowUs();
    frame->sourceSequence = nextSequence_++;
    listener_.onEchoVideoFrame(std::move(frame));
    lock.lock();
  }
}

void EchoVideoLoop::setMode(render::RenderMode mode) {
  std::lock_guard<std::mutex> lock(mutex_);
  mode_ = mode;
}

render::RenderMode EchoVideoLoop::mode() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mode_;
}

render::RenderStats EchoVideoLoop::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

}  // namespace parley::call

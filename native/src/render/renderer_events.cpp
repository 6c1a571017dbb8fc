#include "render/renderer_events.h"

namespace parley::render {

RendererEvents::RendererEvents(VideoRenderer::Listener* listener) : listener_(listener) {}

void RendererEvents::frameArrived(int width, int height) {
  if (resetRequested_.exchange(false)) {
    firstFrameRaised_ = false;
    sizeKnown_ = false;
  }
  bool sizeChanged = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sizeChanged = !sizeKnown_ || width != stats_.videoWidth || height != stats_.videoHeight;
    stats_.videoWidth = width;
    stats_.videoHeight = height;
  }
  sizeKnown_ = true;
  if (sizeChanged && listener_ != nullptr) {
    listener_->onRendererVideoSizeChanged(width, height);
  }
}

void RendererEvents::frameDrawn(int64_t durationUs) {
  int width = 0;
  int height = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.framesRendered;
    stats_.lastRenderDurationUs = durationUs;
    width = stats_.videoWidth;
    height = stats_.videoHeight;
  }
  failing_ = false;
  if (!firstFrameRaised_) {
    firstFrameRaised_ = true;
    if (listener_ != nullptr) {
      listener_->onRendererFirstFrame(width, height);
    }
  }
}

void RendererEvents::frameNotDrawn() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.framesNotDrawn;
}

void RendererEvents::frameFailed(const std::string& message) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.framesFailed;
  }
  if (failing_ && message == lastError_) {
    return;
  }
  failing_ = true;
  lastError_ = message;
  if (listener_ != nullptr) {
    listener_->onRendererError(message);
  }
}

RenderStats RendererEvents::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

}  // namespace parley::render

#include "pipeline/video_preview_pipeline.h"

#include <stdexcept>

#include "pipeline/video_source_factory.h"
#include "render/window_renderer_factory.h"

namespace parley::pipeline {

VideoPreviewPipeline::VideoPreviewPipeline(int64_t id, api::EventQueue& events, const Clock& clock)
    : id_(id), events_(events), clock_(clock) {}

VideoPreviewPipeline::~VideoPreviewPipeline() { stop(); }

std::unique_ptr<capture::CaptureThread> VideoPreviewPipeline::openCapture(
    const VideoSourceConfig& source) {
  std::string error;
  std::unique_ptr<capture::VideoSource> opened = openVideoSource(source, clock_, error);
  if (!opened) {
    throw std::runtime_error(error.empty() ? "the video source could not be opened" : error);
  }
  const capture::VideoFormat format = opened->format();
  capture::CaptureThread::Listener& listener = *this;
  auto thread = std::make_unique<capture::CaptureThread>(std::move(opened), listener);
  post(kEventCaptureStarted, format.width, format.height, static_cast<int>(format.fps + 0.5),
       thread->description());
  return thread;
}

void VideoPreviewPipeline::start(const VideoSourceConfig& source, uint64_t windowHandle,
                                 render::RenderMode mode) {
  std::lock_guard<std::mutex> lock(control_);
  if (capture_) {
    throw std::runtime_error("the preview is already running: stop it or switch its source");
  }
  std::unique_ptr<render::VideoRenderer> renderer;
  render::PixelBufferRenderer* pixelBuffer = nullptr;
  if (windowHandle != 0) {
    std::string whyNot;
    renderer = render::createWindowRenderer(windowHandle, rendererListener(), &whyNot);
    if (!renderer) {
      throw std::runtime_error("cannot draw into window " + std::to_string(windowHandle) + ": " +
                               whyNot);
    }
  } else {
    auto buffer = std::make_unique<render::PixelBufferRenderer>(rendererListener(), clock_);
    buffer->setTargetSize(pendingWidth_, pendingHeight_);
    pixelBuffer = buffer.get();
    renderer = std::move(buffer);
  }
  renderer->setMode(mode);
  std::unique_ptr<capture::CaptureThread> capture = openCapture(source);
  renderer_ = std::move(renderer);
  pixelBuffer_ = pixelBuffer;
  capture_ = std::move(capture);
  capture_->start();
}

void VideoPreviewPipeline::switchSource(const VideoSourceConfig& source) {
  std::lock_guard<std::mutex> lock(control_);
  if (!renderer_) {
    throw std::runtime_error("the preview is not running: start it first");
  }
  // Open the new source before stopping the old one: a source that cannot be
  // opened leaves the running preview untouched.
  std::unique_ptr<capture::CaptureThread> next = openCapture(source);
  if (capture_) {
    capture_->stop();
  }
  capture_ = std::move(next);
  capture_->start();
}

void VideoPreviewPipeline::setRenderMode(render::RenderMode mode) {
  std::lock_guard<std::mutex> lock(control_);
  if (renderer_) {
    renderer_->setMode(mode);
  }
}

void VideoPreviewPipeline::setPixelBufferSize(int width, int height) {
  std::lock_guard<std::mutex> lock(control_);
  pendingWidth_ = width;
  pendingHeight_ = height;
  if (pixelBuffer_ != nullptr) {
    pixelBuffer_->setTargetSize(width, height);
  }
}

int VideoPreviewPipeline::copyPixels(uint8_t* bgra, int capacity) {
  std::lock_guard<std::mutex> lock(control_);
  if (pixelBuffer_ == nullptr) {
    return kErrorInvalidArgument;  // a window preview has no pixel buffer
  }
  const render::PixelBufferRenderer::PictureInfo info = pixelBuffer_->pictureInfo();
  if (info.version == 0 || info.version == lastCopiedVersion_) {
    return 0;
  }
  render::PixelBufferRenderer::PictureInfo copied;
  const int bytes = pixelBuffer_->copyPixels(bgra, capacity, &copied);
  if (bytes <= 0) {
    return capacity < copied.byteSize() ? kErrorBufferTooSmall : 0;
  }
  lastCopiedVersion_ = copied.version;
  return bytes;
}

int64_t VideoPreviewPipeline::framesRendered() const {
  // renderer_ only changes under control_; stats() may be read from any thread.
  std::lock_guard<std::mutex> lock(control_);
  return renderer_ ? renderer_->stats().framesRendered : 0;
}

void VideoPreviewPipeline::stop() {
  std::lock_guard<std::mutex> lock(control_);
  if (capture_) {
    capture_->stop();  // the listener (and so the renderer) is never called again
    capture_.reset();
  }
  pixelBuffer_ = nullptr;
  renderer_.reset();
}

void VideoPreviewPipeline::post(int type, int width, int height, int value,
                                const std::string& message) {
  events_.post(type, id_, width, height, value, message);
}

void VideoPreviewPipeline::onCaptureFrame(video::VideoFramePtr frame) {
  framesCaptured_.fetch_add(1);
  // Safe without control_: the renderer is replaced only after the capture
  // thread has been stopped, and stop() guarantees no callback runs after it.
  renderer_->render(*frame);
}

void VideoPreviewPipeline::onCaptureError(const std::string& reason) {
  post(kEventCaptureError, 0, 0, 0, reason);
}

void VideoPreviewPipeline::onRendererFirstFrame(int width, int height) {
  post(kEventFirstFrameRendered, width, height, 0, {});
}

void VideoPreviewPipeline::onRendererVideoSizeChanged(int width, int height) {
  post(kEventVideoSizeChanged, width, height, 0, {});
}

void VideoPreviewPipeline::onRendererError(const std::string& message) {
  post(kEventRenderError, 0, 0, 0, message);
}

}  // namespace parley::pipeline

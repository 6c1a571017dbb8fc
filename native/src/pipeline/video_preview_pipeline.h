// Local preview: capture thread -> renderer (window or pixel buffer), with
// its events posted to the SDK's event queue. Backs parley::VideoPreview.
#ifndef PARLEY_PIPELINE_VIDEO_PREVIEW_PIPELINE_H
#define PARLEY_PIPELINE_VIDEO_PREVIEW_PIPELINE_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "api/event_queue.h"
#include "capture/capture_thread.h"
#include "common/clock.h"
#include "parley/parley.h"
#include "render/pixel_buffer_renderer.h"
#include "render/video_renderer.h"

namespace parley::pipeline {

// Frames are drawn on the capture thread as they arrive (a preview has no
// reason to wait). Control methods are serialized by an internal mutex and
// may come from any thread; they return only when the change is complete
// (stop(): the window is not touched any more).
class VideoPreviewPipeline final : private capture::CaptureThread::Listener,
                                   private render::VideoRenderer::Listener {
 public:
  VideoPreviewPipeline(int64_t id, api::EventQueue& events, const Clock& clock);
  ~VideoPreviewPipeline() override;

  int64_t id() const { return id_; }

  // Throws std::runtime_error with the reason when the source or the window
  // cannot be used; nothing runs then.
  void start(const VideoSourceConfig& source, uint64_t windowHandle, render::RenderMode mode);
  void switchSource(const VideoSourceConfig& source);
  void setRenderMode(render::RenderMode mode);
  void setPixelBufferSize(int width, int height);
  int copyPixels(uint8_t* bgra, int capacity);
  int64_t framesCaptured() const { return framesCaptured_.load(); }
  int64_t framesRendered() const;
  void stop();

 private:
  std::unique_ptr<capture::CaptureThread> openCapture(const VideoSourceConfig& source);
  render::VideoRenderer::Listener* rendererListener() { return this; }
  void post(int type, int width, int height, int value, const std::string& message);

  // CaptureThread::Listener (capture thread)
  void onCaptureFrame(video::VideoFramePtr frame) override;
  void onCaptureError(const std::string& reason) override;
  // VideoRenderer::Listener (capture thread, inside render())
  void onRendererFirstFrame(int width, int height) override;
  void onRendererVideoSizeChanged(int width, int height) override;
  void onRendererError(const std::string& message) override;

  const int64_t id_;
  api::EventQueue& events_;
  const Clock& clock_;
  mutable std::mutex control_;  // start/switch/stop and everything they replace
  std::unique_ptr<render::VideoRenderer> renderer_;
  render::PixelBufferRenderer* pixelBuffer_ = nullptr;  // renderer_ when it is one
  std::unique_ptr<capture::CaptureThread> capture_;
  std::atomic<int64_t> framesCaptured_{0};
  int64_t lastCopiedVersion_ = 0;
  int pendingWidth_ = 0;
  int pendingHeight_ = 0;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_VIDEO_PREVIEW_PIPELINE_H

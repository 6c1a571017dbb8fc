// The event and counter bookkeeping every renderer shares.
#ifndef PARLEY_RENDER_RENDERER_EVENTS_H
#define PARLEY_RENDER_RENDERER_EVENTS_H

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "render/video_renderer.h"

namespace parley::render {

// Decides when a renderer raises first-frame, video-size-changed and error
// events, and keeps its RenderStats. Renderers report what happened to each
// frame; this class turns that into events (rules in VideoRenderer::Listener).
//
// Threading: the frame*() methods are called by the render thread, which is
// also where listener methods run (never while a lock is held, so a listener
// may call stats()). requestReset() and stats() may be called from any thread.
class RendererEvents {
 public:
  explicit RendererEvents(VideoRenderer::Listener* listener);  // listener may be null

  // A valid picture of this size is about to be drawn: applies a pending
  // reset, raises onRendererVideoSizeChanged when the size is new.
  void frameArrived(int width, int height);
  // The picture announced by frameArrived() is in the target: raises
  // onRendererFirstFrame the first time (per reset), counts it, records how
  // long render() took.
  void frameDrawn(int64_t durationUs);
  // The picture had nowhere to go (zero-size target); not an error.
  void frameNotDrawn();
  // The frame was invalid or drawing failed: raises onRendererError unless the
  // same failure was already reported and nothing was drawn since.
  void frameFailed(const std::string& message);

  // The next frameArrived() starts over: size and first frame are reported
  // again. Counters are kept.
  void requestReset() { resetRequested_.store(true); }

  RenderStats stats() const;

 private:
  VideoRenderer::Listener* const listener_;
  std::atomic<bool> resetRequested_{false};
  // Render-thread state.
  bool firstFrameRaised_ = false;
  bool sizeKnown_ = false;
  bool failing_ = false;
  std::string lastError_;
  // Shared with stats().
  mutable std::mutex mutex_;
  RenderStats stats_;
};

}  // namespace parley::render

#endif  // PARLEY_RENDER_RENDERER_EVENTS_H

// The renderer interface: where decoded (or captured) pictures are drawn.
#ifndef PARLEY_RENDER_VIDEO_RENDERER_H
#define PARLEY_RENDER_VIDEO_RENDERER_H

#include <cstdint>
#include <string>

#include "render/render_mode.h"
#include "video/video_frame.h"

namespace parley::render {

// Counters of one renderer, as a snapshot.
struct RenderStats {
  int64_t framesRendered = 0;   // frames drawn into the target
  int64_t framesNotDrawn = 0;   // valid frames with nowhere to go (zero-size target)
  int64_t framesFailed = 0;     // invalid frames and drawing failures (error events)
  int64_t lastRenderDurationUs = 0;  // time render() took for the last drawn frame
  int videoWidth = 0;           // size of the last valid picture received
  int videoHeight = 0;
};

// Draws I420 pictures into one target (a native window, or a pixel buffer the
// UI paints), fitted by a RenderMode, and reports what it shows to a Listener.
//
// Threading: render() is called by one render thread at a time (the
// pipeline's); setMode(), mode(), stats() and resetEvents() may be called from
// any thread at any time. Listener methods run on the thread calling render(),
// inside render(). Destroying the renderer (which closes the target
// connection and frees every resource) must not race with render().
class VideoRenderer {
 public:
  // Events of one renderer. The renderer never owns its listener: the listener
  // must outlive it. Methods run on the render thread inside render(): keep
  // them short (hand over to the SDK event thread) and do not call render()
  // from them. Defaults do nothing.
  class Listener {
   public:
    virtual ~Listener() = default;
    // The first picture reached the target; raised once, again only after
    // resetEvents(). `width` x `height` is the picture's size, not the target's.
    virtual void onRendererFirstFrame(int /*width*/, int /*height*/) {}
    // A picture of a new size arrived (also for the very first picture, before
    // onRendererFirstFrame, and even while the target has zero size, so a UI
    // can lay itself out from it).
    virtual void onRendererVideoSizeChanged(int /*width*/, int /*height*/) {}
    // Drawing failed (window destroyed, invalid frame, X error, ...). Raised
    // for the first failure after a success and whenever the message changes,
    // not for every repeated failing frame. The renderer stays usable; a
    // destroyed window stays failed: create a renderer for the new window.
    virtual void onRendererError(const std::string& /*message*/) {}
  };

  virtual ~VideoRenderer() = default;

  // Draws one packed I420 picture (even sides, data.size() >= sizeFor()).
  // When render() returns, the picture is in the target (window renderers:
  // handed to and processed by the window system; see each renderer). Never
  // throws; failures go to Listener::onRendererError.
  virtual void render(const video::VideoFrame& frame) = 0;

  // The mode the next render() uses. Any thread.
  virtual void setMode(RenderMode mode) = 0;
  virtual RenderMode mode() const = 0;

  // A snapshot of the counters. Any thread.
  virtual RenderStats stats() const = 0;

  // Forget what was shown: the next picture raises onRendererFirstFrame and
  // onRendererVideoSizeChanged again (a new stream into the same renderer).
  // Any thread; takes effect with the next render().
  virtual void resetEvents() = 0;
};

}  // namespace parley::render

#endif  // PARLEY_RENDER_VIDEO_RENDERER_H

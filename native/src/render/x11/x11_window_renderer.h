// Renders into an X11 window (the drawable JAWT gives for a java.awt.Canvas)
// over the renderer's own X connection.
#ifndef PARLEY_RENDER_X11_X11_WINDOW_RENDERER_H
#define PARLEY_RENDER_X11_X11_WINDOW_RENDERER_H

#include <memory>
#include <string>

#include "common/clock.h"
#include "render/frame_converter.h"
#include "render/renderer_base.h"

// Xlib's Display and GC, declared rather than included: <X11/Xlib.h> defines
// macros such as None, Bool, Status and True that break other code including
// this header (GoogleTest's ::testing::Bool, JNI glue).
struct _XDisplay;
struct _XGC;

namespace parley::render::x11 {

class X11ErrorTrap;
class X11Image;

// An X11 window id (Xlib's Window, an XID).
using XWindowId = unsigned long;

// Options of an X11WindowRenderer; the defaults are what production uses.
struct X11RendererOptions {
  // Display to connect to; empty: $DISPLAY, which is also the one AWT uses.
  // Pass XDisplayString() of JAWT's display to be exact.
  std::string displayName;
  // False forces XPutImage (tests of the fallback; a display whose MIT-SHM
  // misbehaves).
  bool allowShm = true;
  // Times render(); nullptr: SystemClock. Must outlive the renderer.
  const Clock* clock = nullptr;
};

// Draws each frame into an X11 window it does not own, fitted to the window's
// current size in device pixels.
//
// - Own connection: create() opens its own XOpenDisplay, so the render thread
//   never touches AWT's connection (and needs none of AWT's locking); only the
//   window id is shared.
// - Size: one XGetGeometry round trip per frame (XGetWindowAttributes would
//   make two requests for the same numbers), so a resize shows in the very
//   next frame. These are the window's real pixels: with sun.java2d.uiScale=2,
//   AWT's bounds are logical and would be half the size. Listening for
//   ConfigureNotify instead would save the round trip but can lag a frame
//   behind a resize done on AWT's connection.
// - Pixels: MIT-SHM when available, XPutImage otherwise (X11Image); the image
//   is recreated when the window size changes.
// - On screen when render() returns: each frame ends with XSync (not XFlush).
//   The server has then executed the put (the frame is in the window, or in
//   the compositor's copy of it) and has finished reading shared memory, so
//   the next frame can be written into the same segment without tearing; and
//   errors of this frame (a destroyed window) arrive inside this render().
//   The price is one more round trip per frame, negligible on a local display.
// - A window destroyed under it gives onRendererError, never a crash (see
//   X11ErrorTrap); from then on it draws nothing, even if the server reuses
//   the id for someone else's window.
// - Pixel formats: 24/32-bit TrueColor windows only (all current X servers);
//   create() refuses others.
//
// Threading: create() on any thread; then VideoRenderer's rules (render() on
// one thread at a time). The destructor frees the image, the GC and the
// connection; it must not race with render().
class X11WindowRenderer final : public RendererBase {
 public:
  // nullptr, with the reason in `*whyNot`, when the display cannot be opened,
  // `window` is not a window on it, or its pixel format is unsupported.
  static std::unique_ptr<X11WindowRenderer> create(XWindowId window, Listener* listener,
                                                   const X11RendererOptions& options = {},
                                                   std::string* whyNot = nullptr);
  ~X11WindowRenderer() override;
  X11WindowRenderer(const X11WindowRenderer&) = delete;
  X11WindowRenderer& operator=(const X11WindowRenderer&) = delete;

  // True while frames go through MIT-SHM (tests, diagnostics). Render thread.
  bool usingShm() const;

 protected:
  DrawOutcome draw(const video::VideoFrame& frame, RenderMode mode) override;

 private:
  X11WindowRenderer(_XDisplay* display, XWindowId window, std::unique_ptr<X11ErrorTrap> trap,
                    std::unique_ptr<X11Image> image, _XGC* gc, Listener* listener,
                    const Clock& clock);
  DrawOutcome failAndCheckWindow(const std::string& what);

  _XDisplay* const display_;
  const XWindowId window_;
  std::unique_ptr<X11ErrorTrap> trap_;
  std::unique_ptr<X11Image> image_;
  _XGC* gc_ = nullptr;
  FrameConverter converter_;
  bool windowGone_ = false;
  std::string goneMessage_;
};

}  // namespace parley::render::x11

#endif  // PARLEY_RENDER_X11_X11_WINDOW_RENDERER_H

// Renders into a Win32 window (the HWND JAWT gives for a java.awt.Canvas)
// with GDI.
#ifndef PARLEY_RENDER_WINDOWS_GDI_WINDOW_RENDERER_H
#define PARLEY_RENDER_WINDOWS_GDI_WINDOW_RENDERER_H

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX  // windows.h's min/max macros break std::min/std::max
#endif
#include <windows.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "render/frame_converter.h"
#include "render/renderer_base.h"

namespace parley::render::windows {

// Draws each frame into an HWND it does not own, fitted to the window's client
// area, with SetDIBitsToDevice from a 32-bit top-down DIB that FrameConverter
// fills (BGRA is exactly GDI's 32-bit BI_RGB layout, so no copy or swizzle).
//
// - Size: GetClientRect per frame (cheap, no message round trip). The sizes are
//   device pixels when the process is DPI aware, which the JVM declares (Java
//   9+ is per-monitor aware), so the picture is not scaled twice.
// - Scaling is done by libyuv (FrameConverter) rather than StretchDIBits: its
//   filtered SIMD scaling looks better than GDI's and costs less.
// - On screen when render() returns: GdiFlush() before ReleaseDC, so GDI's
//   batch is handed to the system (DWM composes it at the next refresh).
// - A destroyed window (IsWindow false, GetDC failing) gives onRendererError;
//   from then on nothing is drawn, because Windows reuses HWND values.
// - Drawing from the render thread into a window owned by AWT's toolkit
//   thread is allowed: GetDC on another thread's window works, and the Canvas
//   paints nothing itself (paint/update overridden as empty on the Java side).
//
// Threading: VideoRenderer's rules. The destructor only frees memory.
class GdiWindowRenderer final : public RendererBase {
 public:
  // nullptr, with the reason in `*whyNot`, when `window` is not a window.
  static std::unique_ptr<GdiWindowRenderer> create(HWND window, Listener* listener,
                                                   const Clock* clock = nullptr,
                                                   std::string* whyNot = nullptr);

 protected:
  DrawOutcome draw(const video::VideoFrame& frame, RenderMode mode) override;

 private:
  GdiWindowRenderer(HWND window, Listener* listener, const Clock& clock);
  DrawOutcome fail(const std::string& what);

  const HWND window_;
  FrameConverter converter_;
  std::vector<uint8_t> pixels_;  // the DIB, reused at stable sizes
  bool windowGone_ = false;
  std::string goneMessage_;
};

}  // namespace parley::render::windows

#endif  // PARLEY_RENDER_WINDOWS_GDI_WINDOW_RENDERER_H

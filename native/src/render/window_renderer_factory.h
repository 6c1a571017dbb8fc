// Creates the native-window renderer of the platform the core was built for.
#ifndef PARLEY_RENDER_WINDOW_RENDERER_FACTORY_H
#define PARLEY_RENDER_WINDOW_RENDERER_FACTORY_H

#include <cstdint>
#include <memory>
#include <string>

#include "render/video_renderer.h"

namespace parley::render {

// A renderer drawing into the native window `windowHandle`: an X11 window id
// (the JAWT drawable) on Linux, an HWND on Windows. One implementation per
// platform: x11/x11_window_renderer_factory.cpp,
// windows/gdi_window_renderer_factory.cpp, and
// window_renderer_factory_fallback.cpp where there is no native path (macOS).
//
// Returns nullptr, with the reason in `*whyNot` when given, when there is no
// native path on this platform or the window cannot be drawn into (handle 0,
// no X display, not a window, unsupported pixel format). The caller then falls
// back to a PixelBufferRenderer that the UI paints.
//
// Precondition: the window exists (the AWT component is displayable) and
// stays the same window for the renderer's life; after removeNotify/addNotify
// the handle changes: create a new renderer. `listener` may be null and must
// outlive the renderer. Any thread; the renderer is then used as
// VideoRenderer describes.
std::unique_ptr<VideoRenderer> createWindowRenderer(uint64_t windowHandle,
                                                    VideoRenderer::Listener* listener,
                                                    std::string* whyNot = nullptr);

}  // namespace parley::render

#endif  // PARLEY_RENDER_WINDOW_RENDERER_FACTORY_H

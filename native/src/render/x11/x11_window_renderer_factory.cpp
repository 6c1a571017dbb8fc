// createWindowRenderer() on Linux: the handle is an X11 window id.
#include "render/window_renderer_factory.h"
#include "render/x11/x11_window_renderer.h"

namespace parley::render {

std::unique_ptr<VideoRenderer> createWindowRenderer(uint64_t windowHandle,
                                                    VideoRenderer::Listener* listener,
                                                    std::string* whyNot) {
  return x11::X11WindowRenderer::create(static_cast<x11::XWindowId>(windowHandle), listener, {},
                                        whyNot);
}

}  // namespace parley::render

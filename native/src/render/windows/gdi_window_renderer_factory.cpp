// createWindowRenderer() on Windows: the handle is an HWND.
#include "render/window_renderer_factory.h"
#include "render/windows/gdi_window_renderer.h"

namespace parley::render {

std::unique_ptr<VideoRenderer> createWindowRenderer(uint64_t windowHandle,
                                                    VideoRenderer::Listener* listener,
                                                    std::string* whyNot) {
  HWND window = reinterpret_cast<HWND>(static_cast<uintptr_t>(windowHandle));
  return windows::GdiWindowRenderer::create(window, listener, nullptr, whyNot);
}

}  // namespace parley::render

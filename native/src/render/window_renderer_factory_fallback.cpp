// createWindowRenderer() where the core has no native window renderer (macOS:
// JAWT there offers a CALayer, not a window we can blit into with plain C++,
// so the UI paints a PixelBufferRenderer's pictures instead).
#include "render/window_renderer_factory.h"

namespace parley::render {

std::unique_ptr<VideoRenderer> createWindowRenderer(uint64_t /*windowHandle*/,
                                                    VideoRenderer::Listener* /*listener*/,
                                                    std::string* whyNot) {
  if (whyNot != nullptr) {
    *whyNot = "no native window renderer on this platform: use a pixel buffer";
  }
  return nullptr;
}

}  // namespace parley::render

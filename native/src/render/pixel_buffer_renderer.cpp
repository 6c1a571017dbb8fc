#include "render/pixel_buffer_renderer.h"

#include <cstring>
#include <utility>

namespace parley::render {

PixelBufferRenderer::PixelBufferRenderer(Listener* listener, const Clock& clock)
    : RendererBase(listener, clock) {}

void PixelBufferRenderer::setTargetSize(int width, int height) {
  std::lock_guard<std::mutex> lock(mutex_);
  targetWidth_ = width > 0 ? width : 0;
  targetHeight_ = height > 0 ? height : 0;
}

PixelBufferRenderer::PictureInfo PixelBufferRenderer::pictureInfo() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return publishedInfo_;
}

int PixelBufferRenderer::copyPixels(uint8_t* dst, int capacity, PictureInfo* info) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (info != nullptr) {
    *info = publishedInfo_;
  }
  const int bytes = publishedInfo_.byteSize();
  if (publishedInfo_.version == 0 || dst == nullptr || capacity < bytes) {
    return 0;
  }
  std::memcpy(dst, published_.data(), static_cast<size_t>(bytes));
  return bytes;
}

RendererBase::DrawOutcome PixelBufferRenderer::draw(const video::VideoFrame& frame,
                                                    RenderMode mode) {
  int width = 0;
  int height = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    width = targetWidth_;
    height = targetHeight_;
  }
  if (width == 0 || height == 0) {
    return DrawOutcome::nothingToDraw();
  }
  // After the first swaps, drawing_ and published_ both have this capacity:
  // resizing to a stable size allocates nothing.
  drawing_.resize(static_cast<size_t>(width) * height * 4);
  const BgraTarget target{drawing_.data(), width, height, 4 * width};
  if (!converter_.convert(frame, mode, target)) {
    return DrawOutcome::nothingToDraw();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  std::swap(drawing_, published_);
  publishedInfo_.width = width;
  publishedInfo_.height = height;
  ++publishedInfo_.version;
  return DrawOutcome::drawn();
}

}  // namespace parley::render

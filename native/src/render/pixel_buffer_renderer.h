// Renders into memory that the UI copies out and paints: the renderer for
// platforms without a native window path (macOS) and for headless tests.
#ifndef PARLEY_RENDER_PIXEL_BUFFER_RENDERER_H
#define PARLEY_RENDER_PIXEL_BUFFER_RENDERER_H

#include <cstdint>
#include <mutex>
#include <vector>

#include "common/clock.h"
#include "render/frame_converter.h"
#include "render/renderer_base.h"

namespace parley::render {

// Draws each frame into a BGRA picture of the size the owner sets (typically
// a Swing component's size in device pixels) and publishes it for copying.
//
// Pixel format of the copy: 4 bytes per pixel, B, G, R, A in memory, rows
// top-down, no padding (stride = 4 * width). Read as little-endian 32-bit ints
// these are 0xAARRGGBB words: an IntBuffer over the bytes in
// ByteOrder.LITTLE_ENDIAN fills a BufferedImage.TYPE_INT_ARGB (or _RGB) as is.
//
// Threading: render() on the render thread; setTargetSize(), pictureInfo()
// and copyPixels() from any thread (the UI's), concurrently with render().
// Conversion happens outside the lock; the lock is held only to swap in the
// finished picture and while copyPixels() copies it.
class PixelBufferRenderer final : public RendererBase {
 public:
  // Size, and a version that grows by one with each newly drawn picture.
  struct PictureInfo {
    int width = 0;
    int height = 0;
    int64_t version = 0;  // 0: nothing drawn yet
    int byteSize() const { return 4 * width * height; }
  };

  explicit PixelBufferRenderer(Listener* listener = nullptr,
                               const Clock& clock = SystemClock::instance());

  // The size of the pictures to draw from the next frame on. A zero (or
  // negative) side means nothing is drawn (frames count as not drawn) until a
  // real size is set. The last picture keeps its old size until a new frame
  // arrives: the UI scales it meanwhile. Any thread.
  void setTargetSize(int width, int height);

  // Size and version of the latest picture. Any thread. Poll this (or count
  // frames via the listener) and copy only when the version changed.
  PictureInfo pictureInfo() const;

  // Copies the latest picture into `dst` when it fits in `capacity` bytes.
  // Returns the bytes copied (info.byteSize()), or 0 when there is no picture
  // yet or `dst` is too small (then enlarge to info->byteSize() and call
  // again). `info`, when given, receives the size and version of the picture
  // copied (or of the one that did not fit). Any thread.
  int copyPixels(uint8_t* dst, int capacity, PictureInfo* info = nullptr) const;

 protected:
  DrawOutcome draw(const video::VideoFrame& frame, RenderMode mode) override;

 private:
  FrameConverter converter_;       // render thread
  std::vector<uint8_t> drawing_;   // render thread: the picture being drawn

  mutable std::mutex mutex_;       // guards everything below
  int targetWidth_ = 0;
  int targetHeight_ = 0;
  std::vector<uint8_t> published_;  // the latest finished picture
  PictureInfo publishedInfo_;
};

}  // namespace parley::render

#endif  // PARLEY_RENDER_PIXEL_BUFFER_RENDERER_H

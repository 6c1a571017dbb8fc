// Draws an I420 picture into a 32-bit BGRA target: crop, scale, colour
// conversion and black bars, through libyuv (kept out of this header so that
// files including it, such as the Windows renderer, do not need libyuv's).
#ifndef PARLEY_RENDER_FRAME_CONVERTER_H
#define PARLEY_RENDER_FRAME_CONVERTER_H

#include <cstdint>
#include <vector>

#include "render/render_geometry.h"
#include "render/render_mode.h"
#include "video/video_frame.h"

namespace parley::render {

// A caller-owned 32-bit pixel buffer, rows top-down, `stride` bytes apart.
// Each pixel is 4 bytes B, G, R, A in memory (libyuv calls this "ARGB": it is
// the little-endian word 0xAARRGGBB, i.e. Java's TYPE_INT_ARGB read as ints,
// X11's usual 24/32-bit TrueColor and GDI's 32-bit BI_RGB DIB).
struct BgraTarget {
  uint8_t* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes per row, >= 4 * width
};

// Opaque black in a BgraTarget pixel, as the 0xAARRGGBB word libyuv fills with.
constexpr uint32_t kBarColor = 0xFF000000u;

// Converts frames for one renderer. Keeps a scratch I420 buffer for the scaled
// picture and reuses it: once picture and target sizes are stable, convert()
// allocates nothing. Not thread-safe: one renderer's render thread owns it.
class FrameConverter {
 public:
  // Draws `frame` into `target` as `geometry` says: geometry.source of the
  // frame scaled onto geometry.destination, every other target pixel opaque
  // black, alpha 255 everywhere. Returns false and leaves the target untouched
  // when the geometry draws nothing or does not fit the frame and the target
  // (the caller then does not count the frame as rendered). The frame must be
  // a valid packed I420 picture (even sides, data.size() >= sizeFor()).
  bool convert(const video::VideoFrame& frame, const RenderGeometry& geometry,
               const BgraTarget& target);

  // computeRenderGeometry() for the frame and the target, then convert().
  bool convert(const video::VideoFrame& frame, RenderMode mode, const BgraTarget& target);

  // Bytes of scratch memory held (for tests of buffer reuse).
  size_t scratchCapacity() const { return scaled_.capacity(); }

 private:
  std::vector<uint8_t> scaled_;  // I420 picture of destination size
};

}  // namespace parley::render

#endif  // PARLEY_RENDER_FRAME_CONVERTER_H

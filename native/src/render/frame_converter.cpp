#include "render/frame_converter.h"

#include <libyuv.h>

namespace parley::render {
namespace {

bool contains(const Rect& outer, const Rect& inner) {
  return inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width &&
         inner.y + inner.height <= outer.height;
}

void fillBar(const BgraTarget& target, int x, int y, int width, int height) {
  if (width > 0 && height > 0) {
    libyuv::ARGBRect(target.pixels, target.stride, x, y, width, height, kBarColor);
  }
}

// Black everywhere in the target outside `d`: a band above and below the
// full width, and a band left and right of `d` in between.
void fillBars(const BgraTarget& target, const Rect& d) {
  fillBar(target, 0, 0, target.width, d.y);
  fillBar(target, 0, d.y + d.height, target.width, target.height - d.y - d.height);
  fillBar(target, 0, d.y, d.x, d.height);
  fillBar(target, d.x + d.width, d.y, target.width - d.x - d.width, d.height);
}

}  // namespace

bool FrameConverter::convert(const video::VideoFrame& frame, RenderMode mode,
                             const BgraTarget& target) {
  const RenderGeometry geometry =
      computeRenderGeometry(frame.width, frame.height, target.width, target.height, mode);
  return convert(frame, geometry, target);
}

bool FrameConverter::convert(const video::VideoFrame& frame, const RenderGeometry& geometry,
                             const BgraTarget& target) {
  const Rect& s = geometry.source;
  const Rect& d = geometry.destination;
  if (geometry.drawsNothing() || target.pixels == nullptr || target.stride < 4 * target.width ||
      frame.data.size() < video::VideoFrame::sizeFor(frame.width, frame.height) ||
      !contains({0, 0, frame.width, frame.height}, s) ||
      !contains({0, 0, target.width, target.height}, d) || ((s.x | s.y | s.width | s.height) & 1)) {
    return false;
  }

  // The source rectangle inside the packed frame: offsets are even, so the
  // chroma planes start at (x/2, y/2).
  const int strideY = frame.strideY();
  const int strideUV = frame.strideUV();
  const uint8_t* srcY = frame.y() + static_cast<size_t>(s.y) * strideY + s.x;
  const uint8_t* srcU = frame.u() + static_cast<size_t>(s.y / 2) * strideUV + s.x / 2;
  const uint8_t* srcV = frame.v() + static_cast<size_t>(s.y / 2) * strideUV + s.x / 2;
  uint8_t* dst = target.pixels + static_cast<size_t>(d.y) * target.stride + 4 * d.x;

  if (s.width == d.width && s.height == d.height) {
    // Same size: convert straight from the frame, no scaling pass.
    libyuv::I420ToARGB(srcY, strideY, srcU, strideUV, srcV, strideUV, dst, target.stride, d.width,
                       d.height);
  } else {
    // The destination may be odd-sized (letterboxed into any window): chroma
    // planes of an odd-sized I420 picture round up.
    const int cw = (d.width + 1) / 2;
    const int ch = (d.height + 1) / 2;
    const size_t sizeY = static_cast<size_t>(d.width) * d.height;
    const size_t sizeC = static_cast<size_t>(cw) * ch;
    scaled_.resize(sizeY + 2 * sizeC);  // keeps its capacity: no allocation at stable sizes
    uint8_t* y = scaled_.data();
    uint8_t* u = y + sizeY;
    uint8_t* v = u + sizeC;
    // Box filtering averages every source pixel when shrinking (no aliasing on
    // the usual camera-to-thumbnail downscale) and is bilinear when enlarging.
    libyuv::I420Scale(srcY, strideY, srcU, strideUV, srcV, strideUV, s.width, s.height, y, d.width,
                      u, cw, v, cw, d.width, d.height, libyuv::kFilterBox);
    libyuv::I420ToARGB(y, d.width, u, cw, v, cw, dst, target.stride, d.width, d.height);
  }
  fillBars(target, d);
  return true;
}

}  // namespace parley::render

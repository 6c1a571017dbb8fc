// Where a picture goes in a target: the pure arithmetic of the render modes.
#ifndef PARLEY_RENDER_RENDER_GEOMETRY_H
#define PARLEY_RENDER_RENDER_GEOMETRY_H

#include "render/render_mode.h"

namespace parley::render {

// An axis-aligned rectangle in pixels. Empty when either side is <= 0.
struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  bool empty() const { return width <= 0 || height <= 0; }
  bool operator==(const Rect& other) const {
    return x == other.x && y == other.y && width == other.width && height == other.height;
  }
  bool operator!=(const Rect& other) const { return !(*this == other); }
};

// The result of fitting a picture into a target.
// `source` is the part of the picture to show; its x, y, width and height are
// all even, so it starts and ends on whole I420 chroma samples.
// `destination` is where that part lands in the target (scaled to its size);
// everything in the target outside `destination` is a black bar.
// When drawsNothing(), the caller draws nothing at all (zero-size target or
// picture) and must not count the frame as rendered.
struct RenderGeometry {
  Rect source;
  Rect destination;

  bool drawsNothing() const { return source.empty() || destination.empty(); }
};

// kAuto crops when cropping cuts off at most this fraction of the picture,
// i.e. when the narrower of the two aspect ratios is at least 80% of the wider
// one. 4:3 in 16:10 (loses 17%) and 16:9 in 16:10 (10%) crop; 4:3 in 16:9
// (25%) and portrait in landscape letterbox. The boundary itself (exactly 20%)
// crops.
constexpr int kAutoMaxCropLossPercent = 20;

// The mode kAuto resolves to for this picture and target (kFullScreen or
// kFullContent); other modes are returned unchanged. Pure; any thread.
RenderMode resolveRenderMode(RenderMode mode, int sourceWidth, int sourceHeight, int targetWidth,
                             int targetHeight);

// Fits a sourceWidth x sourceHeight picture into a targetWidth x targetHeight
// target. An odd picture side is treated as one pixel shorter (I420 needs
// even sizes); a target or picture side below 1 (2 for the picture) gives a
// geometry that drawsNothing(). A non-empty target always gets a destination
// of at least 1x1. Pure; any thread.
RenderGeometry computeRenderGeometry(int sourceWidth, int sourceHeight, int targetWidth,
                                     int targetHeight, RenderMode mode);

}  // namespace parley::render

#endif  // PARLEY_RENDER_RENDER_GEOMETRY_H

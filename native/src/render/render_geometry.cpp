#include "render/render_geometry.h"

#include <algorithm>
#include <cstdint>

namespace parley::render {
namespace {

// round(a * b / c) for non-negative a, b and positive c, without overflow for
// any int picture or window size.
int mulDivRound(int64_t a, int64_t b, int64_t c) {
  return static_cast<int>((2 * a * b + c) / (2 * c));
}

// The nearest even number to round(a * b / c), never below 2.
int mulDivRoundEven(int64_t a, int64_t b, int64_t c) {
  const int halves = mulDivRound(a, b, 2 * c);
  return std::max(2, 2 * halves);
}

// Letterbox: the whole (even) picture scaled to fit, centred.
RenderGeometry fitWhole(int sw, int sh, int tw, int th) {
  RenderGeometry g;
  g.source = {0, 0, sw, sh};
  int dw = tw;
  int dh = th;
  const int64_t sourceCross = static_cast<int64_t>(sw) * th;  // > target cross: source wider
  const int64_t targetCross = static_cast<int64_t>(tw) * sh;
  if (sourceCross > targetCross) {
    dh = std::clamp(mulDivRound(tw, sh, sw), 1, th);
  } else if (sourceCross < targetCross) {
    dw = std::clamp(mulDivRound(th, sw, sh), 1, tw);
  }
  g.destination = {(tw - dw) / 2, (th - dh) / 2, dw, dh};
  return g;
}

// Crop to fill: the centred part of the picture with the target's shape,
// scaled to cover the whole target. Crop offsets are rounded down to even.
RenderGeometry cropToFill(int sw, int sh, int tw, int th) {
  RenderGeometry g;
  g.destination = {0, 0, tw, th};
  int cw = sw;
  int ch = sh;
  const int64_t sourceCross = static_cast<int64_t>(sw) * th;
  const int64_t targetCross = static_cast<int64_t>(tw) * sh;
  if (sourceCross > targetCross) {
    cw = std::min(sw, mulDivRoundEven(sh, tw, th));
  } else if (sourceCross < targetCross) {
    ch = std::min(sh, mulDivRoundEven(sw, th, tw));
  }
  g.source = {((sw - cw) / 2) & ~1, ((sh - ch) / 2) & ~1, cw, ch};
  return g;
}

}  // namespace

RenderMode resolveRenderMode(RenderMode mode, int sourceWidth, int sourceHeight, int targetWidth,
                             int targetHeight) {
  if (mode != RenderMode::kAuto) {
    return mode;
  }
  if (sourceWidth <= 0 || sourceHeight <= 0 || targetWidth <= 0 || targetHeight <= 0) {
    return RenderMode::kFullContent;
  }
  // The fraction of the picture cropping keeps is the ratio of the two aspect
  // ratios, narrower over wider: (sw/sh) / (tw/th) = sw*th / (tw*sh).
  const int64_t a = static_cast<int64_t>(sourceWidth) * targetHeight;
  const int64_t b = static_cast<int64_t>(targetWidth) * sourceHeight;
  const int64_t kept = std::min(a, b);
  const int64_t whole = std::max(a, b);
  const bool lossSmall = kept * 100 >= whole * (100 - kAutoMaxCropLossPercent);
  return lossSmall ? RenderMode::kFullScreen : RenderMode::kFullContent;
}

RenderGeometry computeRenderGeometry(int sourceWidth, int sourceHeight, int targetWidth,
                                     int targetHeight, RenderMode mode) {
  const int sw = sourceWidth & ~1;
  const int sh = sourceHeight & ~1;
  if (sw < 2 || sh < 2 || targetWidth < 1 || targetHeight < 1) {
    return {};
  }
  switch (resolveRenderMode(mode, sw, sh, targetWidth, targetHeight)) {
    case RenderMode::kFullScreen:
      return cropToFill(sw, sh, targetWidth, targetHeight);
    case RenderMode::kFullContent:
    case RenderMode::kAuto:
      break;
  }
  return fitWhole(sw, sh, targetWidth, targetHeight);
}

}  // namespace parley::render

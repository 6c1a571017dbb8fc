// How a picture is fitted into a target whose shape differs from it.
#ifndef PARLEY_RENDER_RENDER_MODE_H
#define PARLEY_RENDER_RENDER_MODE_H

namespace parley::render {

// The seeds' render modes (JC SDK JCMediaDeviceRenderMode, ZEGO view modes).
// The numeric values are part of the contract with the Java side: keep them.
enum class RenderMode {
  // Letterbox: the whole picture is visible, scaled to fit; the rest of the
  // target is black bars (above and below, or left and right).
  kFullContent = 0,
  // Crop to fill: the picture covers the whole target; what sticks out on the
  // longer side is cut off equally on both edges.
  kFullScreen = 1,
  // kFullScreen when cropping loses at most kAutoMaxCropLossPercent (20%) of
  // the picture (similar shapes: 16:9 in 16:10), kFullContent otherwise (a
  // portrait phone picture in a landscape window). See render_geometry.h.
  kAuto = 2,
};

// "full-content", "full-screen", "auto" (logs, test names).
inline const char* renderModeName(RenderMode mode) {
  switch (mode) {
    case RenderMode::kFullContent:
      return "full-content";
    case RenderMode::kFullScreen:
      return "full-screen";
    case RenderMode::kAuto:
      return "auto";
  }
  return "unknown";
}

}  // namespace parley::render

#endif  // PARLEY_RENDER_RENDER_MODE_H

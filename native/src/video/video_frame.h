// A raw video picture: packed I420 (Y plane, then U, then V, no row padding).
#ifndef PARLEY_VIDEO_VIDEO_FRAME_H
#define PARLEY_VIDEO_VIDEO_FRAME_H

#include <cstdint>
#include <memory>
#include <vector>

namespace parley::video {

// Owns its pixels. Width and height are even (all Parley sources produce even
// sizes; I420 chroma is half size in both directions). Frames travel between
// threads as std::shared_ptr<const VideoFrame>: immutable once handed over.
struct VideoFrame {
  int width = 0;
  int height = 0;
  // Capture time on the capturing side's clock (Clock::nowUs()).
  int64_t captureTimeUs = 0;
  // Running number of the frame at its source (0, 1, 2, ...).
  int64_t sourceSequence = 0;
  std::vector<uint8_t> data;

  VideoFrame() = default;
  VideoFrame(int w, int h) : width(w), height(h), data(sizeFor(w, h)) {}

  static size_t sizeFor(int w, int h) {
    return static_cast<size_t>(w) * static_cast<size_t>(h) +
           2 * static_cast<size_t>(w / 2) * static_cast<size_t>(h / 2);
  }
  void resize(int w, int h) {
    width = w;
    height = h;
    data.resize(sizeFor(w, h));
  }
  int strideY() const { return width; }
  int strideUV() const { return width / 2; }
  uint8_t* y() { return data.data(); }
  uint8_t* u() { return data.data() + static_cast<size_t>(width) * height; }
  uint8_t* v() { return u() + static_cast<size_t>(width / 2) * (height / 2); }
  const uint8_t* y() const { return data.data(); }
  const uint8_t* u() const { return data.data() + static_cast<size_t>(width) * height; }
  const uint8_t* v() const { return u() + static_cast<size_t>(width / 2) * (height / 2); }
};

using VideoFramePtr = std::shared_ptr<const VideoFrame>;

}  // namespace parley::video

#endif  // PARLEY_VIDEO_VIDEO_FRAME_H

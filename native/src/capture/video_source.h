// The one interface every video source (camera, test pattern, file) sits behind.
#ifndef PARLEY_CAPTURE_VIDEO_SOURCE_H
#define PARLEY_CAPTURE_VIDEO_SOURCE_H

#include <string>

#include "video/video_frame.h"

namespace parley::capture {

// What a source actually delivers (not what was asked of it): width and
// height are even, fps is the nominal rate (a camera may run slower in the
// dark; a file's rate is the one its header declares).
struct VideoFormat {
  int width = 0;
  int height = 0;
  double fps = 0;
};

// Result of VideoSource::read().
enum class ReadStatus {
  kFrame,   // the frame was filled
  kFailed,  // the source cannot deliver any more; error() says why
};

// A pull-model source of packed I420 frames of even size.
//
// read() fills the caller's frame: size, pixels, captureTimeUs (taken from
// the source's injected Clock when the picture was captured) and
// sourceSequence (0, 1, 2, ... over the life of the source, continuing across
// the loops of a file).
//
// Live sources (cameras) block in read() until the device delivers; synthetic
// sources (test pattern, files) return at once and the caller paces them at
// format().fps (CaptureThread does both). After kFailed the source is dead:
// the caller reports error() and stops reading (later reads fail again).
//
// A source is not thread-safe: one thread at a time calls its methods (hand it
// to a CaptureThread and leave it alone).
class VideoSource {
 public:
  virtual ~VideoSource() = default;

  virtual VideoFormat format() const = 0;
  virtual ReadStatus read(video::VideoFrame& frame) = 0;
  // True if read() blocks on a device; false if the caller must pace it.
  virtual bool live() const = 0;
  // Human-readable origin, e.g. "camera 0 (HD Webcam) 1280x720 @ 30 fps".
  virtual std::string description() const = 0;
  // Why the last read() returned kFailed; empty while the source is healthy.
  virtual std::string error() const = 0;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_VIDEO_SOURCE_H

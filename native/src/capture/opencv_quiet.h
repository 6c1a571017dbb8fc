// Silences OpenCV's own console logging while capture code probes devices.
#ifndef PARLEY_CAPTURE_OPENCV_QUIET_H
#define PARLEY_CAPTURE_OPENCV_QUIET_H

namespace parley::capture {

// While at least one instance lives, OpenCV logs nothing; the last one to go
// restores the level that was set before the first. Used around
// VideoCapture::open: a camera index that does not exist makes OpenCV print a
// warning on stderr, which we replace by our own error message.
//
// OpenCV's log level is process-wide, so this also hides messages other
// threads cause meanwhile; keep the scope to the probe or open call.
class ScopedOpenCvQuiet {
 public:
  ScopedOpenCvQuiet();
  ~ScopedOpenCvQuiet();
  ScopedOpenCvQuiet(const ScopedOpenCvQuiet&) = delete;
  ScopedOpenCvQuiet& operator=(const ScopedOpenCvQuiet&) = delete;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_OPENCV_QUIET_H

// A camera, through OpenCV's VideoCapture (V4L2 on Linux).
#ifndef PARLEY_CAPTURE_CAMERA_SOURCE_H
#define PARLEY_CAPTURE_CAMERA_SOURCE_H

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <memory>
#include <string>

#include "capture/video_source.h"
#include "common/clock.h"

namespace parley::capture {

// What the caller would like from a camera. The camera picks the nearest mode
// it has; CameraSource::format() says what it actually delivers.
struct CameraRequest {
  int width = 640;
  int height = 480;
  double fps = 30;
};

// A live source reading one camera.
//
// open() opens camera `id` (CameraInfo::id: OpenCV's index, /dev/video<id> on
// Linux, through the V4L2 backend; the default backend elsewhere), asks for the
// requested size and rate, and waits for the first picture, so that format()
// reports what the camera really delivers and a node that opens but never
// streams is refused at once. It never throws: failure returns nullptr and a
// reason ("camera 3: no such device /dev/video3", "... opened but delivered
// no picture").
//
// read() blocks until the next picture, converts it to I420 (cropping an odd
// size to even) and stamps captureTimeUs from the clock when the picture
// arrived. When the camera is unplugged or stops delivering, read() returns
// kFailed with a reason. How long a stalled (still plugged) camera blocks is
// OpenCV's call: its V4L2 backend gives up after the select timeout, 10 s
// unless the environment variable OPENCV_VIDEOIO_V4L_SELECT_TIMEOUT (seconds,
// read once per process) says otherwise. CaptureThread::stop() does not wait
// that long (see there).
//
// open() itself may block for up to that timeout too: call it off the UI
// thread. The clock must outlive the source.
class CameraSource final : public VideoSource {
 public:
  static std::unique_ptr<CameraSource> open(int id, const CameraRequest& request,
                                            const Clock& clock, std::string& error);
  ~CameraSource() override;

  VideoFormat format() const override { return format_; }
  ReadStatus read(video::VideoFrame& frame) override;
  bool live() const override { return true; }
  std::string description() const override;
  std::string error() const override { return error_; }

  int id() const { return id_; }
  // The backend OpenCV chose ("V4L2", "MSMF", ...).
  const std::string& backend() const { return backend_; }

 private:
  CameraSource(int id, const Clock& clock);
  bool start(const CameraRequest& request, std::string& error);
  ReadStatus fail(const std::string& reason);

  int id_;
  const Clock& clock_;
  cv::VideoCapture capture_;
  cv::Mat picture_;
  bool havePending_ = false;  // picture_ holds the first picture, not yet read
  int64_t pendingTimeUs_ = 0;
  int64_t nextSequence_ = 0;
  VideoFormat format_;
  std::string backend_;
  std::string error_;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_CAMERA_SOURCE_H

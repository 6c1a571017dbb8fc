// A looped MJPEG AVI file as a video source, through OpenCV.
#ifndef PARLEY_CAPTURE_MJPEG_FILE_SOURCE_H
#define PARLEY_CAPTURE_MJPEG_FILE_SOURCE_H

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <memory>
#include <string>

#include "capture/video_source.h"
#include "common/clock.h"

namespace parley::capture {

// Synthetic source playing a Motion-JPEG AVI over and over with OpenCV's
// built-in MJPEG reader (cv::CAP_OPENCV_MJPEG: the bytedeco OpenCV has no
// FFmpeg, so other codecs in AVI do not open).
//
// open() reads the first picture to learn the real size, so a file that
// opens but holds no readable picture fails at once. At the end of the file
// the source opens it again and carries on from the first picture; a file
// that yields nothing after reopening (deleted, truncated to nothing) makes
// read() return kFailed. A damaged picture in the middle ends that pass
// early (OpenCV cannot skip it). Frames come out in I420, cropped to even;
// format().fps is the AVI header's rate (30 if it has none). The caller paces
// read(). The clock must outlive the source.
class MjpegFileSource final : public VideoSource {
 public:
  static std::unique_ptr<MjpegFileSource> open(const std::string& path, const Clock& clock,
                                               std::string& error);

  VideoFormat format() const override { return format_; }
  ReadStatus read(video::VideoFrame& frame) override;
  bool live() const override { return false; }
  std::string description() const override;
  std::string error() const override { return error_; }

 private:
  MjpegFileSource(std::string path, const Clock& clock);
  bool openCapture();
  bool readPicture();
  ReadStatus fail(const std::string& reason);

  std::string path_;
  const Clock& clock_;
  cv::VideoCapture capture_;
  cv::Mat picture_;
  bool havePending_ = false;  // picture_ holds a picture not yet handed out
  int64_t nextSequence_ = 0;
  VideoFormat format_;
  std::string error_;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_MJPEG_FILE_SOURCE_H

#include "capture/mjpeg_file_source.h"

#include <cmath>
#include <sstream>
#include <utility>

#include "capture/mat_to_i420.h"
#include "capture/opencv_quiet.h"

namespace parley::capture {
namespace {

constexpr double kDefaultFps = 30;

}  // namespace

std::unique_ptr<MjpegFileSource> MjpegFileSource::open(const std::string& path,
                                                       const Clock& clock, std::string& error) {
  std::unique_ptr<MjpegFileSource> source(new MjpegFileSource(path, clock));
  if (!source->openCapture()) {
    error = path + ": not an MJPEG AVI file OpenCV can read";
    return nullptr;
  }
  if (!source->readPicture()) {
    error = path + ": holds no readable picture";
    return nullptr;
  }
  source->havePending_ = true;
  source->format_.width = source->picture_.cols & ~1;
  source->format_.height = source->picture_.rows & ~1;
  double fps = 0;
  try {
    fps = source->capture_.get(cv::CAP_PROP_FPS);
  } catch (const cv::Exception&) {
  }
  source->format_.fps = std::isfinite(fps) && fps > 0 && fps <= 1000 ? fps : kDefaultFps;
  error.clear();
  return source;
}

MjpegFileSource::MjpegFileSource(std::string path, const Clock& clock)
    : path_(std::move(path)), clock_(clock) {}

bool MjpegFileSource::openCapture() {
  try {
    ScopedOpenCvQuiet quiet;
    return capture_.open(path_, cv::CAP_OPENCV_MJPEG);
  } catch (const cv::Exception&) {
    return false;
  }
}

bool MjpegFileSource::readPicture() {
  try {
    return capture_.read(picture_) && !picture_.empty();
  } catch (const cv::Exception&) {
    return false;
  }
}

ReadStatus MjpegFileSource::read(video::VideoFrame& frame) {
  if (!error_.empty()) {
    return ReadStatus::kFailed;
  }
  if (havePending_) {
    havePending_ = false;
  } else if (!readPicture()) {
    // End of the file (or a picture OpenCV cannot decode): start over.
    capture_.release();
    if (!openCapture() || !readPicture()) {
      return fail(path_ + ": cannot read the file again from its start");
    }
  }
  std::string conversionError;
  if (!matToI420(picture_, frame, conversionError)) {
    return fail(path_ + ": " + conversionError);
  }
  if (frame.width != format_.width || frame.height != format_.height) {
    return fail(path_ + ": picture size changed mid-file");
  }
  frame.captureTimeUs = clock_.nowUs();
  frame.sourceSequence = nextSequence_++;
  return ReadStatus::kFrame;
}

ReadStatus MjpegFileSource::fail(const std::string& reason) {
  error_ = reason;
  return ReadStatus::kFailed;
}

std::string MjpegFileSource::description() const {
  std::ostringstream text;
  text << "file " << path_ << " (MJPEG AVI) " << format_.width << "x" << format_.height << " @ "
       << format_.fps << " fps";
  return text.str();
}

}  // namespace parley::capture

#include "capture/camera_source.h"

#include <cmath>
#include <sstream>

#include "capture/mat_to_i420.h"
#include "capture/opencv_quiet.h"

#if defined(__linux__)
#include <filesystem>
#include <system_error>

#include "capture/v4l2_device_names.h"
#endif

namespace parley::capture {
namespace {

constexpr int kMaxSide = 8192;

#if defined(__linux__)
// Linux: V4L2 directly, not CAP_ANY, so a missing device fails with our
// message instead of OpenCV trying (and logging) every other backend.
constexpr int kApiPreference = cv::CAP_V4L2;
#else
constexpr int kApiPreference = cv::CAP_ANY;
#endif

std::string cameraName(int id) { return "camera " + std::to_string(id); }

}  // namespace

std::unique_ptr<CameraSource> CameraSource::open(int id, const CameraRequest& request,
                                                 const Clock& clock, std::string& error) {
  if (id < 0) {
    error = cameraName(id) + ": camera ids are 0 or more";
    return nullptr;
  }
  if (request.width <= 0 || request.height <= 0 || request.width > kMaxSide ||
      request.height > kMaxSide || !(request.fps > 0 && request.fps <= 240)) {
    std::ostringstream message;
    message << cameraName(id) << ": requested " << request.width << "x" << request.height << " @ "
            << request.fps << " fps is out of range";
    error = message.str();
    return nullptr;
  }
#if defined(__linux__)
  // Checked here so that a missing camera gives a clear reason (OpenCV would
  // only log a warning and report "not opened").
  const std::string node = V4l2DeviceNames().devicePath(id);
  std::error_code ignored;
  if (!std::filesystem::exists(node, ignored)) {
    error = cameraName(id) + ": no such device " + node;
    return nullptr;
  }
#endif
  std::unique_ptr<CameraSource> source(new CameraSource(id, clock));
  if (!source->start(request, error)) {
    return nullptr;
  }
  error.clear();
  return source;
}

CameraSource::CameraSource(int id, const Clock& clock) : id_(id), clock_(clock) {}

CameraSource::~CameraSource() {
  try {
    capture_.release();
  } catch (const cv::Exception&) {
    // Releasing an unplugged camera may complain; there is nothing left to do.
  }
}

bool CameraSource::start(const CameraRequest& request, std::string& error) {
  try {
    {
      ScopedOpenCvQuiet quiet;
      if (!capture_.open(id_, kApiPreference)) {
        error = cameraName(id_) +
                ": cannot open (busy, no permission, or not a capture device)";
        return false;
      }
    }
    backend_ = capture_.getBackendName();
    // Width before height: V4L2 applies each as a format change. What the
    // driver picked is only certain once a picture has arrived.
    capture_.set(cv::CAP_PROP_FRAME_WIDTH, request.width);
    capture_.set(cv::CAP_PROP_FRAME_HEIGHT, request.height);
    capture_.set(cv::CAP_PROP_FPS, request.fps);
    if (!capture_.read(picture_) || picture_.empty()) {
      error = cameraName(id_) + ": opened but delivered no picture";
      return false;
    }
    pendingTimeUs_ = clock_.nowUs();
    havePending_ = true;
    const double fps = capture_.get(cv::CAP_PROP_FPS);
    format_.width = picture_.cols & ~1;
    format_.height = picture_.rows & ~1;
    format_.fps = std::isfinite(fps) && fps > 0 ? fps : request.fps;
    if (format_.width < 2 || format_.height < 2) {
      error = cameraName(id_) + ": delivers pictures too small to use";
      return false;
    }
    return true;
  } catch (const cv::Exception& e) {
    error = cameraName(id_) + ": OpenCV error while opening: " + e.what();
    return false;
  }
}

ReadStatus CameraSource::read(video::VideoFrame& frame) {
  if (!error_.empty()) {
    return ReadStatus::kFailed;
  }
  int64_t captureTimeUs = pendingTimeUs_;
  if (havePending_) {
    havePending_ = false;
  } else {
    try {
      if (!capture_.read(picture_) || picture_.empty()) {
        return fail(cameraName(id_) + " stopped delivering pictures (unplugged or stalled)");
      }
    } catch (const cv::Exception& e) {
      return fail(cameraName(id_) + ": OpenCV error while reading: " + e.what());
    }
    captureTimeUs = clock_.nowUs();
  }
  std::string conversionError;
  if (!matToI420(picture_, frame, conversionError)) {
    return fail(cameraName(id_) + ": " + conversionError);
  }
  // A camera may switch modes mid-stream (some do on exposure changes):
  // format() follows what is delivered.
  format_.width = frame.width;
  format_.height = frame.height;
  frame.captureTimeUs = captureTimeUs;
  frame.sourceSequence = nextSequence_++;
  return ReadStatus::kFrame;
}

ReadStatus CameraSource::fail(const std::string& reason) {
  error_ = reason;
  return ReadStatus::kFailed;
}

std::string CameraSource::description() const {
  std::ostringstream text;
  text << cameraName(id_) << " (" << backend_ << ") " << format_.width << "x" << format_.height
       << " @ " << format_.fps << " fps";
  return text.str();
}

}  // namespace parley::capture

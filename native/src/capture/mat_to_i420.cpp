#include "capture/mat_to_i420.h"

#include <opencv2/imgproc.hpp>

namespace parley::capture {

// OpenCV's own converter rather than libyuv: Debian's static libyuv.a is not
// built position-independent for its converters (convert.cc), so it cannot go
// into the shared core. cv::COLOR_BGR2YUV_I420 uses the same BT.601
// studio-range coefficients.
bool matToI420(const cv::Mat& image, video::VideoFrame& frame, std::string& error) {
  if (image.empty() || image.dims != 2) {
    error = "empty picture";
    return false;
  }
  if (image.depth() != CV_8U) {
    error = "unsupported picture depth (expected 8-bit)";
    return false;
  }
  const int width = image.cols & ~1;
  const int height = image.rows & ~1;
  if (width < 2 || height < 2) {
    error = "picture of " + std::to_string(image.cols) + "x" + std::to_string(image.rows) +
            " is too small";
    return false;
  }
  int code = 0;
  switch (image.channels()) {
    case 3:
      code = cv::COLOR_BGR2YUV_I420;
      break;
    case 4:
      code = cv::COLOR_BGRA2YUV_I420;
      break;
    case 1:
      code = cv::COLOR_BGR2YUV_I420;  // after GRAY2BGR below
      break;
    default:
      error = "unsupported picture with " + std::to_string(image.channels()) + " channels";
      return false;
  }
  try {
    cv::Mat even = image(cv::Rect(0, 0, width, height));
    if (image.channels() == 1) {
      // Through BGR so grey gets the same studio-range mapping as colour.
      cv::Mat bgr;
      cv::cvtColor(even, bgr, cv::COLOR_GRAY2BGR);
      even = bgr;
    }
    frame.resize(width, height);
    // Converts straight into the frame: cvtColor keeps a destination that
    // already has the right size and type.
    cv::Mat packed(height * 3 / 2, width, CV_8UC1, frame.data.data());
    cv::cvtColor(even, packed, code);
    if (packed.data != frame.data.data()) {
      error = "colour conversion to I420 failed";
      return false;
    }
  } catch (const cv::Exception& e) {
    error = std::string("colour conversion to I420 failed: ") + e.what();
    return false;
  }
  error.clear();
  return true;
}

}  // namespace parley::capture

// Conversion of OpenCV images (what VideoCapture delivers) to Parley's packed
// I420 frames.
#ifndef PARLEY_CAPTURE_MAT_TO_I420_H
#define PARLEY_CAPTURE_MAT_TO_I420_H

#include <opencv2/core.hpp>

#include <string>

#include "video/video_frame.h"

namespace parley::capture {

// Converts an 8-bit BGR (CV_8UC3), BGRA (CV_8UC4) or grey (CV_8UC1) image to
// packed I420 (BT.601, studio range) in `frame`, cropping an odd
// width or height to the even size below it (the last column or row is
// dropped). Leaves frame.captureTimeUs and frame.sourceSequence alone.
// Returns false and sets `error` for an empty image, another pixel type, or an
// image smaller than 2x2; the caller reports that as a failed read.
bool matToI420(const cv::Mat& image, video::VideoFrame& frame, std::string& error);

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_MAT_TO_I420_H

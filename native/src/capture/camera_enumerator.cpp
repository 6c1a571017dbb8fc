#include "capture/camera_enumerator.h"

#include <opencv2/videoio.hpp>

#include "capture/opencv_quiet.h"

#if defined(__linux__)
#include "capture/v4l2_device_names.h"
#endif

namespace parley::capture {

std::vector<CameraInfo> CameraEnumerator::list() {
#if defined(__linux__)
  return V4l2DeviceNames().list();
#else
  return probe(kProbeCount);
#endif
}

std::vector<CameraInfo> CameraEnumerator::probe(int count) {
  std::vector<CameraInfo> cameras;
  ScopedOpenCvQuiet quiet;
  for (int id = 0; id < count; ++id) {
    try {
      cv::VideoCapture capture;
      if (capture.open(id, cv::CAP_ANY)) {
        cameras.push_back(CameraInfo{id, "Camera " + std::to_string(id), std::string()});
      }
    } catch (const cv::Exception&) {
      // A backend that throws for a missing device: not a camera.
    }
  }
  return cameras;
}

}  // namespace parley::capture

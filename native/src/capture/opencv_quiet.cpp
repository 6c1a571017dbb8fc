#include "capture/opencv_quiet.h"

#include <opencv2/core/utils/logger.hpp>

#include <mutex>

namespace parley::capture {
namespace {

std::mutex quietMutex;
int quietDepth = 0;
cv::utils::logging::LogLevel savedLevel = cv::utils::logging::LOG_LEVEL_WARNING;

}  // namespace

ScopedOpenCvQuiet::ScopedOpenCvQuiet() {
  std::lock_guard<std::mutex> lock(quietMutex);
  if (quietDepth++ == 0) {
    savedLevel = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
  }
}

ScopedOpenCvQuiet::~ScopedOpenCvQuiet() {
  std::lock_guard<std::mutex> lock(quietMutex);
  if (--quietDepth == 0) {
    cv::utils::logging::setLogLevel(savedLevel);
  }
}

}  // namespace parley::capture

#include "pipeline/video_source_factory.h"

#include "capture/camera_source.h"
#include "capture/file_source.h"
#include "capture/test_pattern_source.h"

namespace parley::pipeline {

std::unique_ptr<capture::VideoSource> openVideoSource(const VideoSourceConfig& config,
                                                      const Clock& clock, std::string& error) {
  switch (config.kind) {
    case kSourceCamera: {
      capture::CameraRequest request;
      request.width = config.width;
      request.height = config.height;
      request.fps = config.fps;
      return capture::CameraSource::open(config.cameraId, request, clock, error);
    }
    case kSourceTestPattern: {
      capture::TestPatternConfig pattern;
      pattern.width = config.width;
      pattern.height = config.height;
      pattern.fps = config.fps;
      return capture::TestPatternSource::create(pattern, clock, error);
    }
    case kSourceFile:
      return capture::openFileSource(config.filePath, clock, error);
    default:
      error = "unknown video source kind " + std::to_string(config.kind);
      return nullptr;
  }
}

}  // namespace parley::pipeline

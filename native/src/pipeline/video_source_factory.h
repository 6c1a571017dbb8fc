// Opens the video source a facade VideoSourceConfig names.
#ifndef PARLEY_PIPELINE_VIDEO_SOURCE_FACTORY_H
#define PARLEY_PIPELINE_VIDEO_SOURCE_FACTORY_H

#include <memory>
#include <string>

#include "capture/video_source.h"
#include "common/clock.h"
#include "parley/parley.h"

namespace parley::pipeline {

// A camera, test pattern or file source; nullptr with `error` set (naming the
// camera id or file) when it cannot be opened. `clock` must outlive the source.
std::unique_ptr<capture::VideoSource> openVideoSource(const VideoSourceConfig& config,
                                                      const Clock& clock, std::string& error);

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_VIDEO_SOURCE_FACTORY_H

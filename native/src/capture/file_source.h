// Opens a video file as a looped source, whatever its (supported) format.
#ifndef PARLEY_CAPTURE_FILE_SOURCE_H
#define PARLEY_CAPTURE_FILE_SOURCE_H

#include <memory>
#include <string>

#include "capture/video_source.h"
#include "common/clock.h"

namespace parley::capture {

// Looks at the file's first bytes and opens it as a Y4mFileSource
// ("YUV4MPEG2") or an MjpegFileSource ("RIFF....AVI "); the name's extension
// does not matter. Returns nullptr and a reason for a missing, unreadable,
// malformed or unsupported file; never throws. The result is synthetic
// (live() is false): the caller paces it at format().fps, for example with a
// CaptureThread. The clock must outlive the source.
std::unique_ptr<VideoSource> openFileSource(const std::string& path, const Clock& clock,
                                            std::string& error);

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_FILE_SOURCE_H

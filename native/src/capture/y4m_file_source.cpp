#include "capture/y4m_file_source.h"

#include <sstream>
#include <utility>

namespace parley::capture {

std::unique_ptr<Y4mFileSource> Y4mFileSource::open(const std::string& path, const Clock& clock,
                                                   std::string& error) {
  std::unique_ptr<Y4mFileSource> source(new Y4mFileSource(path, clock));
  if (!source->reader_.open(path)) {
    error = source->reader_.error();
    return nullptr;
  }
  error.clear();
  return source;
}

Y4mFileSource::Y4mFileSource(std::string path, const Clock& clock)
    : path_(std::move(path)), clock_(clock) {}

VideoFormat Y4mFileSource::format() const {
  const Y4mHeader& header = reader_.header();
  return VideoFormat{header.width & ~1, header.height & ~1, header.fps()};
}

ReadStatus Y4mFileSource::read(video::VideoFrame& frame) {
  if (!reader_.readFrame(frame)) {
    return ReadStatus::kFailed;
  }
  frame.captureTimeUs = clock_.nowUs();
  frame.sourceSequence = nextSequence_++;
  return ReadStatus::kFrame;
}

std::string Y4mFileSource::description() const {
  const VideoFormat f = format();
  std::ostringstream text;
  text << "file " << path_ << " (Y4M " << reader_.header().colourspace << ", "
       << reader_.frameCount() << " frames) " << f.width << "x" << f.height << " @ " << f.fps
       << " fps";
  return text.str();
}

}  // namespace parley::capture

// A looped .y4m file as a video source.
#ifndef PARLEY_CAPTURE_Y4M_FILE_SOURCE_H
#define PARLEY_CAPTURE_Y4M_FILE_SOURCE_H

#include <memory>
#include <string>

#include "capture/video_source.h"
#include "capture/y4m_reader.h"
#include "common/clock.h"

namespace parley::capture {

// Synthetic source playing a YUV4MPEG2 file (8-bit 4:2:0 or mono) over and
// over. read() returns at once; the caller paces it at format().fps (the
// file's F tag). An odd-sized file comes out cropped to even. Sequence
// numbers keep counting across loops; captureTimeUs is the clock's time at
// read(). The clock must outlive the source.
class Y4mFileSource final : public VideoSource {
 public:
  // Returns nullptr and the reason when the file cannot be used.
  static std::unique_ptr<Y4mFileSource> open(const std::string& path, const Clock& clock,
                                             std::string& error);

  VideoFormat format() const override;
  ReadStatus read(video::VideoFrame& frame) override;
  bool live() const override { return false; }
  std::string description() const override;
  std::string error() const override { return reader_.error(); }

  int64_t frameCount() const { return reader_.frameCount(); }

 private:
  Y4mFileSource(std::string path, const Clock& clock);

  std::string path_;
  const Clock& clock_;
  Y4mReader reader_;
  int64_t nextSequence_ = 0;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_Y4M_FILE_SOURCE_H

// The test-pattern camera: moving synthetic video whose every frame carries its
// sequence number and capture time in a FrameStamp.
#ifndef PARLEY_CAPTURE_TEST_PATTERN_SOURCE_H
#define PARLEY_CAPTURE_TEST_PATTERN_SOURCE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/video_source.h"
#include "common/clock.h"

namespace parley::capture {

// Size and rate of a test pattern. Width and height must be even and at least
// FrameStamp::kMinWidth x FrameStamp::kMinHeight (up to 4096 x 4096); fps in
// (0, 240].
struct TestPatternConfig {
  int width = 640;
  int height = 480;
  double fps = 30;
};

// Synthetic source: a luma ramp and colour bars panning diagonally together
// and a bordered box bouncing around, so consecutive frames differ everywhere
// the way a camera pan does and the encoder has real motion to search, yet
// stays within a call's bitrate (640x480 and 1280x720 at 300 kbps); the stamp
// band sits on top (see FrameStamp).
//
// The motion depends only on the sequence number (frame n looks the same on
// every run); captureTimeUs comes from the injected clock when read() is
// called, and the stamp carries captureTimeUs / 1000. read() returns at once:
// the caller paces it at format().fps. The clock must outlive the source.
class TestPatternSource final : public VideoSource {
 public:
  // Returns nullptr and sets `error` when the configuration is out of range.
  static std::unique_ptr<TestPatternSource> create(const TestPatternConfig& config,
                                                   const Clock& clock, std::string& error);

  VideoFormat format() const override;
  ReadStatus read(video::VideoFrame& frame) override;
  bool live() const override { return false; }
  std::string description() const override;
  std::string error() const override { return {}; }

  // Draws picture `sequence` (without the stamp) into `frame`, resized to the
  // configured size. Exposed for tests and for the bench's reference frames.
  void render(int64_t sequence, video::VideoFrame& frame);

 private:
  TestPatternSource(const TestPatternConfig& config, const Clock& clock);

  TestPatternConfig config_;
  const Clock& clock_;
  int64_t nextSequence_ = 0;
  std::vector<uint8_t> lumaLine_;
  std::vector<uint8_t> uLine_;
  std::vector<uint8_t> vLine_;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_TEST_PATTERN_SOURCE_H

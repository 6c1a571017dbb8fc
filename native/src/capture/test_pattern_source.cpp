#include "capture/test_pattern_source.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>

#include "capture/frame_stamp.h"

namespace parley::capture {
namespace {

constexpr int kMaxSide = 4096;
constexpr double kMaxFps = 240;

// Chroma (U, V) of the colour bars white, yellow, cyan, green, magenta, red,
// blue, black at half the saturation of 75% bars (BT.601): full-strength
// colour edges cost a 720p stream at 300 kbps about a tenth more bits.
constexpr uint8_t kBarU[8] = {128, 86, 142, 100, 156, 114, 170, 128};
constexpr uint8_t kBarV[8] = {128, 135, 86, 93, 163, 170, 121, 128};

// Position in [0, range] of something moving at `speed` px per frame that
// bounces between the two ends.
int bounce(int64_t sequence, int speed, int range) {
  if (range <= 0) {
    return 0;
  }
  const int64_t period = 2 * static_cast<int64_t>(range);
  const int64_t p = (sequence * speed) % period;
  return static_cast<int>(p <= range ? p : period - p);
}

void fillRect(uint8_t* plane, int stride, int x, int y, int w, int h, uint8_t value) {
  for (int row = y; row < y + h; ++row) {
    std::memset(plane + static_cast<size_t>(row) * stride + x, value, static_cast<size_t>(w));
  }
}

}  // namespace

std::unique_ptr<TestPatternSource> TestPatternSource::create(const TestPatternConfig& config,
                                                             const Clock& clock,
                                                             std::string& error) {
  if (config.width % 2 != 0 || config.height % 2 != 0 || config.width < FrameStamp::kMinWidth ||
      config.height < FrameStamp::kMinHeight || config.width > kMaxSide ||
      config.height > kMaxSide) {
    std::ostringstream message;
    message << "test pattern: size " << config.width << "x" << config.height
            << " must be even and between " << FrameStamp::kMinWidth << "x"
            << FrameStamp::kMinHeight << " and " << kMaxSide << "x" << kMaxSide;
    error = message.str();
    return nullptr;
  }
  if (!(config.fps > 0 && config.fps <= kMaxFps)) {
    error = "test pattern: fps must be in (0, 240], got " + std::to_string(config.fps);
    return nullptr;
  }
  error.clear();
  return std::unique_ptr<TestPatternSource>(new TestPatternSource(config, clock));
}

TestPatternSource::TestPatternSource(const TestPatternConfig& config, const Clock& clock)
    : config_(config),
      clock_(clock),
      lumaLine_(static_cast<size_t>(config.width + config.height)),
      uLine_(static_cast<size_t>((config.width + config.height) / 2)),
      vLine_(static_cast<size_t>((config.width + config.height) / 2)) {}

VideoFormat TestPatternSource::format() const {
  return VideoFormat{config_.width, config_.height, config_.fps};
}

std::string TestPatternSource::description() const {
  std::ostringstream text;
  text << "test pattern " << config_.width << "x" << config_.height << " @ " << config_.fps
       << " fps";
  return text.str();
}

ReadStatus TestPatternSource::read(video::VideoFrame& frame) {
  const int64_t sequence = nextSequence_++;
  frame.captureTimeUs = clock_.nowUs();
  frame.sourceSequence = sequence;
  render(sequence, frame);
  FrameStampValue stamp;
  stamp.sequence = static_cast<uint32_t>(sequence);
  stamp.captureTimeMs = static_cast<uint64_t>(std::max<int64_t>(0, frame.captureTimeUs / 1000));
  FrameStamp::write(frame, stamp);
  return ReadStatus::kFrame;
}

void TestPatternSource::render(int64_t sequence, video::VideoFrame& frame) {
  const int width = config_.width;
  const int height = config_.height;
  frame.resize(width, height);
  const int chromaWidth = width / 2;
  const int chromaHeight = height / 2;

  // The background pans 4 luma px (2 chroma px: whole pixels in both planes)
  // a frame along the diagonal, one translation the encoder's motion search
  // finds; luma and chroma move together because VP8 predicts chroma with the
  // luma's motion vectors.
  //
  // Luma: a triangle-wave ramp along the diagonal, 128 px per period (about
  // 11 levels of change a frame at every pixel). Row r is the line from r on.
  const int64_t shift = sequence * 4;
  for (size_t i = 0; i < lumaLine_.size(); ++i) {
    const int phase = static_cast<int>((static_cast<int64_t>(i) + shift) % 128);
    const int ramp = phase < 64 ? phase : 127 - phase;
    lumaLine_[i] = static_cast<uint8_t>(32 + ramp * 176 / 63);
  }
  for (int row = 0; row < height; ++row) {
    std::memcpy(frame.y() + static_cast<size_t>(row) * width, lumaLine_.data() + row,
                static_cast<size_t>(width));
  }

  // Chroma: eight diagonal colour bars, one picture width per period.
  for (size_t i = 0; i < uLine_.size(); ++i) {
    const int64_t x = (static_cast<int64_t>(i) + shift / 2) % chromaWidth;
    const size_t bar = static_cast<size_t>(x * 8 / chromaWidth);
    uLine_[i] = kBarU[bar];
    vLine_[i] = kBarV[bar];
  }
  for (int row = 0; row < chromaHeight; ++row) {
    std::memcpy(frame.u() + static_cast<size_t>(row) * chromaWidth, uLine_.data() + row,
                static_cast<size_t>(chromaWidth));
    std::memcpy(frame.v() + static_cast<size_t>(row) * chromaWidth, vLine_.data() + row,
                static_cast<size_t>(chromaWidth));
  }

  // A bright box with a dark border bouncing below the stamp band; sizes and
  // speeds scale with the picture so every resolution moves alike.
  const int band = FrameStamp::bandHeight(width, height);
  const int side = std::max(8, (height / 4) & ~1);
  const int border = std::max(2, (side / 10) & ~1);
  const int speedX = std::max(2, (width / 160) & ~1);
  const int speedY = std::max(2, (height / 240) & ~1);
  const int boxX = bounce(sequence, speedX, width - side) & ~1;
  const int boxY = band + (bounce(sequence, speedY, std::max(0, height - band - side)) & ~1);
  const int boxH = std::min(side, height - boxY);
  fillRect(frame.y(), width, boxX, boxY, side, boxH, 24);
  if (boxH > 2 * border) {
    fillRect(frame.y(), width, boxX + border, boxY + border, side - 2 * border,
             boxH - 2 * border, 224);
  }
  fillRect(frame.u(), chromaWidth, boxX / 2, boxY / 2, side / 2, boxH / 2, 96);
  fillRect(frame.v(), chromaWidth, boxX / 2, boxY / 2, side / 2, boxH / 2, 200);
}

}  // namespace parley::capture

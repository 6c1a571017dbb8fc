#include "capture/test_pattern_source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "capture/frame_stamp.h"
#include "support/fake_clock.h"

namespace parley::capture {
namespace {

std::unique_ptr<TestPatternSource> makePattern(const TestPatternConfig& config,
                                               const Clock& clock) {
  std::string error;
  auto source = TestPatternSource::create(config, clock, error);
  EXPECT_NE(source, nullptr) << error;
  return source;
}

// Share of luma samples below the stamp band that changed by more than 8.
double changedBelowBand(const video::VideoFrame& a, const video::VideoFrame& b) {
  const size_t from = static_cast<size_t>(FrameStamp::bandHeight(a.width, a.height)) * a.width;
  const size_t to = static_cast<size_t>(a.width) * a.height;
  size_t changed = 0;
  for (size_t i = from; i < to; ++i) {
    changed += std::abs(a.data[i] - b.data[i]) > 8 ? 1 : 0;
  }
  return static_cast<double>(changed) / static_cast<double>(to - from);
}

TEST(TestPatternSourceTest, ReportsItsFormatAndIsSynthetic) {
  test::FakeClock clock;
  auto source = makePattern({320, 240, 25}, clock);
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->format().width, 320);
  EXPECT_EQ(source->format().height, 240);
  EXPECT_DOUBLE_EQ(source->format().fps, 25);
  EXPECT_FALSE(source->live());
  EXPECT_EQ(source->error(), "");
  EXPECT_NE(source->description().find("320x240"), std::string::npos);
}

TEST(TestPatternSourceTest, RejectsBadConfigurations) {
  test::FakeClock clock;
  const TestPatternConfig bad[] = {
      {321, 240, 30}, {320, 241, 30}, {120, 90, 30}, {8192, 480, 30},
      {320, 240, 0},  {320, 240, -1}, {320, 240, 1000},
  };
  for (const TestPatternConfig& config : bad) {
    std::string error;
    EXPECT_EQ(TestPatternSource::create(config, clock, error), nullptr)
        << config.width << "x" << config.height << " @ " << config.fps;
    EXPECT_FALSE(error.empty());
  }
}

TEST(TestPatternSourceTest, StampsSequenceAndCaptureTimeFromTheClock) {
  test::FakeClock clock(42'000'500);
  auto source = makePattern({640, 480, 30}, clock);
  ASSERT_NE(source, nullptr);
  video::VideoFrame frame;
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(source->read(frame), ReadStatus::kFrame);
    EXPECT_EQ(frame.width, 640);
    EXPECT_EQ(frame.height, 480);
    EXPECT_EQ(frame.data.size(), video::VideoFrame::sizeFor(640, 480));
    EXPECT_EQ(frame.sourceSequence, i);
    EXPECT_EQ(frame.captureTimeUs, clock.nowUs());
    const auto stamp = FrameStamp::read(frame);
    ASSERT_TRUE(stamp.has_value());
    EXPECT_EQ(stamp->sequence, static_cast<uint32_t>(i));
    EXPECT_EQ(stamp->captureTimeMs, static_cast<uint64_t>(clock.nowUs() / 1000));
    clock.advanceUs(33'333);
  }
}

TEST(TestPatternSourceTest, ConsecutiveFramesMove) {
  test::FakeClock clock;
  for (const TestPatternConfig& config :
       {TestPatternConfig{160, 120, 30}, TestPatternConfig{640, 480, 30},
        TestPatternConfig{1920, 1080, 30}}) {
    auto source = makePattern(config, clock);
    ASSERT_NE(source, nullptr);
    video::VideoFrame previous;
    video::VideoFrame current;
    ASSERT_EQ(source->read(previous), ReadStatus::kFrame);
    for (int i = 1; i < 4; ++i) {
      ASSERT_EQ(source->read(current), ReadStatus::kFrame);
      EXPECT_GT(changedBelowBand(previous, current), 0.3) << config.width << " frame " << i;
      EXPECT_NE(previous.data, current.data);
      std::swap(previous, current);
    }
  }
}

TEST(TestPatternSourceTest, PictureDependsOnlyOnTheSequence) {
  test::FakeClock clock;
  auto source = makePattern({320, 240, 30}, clock);
  ASSERT_NE(source, nullptr);
  video::VideoFrame a;
  video::VideoFrame b;
  source->render(17, a);
  source->render(17, b);
  EXPECT_EQ(a.data, b.data);
  // The unstamped picture has no stamp to read.
  EXPECT_FALSE(FrameStamp::read(a).has_value());
  // Chroma carries colour (not a grey picture).
  bool coloured = false;
  for (size_t i = static_cast<size_t>(320 * 240); i < a.data.size(); ++i) {
    coloured = coloured || a.data[i] < 100 || a.data[i] > 156;
  }
  EXPECT_TRUE(coloured);
}

}  // namespace
}  // namespace parley::capture

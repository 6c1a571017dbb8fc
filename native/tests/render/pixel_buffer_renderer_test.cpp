#include "render/pixel_buffer_renderer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "color_frames.h"
#include "recording_listener.h"
#include "support/fake_clock.h"

namespace parley::render {
namespace {

using Size = test::RecordingListener::Size;
constexpr int kTolerance = 6;

// A clock that moves 250 us each time it is read: render() reads it twice.
class TickingClock final : public Clock {
 public:
  int64_t nowUs() const override { return now_ += 250; }

 private:
  mutable int64_t now_ = 0;
};

class PixelBufferRendererTest : public ::testing::Test {
 protected:
  test::FakeClock clock_;
  test::RecordingListener listener_;
  PixelBufferRenderer renderer_{&listener_, clock_};
};

TEST_F(PixelBufferRendererTest, NothingDrawnUntilTargetSizeIsSet) {
  renderer_.render(test::solidFrame(64, 48, test::kRed));
  EXPECT_EQ(renderer_.pictureInfo().version, 0);
  uint8_t pixel[4];
  EXPECT_EQ(renderer_.copyPixels(pixel, sizeof pixel), 0);
  EXPECT_TRUE(listener_.firstFrames().empty());
  EXPECT_EQ(listener_.sizes(), (std::vector<Size>{{64, 48}}));  // the UI can lay out already
  EXPECT_EQ(renderer_.stats().framesNotDrawn, 1);
}

TEST_F(PixelBufferRendererTest, FirstFrameOnceAndCopyOut) {
  renderer_.setTargetSize(32, 24);
  for (int i = 0; i < 3; ++i) {
    renderer_.render(test::solidFrame(64, 48, test::kBlue));
  }
  EXPECT_EQ(listener_.firstFrames(), (std::vector<Size>{{64, 48}}));
  EXPECT_EQ(listener_.order(), (std::vector<std::string>{"size-changed", "first-frame"}));

  PixelBufferRenderer::PictureInfo info;
  std::vector<uint8_t> pixels(32 * 24 * 4);
  ASSERT_EQ(renderer_.copyPixels(pixels.data(), static_cast<int>(pixels.size()), &info),
            32 * 24 * 4);
  EXPECT_EQ(info.width, 32);
  EXPECT_EQ(info.height, 24);
  EXPECT_EQ(info.version, 3);
  for (size_t i = 0; i < pixels.size(); i += 4) {
    ASSERT_TRUE(test::bgraNear(&pixels[i], test::kBlue, kTolerance))
        << test::describeBgra(&pixels[i]);
  }
  EXPECT_EQ(renderer_.stats().framesRendered, 3);
}

TEST_F(PixelBufferRendererTest, SizeChangedWhenInputSizeChanges) {
  renderer_.setTargetSize(100, 100);
  renderer_.render(test::solidFrame(64, 48, test::kRed));
  renderer_.render(test::solidFrame(64, 48, test::kRed));
  renderer_.render(test::solidFrame(48, 64, test::kRed));  // the sender rotated
  renderer_.render(test::solidFrame(48, 64, test::kRed));
  EXPECT_EQ(listener_.sizes(), (std::vector<Size>{{64, 48}, {48, 64}}));
  EXPECT_EQ(listener_.firstFrames().size(), 1u);
  EXPECT_EQ(renderer_.stats().videoWidth, 48);
}

TEST_F(PixelBufferRendererTest, ResetEventsRaisesFirstFrameAgain) {
  renderer_.setTargetSize(8, 8);
  renderer_.render(test::solidFrame(16, 16, test::kRed));
  renderer_.resetEvents();
  renderer_.render(test::solidFrame(16, 16, test::kRed));
  EXPECT_EQ(listener_.firstFrames().size(), 2u);
}

TEST_F(PixelBufferRendererTest, CopyNeedsEnoughCapacity) {
  renderer_.setTargetSize(10, 10);
  renderer_.render(test::solidFrame(16, 16, test::kGreen));
  std::vector<uint8_t> small(100);
  PixelBufferRenderer::PictureInfo info;
  EXPECT_EQ(renderer_.copyPixels(small.data(), static_cast<int>(small.size()), &info), 0);
  EXPECT_EQ(info.byteSize(), 400);  // what to allocate
  std::vector<uint8_t> enough(static_cast<size_t>(info.byteSize()));
  EXPECT_EQ(renderer_.copyPixels(enough.data(), info.byteSize()), 400);
}

TEST_F(PixelBufferRendererTest, TargetResizeAppliesToNextFrame) {
  renderer_.setTargetSize(10, 10);
  renderer_.render(test::solidFrame(16, 16, test::kGreen));
  renderer_.setTargetSize(20, 5);
  EXPECT_EQ(renderer_.pictureInfo().width, 10);  // old picture until a new frame
  renderer_.render(test::solidFrame(16, 16, test::kGreen));
  EXPECT_EQ(renderer_.pictureInfo().width, 20);
  EXPECT_EQ(renderer_.pictureInfo().height, 5);
  renderer_.setTargetSize(0, 0);
  renderer_.render(test::solidFrame(16, 16, test::kGreen));
  EXPECT_EQ(renderer_.pictureInfo().version, 2);
  EXPECT_EQ(renderer_.stats().framesNotDrawn, 1);
}

TEST_F(PixelBufferRendererTest, ModeDecidesBarsOrCrop) {
  renderer_.setTargetSize(40, 10);  // much wider than 4:3
  std::vector<uint8_t> pixels(40 * 10 * 4);
  renderer_.render(test::solidFrame(64, 48, test::kWhite));
  renderer_.copyPixels(pixels.data(), static_cast<int>(pixels.size()));
  EXPECT_TRUE(test::bgraNear(&pixels[0], test::kBlack, 0));  // letterbox by default
  EXPECT_TRUE(test::bgraNear(&pixels[4 * (5 * 40 + 20)], test::kWhite, kTolerance));

  renderer_.setMode(RenderMode::kFullScreen);
  EXPECT_EQ(renderer_.mode(), RenderMode::kFullScreen);
  renderer_.render(test::solidFrame(64, 48, test::kWhite));
  renderer_.copyPixels(pixels.data(), static_cast<int>(pixels.size()));
  EXPECT_TRUE(test::bgraNear(&pixels[0], test::kWhite, kTolerance));
}

TEST_F(PixelBufferRendererTest, InvalidFrameGivesOneErrorAndNoCrash) {
  renderer_.setTargetSize(8, 8);
  video::VideoFrame odd(15, 16);
  video::VideoFrame shortData(16, 16);
  shortData.data.resize(10);
  video::VideoFrame empty;
  renderer_.render(odd);
  renderer_.render(odd);
  renderer_.render(shortData);
  renderer_.render(empty);
  ASSERT_EQ(listener_.errors().size(), 3u);  // the repeated odd frame once
  EXPECT_NE(listener_.errors()[0].find("15x16"), std::string::npos) << listener_.errors()[0];
  EXPECT_EQ(renderer_.stats().framesFailed, 4);
  EXPECT_TRUE(listener_.sizes().empty());
  EXPECT_EQ(renderer_.pictureInfo().version, 0);
}

TEST(PixelBufferRendererTimingTest, RecordsRenderDuration) {
  TickingClock clock;
  PixelBufferRenderer renderer(nullptr, clock);
  renderer.setTargetSize(4, 4);
  renderer.render(test::solidFrame(8, 8, test::kRed));
  EXPECT_EQ(renderer.stats().lastRenderDurationUs, 250);
}

// The UI thread copies while the render thread renders: every copy is one
// whole picture (all pixels the same colour), never half of two.
TEST(PixelBufferRendererThreadTest, ConcurrentCopiesSeeWholePictures) {
  PixelBufferRenderer renderer;
  renderer.setTargetSize(64, 48);
  const video::VideoFrame red = test::solidFrame(64, 48, test::kRed);
  const video::VideoFrame blue = test::solidFrame(64, 48, test::kBlue);
  std::atomic<bool> done{false};
  std::thread renderThread([&] {
    for (int i = 0; i < 300; ++i) {
      renderer.render(i % 2 == 0 ? red : blue);
    }
    done = true;
  });
  std::vector<uint8_t> pixels(64 * 48 * 4);
  int copies = 0;
  int torn = 0;
  while (!done || copies == 0) {
    if (renderer.copyPixels(pixels.data(), static_cast<int>(pixels.size())) == 0) {
      continue;
    }
    ++copies;
    const bool firstRed = test::bgraNear(&pixels[0], test::kRed, kTolerance);
    for (size_t i = 0; i < pixels.size(); i += 4) {
      if (test::bgraNear(&pixels[i], test::kRed, kTolerance) != firstRed) {
        ++torn;
        break;
      }
    }
  }
  renderThread.join();
  EXPECT_GT(copies, 0);
  EXPECT_EQ(torn, 0);
  EXPECT_EQ(renderer.pictureInfo().version, 300);
}

}  // namespace
}  // namespace parley::render

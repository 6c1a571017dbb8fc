#include "render/x11/x11_window_renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "color_frames.h"
#include "recording_listener.h"
#include "render/render_geometry.h"
#include "render/window_renderer_factory.h"
#include "x11_test_window.h"

namespace parley::render::x11 {
namespace {

constexpr int kTolerance = 8;
constexpr int kPictureWidth = 320;
constexpr int kPictureHeight = 240;

// Parameter: whether MIT-SHM may be used (true) or XPutImage is forced.
class X11WindowRendererTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const std::string why = test::x11Unavailable();
    if (!why.empty()) {
      GTEST_SKIP() << why;
    }
  }

  std::unique_ptr<test::X11TestWindow> openWindow(int width, int height) {
    auto window = test::X11TestWindow::open(width, height);
    EXPECT_NE(window, nullptr) << "cannot open a window on $DISPLAY";
    return window;
  }

  std::unique_ptr<X11WindowRenderer> createRenderer(Window window) {
    X11RendererOptions options;
    options.allowShm = GetParam();
    std::string why;
    auto renderer = X11WindowRenderer::create(window, &listener_, options, &why);
    EXPECT_NE(renderer, nullptr) << why;
    return renderer;
  }

  // Checks the window against the quadrant picture drawn with `mode`: the
  // centre of the visible part of each quadrant has its colour, the middle of
  // each bar is black.
  void expectPicture(const test::X11TestWindow& window, int width, int height, RenderMode mode) {
    SCOPED_TRACE(std::string(renderModeName(mode)) + " in " + std::to_string(width) + "x" +
                 std::to_string(height));
    const RenderGeometry g =
        computeRenderGeometry(kPictureWidth, kPictureHeight, width, height, mode);
    const auto shot = window.snapshot(width, height);
    ASSERT_TRUE(shot->valid());
    const Rect& s = g.source;
    const Rect& d = g.destination;
    for (int qy = 0; qy < 2; ++qy) {
      for (int qx = 0; qx < 2; ++qx) {
        const int left = std::max(s.x, qx * kPictureWidth / 2);
        const int right = std::min(s.x + s.width, (qx + 1) * kPictureWidth / 2);
        const int top = std::max(s.y, qy * kPictureHeight / 2);
        const int bottom = std::min(s.y + s.height, (qy + 1) * kPictureHeight / 2);
        const int px = (left + right) / 2;
        const int py = (top + bottom) / 2;
        const int wx = d.x + (px - s.x) * d.width / s.width;
        const int wy = d.y + (py - s.y) * d.height / s.height;
        const test::Rgb expected = test::quadrantColourAt(kPictureWidth, kPictureHeight, px, py);
        EXPECT_TRUE(test::rgbWordNear(shot->at(wx, wy), expected, kTolerance))
            << "window pixel (" << wx << "," << wy << ") = 0x" << std::hex << shot->at(wx, wy)
            << ", expected " << test::describe(expected);
      }
    }
    auto expectBlack = [&](int x, int y) {
      EXPECT_EQ(shot->at(x, y), 0u) << "bar pixel (" << x << "," << y << ")";
    };
    if (d.x > 0) {
      expectBlack(d.x / 2, height / 2);                                      // left bar
      expectBlack(d.x + d.width + (width - d.x - d.width) / 2, height / 2);  // right bar
    }
    if (d.y > 0) {
      expectBlack(width / 2, d.y / 2);
      expectBlack(width / 2, d.y + d.height + (height - d.y - d.height) / 2);
    }
  }

  test::RecordingListener listener_;
};

TEST_P(X11WindowRendererTest, DrawsColourBlocksInEachMode) {
  auto window = openWindow(400, 200);
  ASSERT_NE(window, nullptr);
  auto renderer = createRenderer(window->id());
  ASSERT_NE(renderer, nullptr);
  const video::VideoFrame frame = test::quadrantFrame(kPictureWidth, kPictureHeight);

  for (RenderMode mode : {RenderMode::kFullContent, RenderMode::kFullScreen, RenderMode::kAuto}) {
    renderer->setMode(mode);
    renderer->render(frame);
    expectPicture(*window, 400, 200, mode);
  }
  // 4:3 in 2:1 would lose a third when cropped: auto letterboxes, with bars.
  EXPECT_EQ(computeRenderGeometry(kPictureWidth, kPictureHeight, 400, 200, RenderMode::kAuto)
                .destination,
            (Rect{66, 0, 267, 200}));
  EXPECT_EQ(renderer->usingShm(), GetParam());
  EXPECT_EQ(renderer->stats().framesRendered, 3);
  EXPECT_EQ(listener_.firstFrames().size(), 1u);
  EXPECT_TRUE(listener_.errors().empty());
}

TEST_P(X11WindowRendererTest, FollowsWindowResize) {
  auto window = openWindow(400, 200);
  ASSERT_NE(window, nullptr);
  auto renderer = createRenderer(window->id());
  ASSERT_NE(renderer, nullptr);
  const video::VideoFrame frame = test::quadrantFrame(kPictureWidth, kPictureHeight);
  renderer->render(frame);
  expectPicture(*window, 400, 200, RenderMode::kFullContent);

  window->resize(200, 300);  // now taller than the picture: bars above and below
  renderer->render(frame);
  expectPicture(*window, 200, 300, RenderMode::kFullContent);

  window->resize(640, 480);  // larger than the first image: the new area is filled
  renderer->setMode(RenderMode::kFullScreen);
  renderer->render(frame);
  expectPicture(*window, 640, 480, RenderMode::kFullScreen);
  const auto shot = window->snapshot(640, 480);
  EXPECT_TRUE(test::rgbWordNear(shot->at(2, 2), test::kRed, kTolerance));
  EXPECT_TRUE(test::rgbWordNear(shot->at(637, 477), test::kWhite, kTolerance));
  EXPECT_TRUE(listener_.errors().empty());
  EXPECT_EQ(listener_.sizes().size(), 1u);  // the picture's size never changed
}

TEST_P(X11WindowRendererTest, DestroyedWindowGivesErrorNotCrash) {
  auto window = openWindow(160, 120);
  ASSERT_NE(window, nullptr);
  auto renderer = createRenderer(window->id());
  ASSERT_NE(renderer, nullptr);
  const video::VideoFrame frame = test::quadrantFrame(kPictureWidth, kPictureHeight);
  renderer->render(frame);
  window->destroy();
  renderer->render(frame);
  renderer->render(frame);
  ASSERT_EQ(listener_.errors().size(), 1u);  // reported once, not per frame
  EXPECT_NE(listener_.errors()[0].find("destroyed"), std::string::npos) << listener_.errors()[0];
  EXPECT_EQ(renderer->stats().framesRendered, 1);
  EXPECT_EQ(renderer->stats().framesFailed, 2);
  renderer.reset();  // closing after the window died is clean too
}

INSTANTIATE_TEST_SUITE_P(X11WindowRendererTest, X11WindowRendererTest,
                         ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Shm" : "PutImage");
                         });

class X11WindowRendererFactoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = test::x11Unavailable();
    if (!why.empty()) {
      GTEST_SKIP() << why;
    }
  }
};

TEST_F(X11WindowRendererFactoryTest, CreatesAnX11RendererForAWindowId) {
  auto window = test::X11TestWindow::open(64, 48);
  ASSERT_NE(window, nullptr);
  test::RecordingListener listener;
  std::string why;
  auto renderer = createWindowRenderer(window->id(), &listener, &why);
  ASSERT_NE(renderer, nullptr) << why;
  renderer->render(test::solidFrame(64, 48, test::kGreen));
  EXPECT_TRUE(test::rgbWordNear(window->snapshot(64, 48)->at(32, 24), test::kGreen, kTolerance));
  EXPECT_EQ(listener.firstFrames().size(), 1u);
}

TEST_F(X11WindowRendererFactoryTest, RefusesHandlesThatAreNotWindows) {
  std::string why;
  EXPECT_EQ(createWindowRenderer(0, nullptr, &why), nullptr);
  EXPECT_FALSE(why.empty());

  auto window = test::X11TestWindow::open(8, 8);
  ASSERT_NE(window, nullptr);
  const Window dead = window->id();
  window->destroy();
  why.clear();
  EXPECT_EQ(createWindowRenderer(dead, nullptr, &why), nullptr);  // BadWindow, trapped
  EXPECT_NE(why.find("does not exist"), std::string::npos) << why;
}

TEST_F(X11WindowRendererFactoryTest, RefusesADisplayThatCannotBeOpened) {
  X11RendererOptions options;
  options.displayName = ":4711";
  std::string why;
  EXPECT_EQ(X11WindowRenderer::create(1, nullptr, options, &why), nullptr);
  EXPECT_NE(why.find("cannot open X display"), std::string::npos) << why;
}

}  // namespace
}  // namespace parley::render::x11

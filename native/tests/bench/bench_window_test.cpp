// The bench drawing into a real X11 window (windowHandle != 0), under Xvfb:
// the run completes, frames are drawn and the window shows the picture.
// Skips without $DISPLAY.
#include <gtest/gtest.h>

#include <string>

#include "parley/parley.h"
#include "render/x11_test_window.h"

namespace parley {
namespace {

TEST(BenchWindowTest, DrawsTheReceivedVideoIntoTheWindow) {
  const std::string why = test::x11Unavailable();
  if (!why.empty()) GTEST_SKIP() << why;
  std::unique_ptr<test::X11TestWindow> window = test::X11TestWindow::open(320, 240);
  ASSERT_NE(window, nullptr);
  BenchSettings settings;
  settings.width = 320;
  settings.height = 240;
  settings.startKbps = 500;
  settings.maxKbps = 800;
  settings.seconds = 2;
  settings.warmupSeconds = 0.5;
  settings.audio = false;
  settings.windowHandle = static_cast<int64_t>(window->id());
  BenchRun run(settings);
  run.start();
  ASSERT_TRUE(run.waitFinished(120'000));
  const std::string json = run.resultJson();
  EXPECT_NE(json.find("\"completed\":true"), std::string::npos) << json;
  EXPECT_EQ(json.find("\"framesRendered\":0,"), std::string::npos) << json;
  // The last picture stays in the window: most of it is no longer the background.
  const auto snapshot = window->snapshot(320, 240);
  ASSERT_TRUE(snapshot->valid());
  int covered = 0;
  for (int y = 0; y < 240; y += 8) {
    for (int x = 0; x < 320; x += 8) {
      if (snapshot->at(x, y) != test::X11TestWindow::kBackground) ++covered;
    }
  }
  EXPECT_GT(covered, 40 * 30 / 2) << "the window was not drawn into";
}

}  // namespace
}  // namespace parley

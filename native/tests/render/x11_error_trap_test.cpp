// In its own test program: the first X11ErrorTrap of a process installs the
// handler and remembers the one before it, and this test controls which that
// is.
// GoogleTest before Xlib: <X11/Xlib.h> defines None and Bool as macros,
// which break GoogleTest's own declarations of those names.
#include <gtest/gtest.h>

#include <atomic>

#include "render/x11/x11_error_trap.h"

#include "x11_test_window.h"

namespace parley::render::x11 {
namespace {

std::atomic<int> foreignErrors{0};

int countingHandler(Display*, XErrorEvent*) {
  ++foreignErrors;
  return 0;
}

// A window id that no longer exists.
Window deadWindow() {
  auto window = test::X11TestWindow::open(8, 8);
  if (window == nullptr) {
    return 0;
  }
  const Window id = window->id();
  window->destroy();
  return id;
}

void provokeBadWindow(Display* display, Window window) {
  Window root;
  int x, y;
  unsigned width, height, border, depth;
  XGetGeometry(display, window, &root, &x, &y, &width, &height, &border, &depth);
  XSync(display, False);
}

TEST(X11ErrorTrapTest, KeepsOwnErrorsAndPassesOthersOn) {
  const std::string why = test::x11Unavailable();
  if (!why.empty()) {
    GTEST_SKIP() << why;
  }
  const Window dead = deadWindow();
  ASSERT_NE(dead, 0u);
  // Stands for AWT's handler, installed before Parley's first trap.
  XSetErrorHandler(&countingHandler);
  Display* ours = test::openTestDisplay();
  Display* foreign = test::openTestDisplay();
  ASSERT_NE(ours, nullptr);
  ASSERT_NE(foreign, nullptr);
  {
    X11ErrorTrap trap(ours);
    provokeBadWindow(ours, dead);
    provokeBadWindow(ours, dead);
    X11ErrorTrap::Error error;
    ASSERT_TRUE(trap.takeError(&error));
    EXPECT_EQ(error.errorCode, BadDrawable);  // GetGeometry takes a drawable
    EXPECT_EQ(error.count, 2);
    EXPECT_EQ(error.resourceId, dead);
    EXPECT_NE(error.text.find("BadDrawable"), std::string::npos) << error.text;
    EXPECT_FALSE(trap.takeError(&error));  // taken
    EXPECT_EQ(foreignErrors.load(), 0);

    provokeBadWindow(foreign, dead);  // not registered: the previous handler
    EXPECT_EQ(foreignErrors.load(), 1);
    EXPECT_FALSE(trap.takeError(&error));
  }
  provokeBadWindow(ours, dead);  // unregistered again: passed on too
  EXPECT_EQ(foreignErrors.load(), 2);
  XCloseDisplay(foreign);
  XCloseDisplay(ours);
}

}  // namespace
}  // namespace parley::render::x11

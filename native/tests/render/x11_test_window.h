// Test support for the X11 renderer tests: a window of the test's own, on its
// own connection, that the test maps, resizes, destroys and reads back.
#ifndef PARLEY_TESTS_RENDER_X11_TEST_WINDOW_H
#define PARLEY_TESTS_RENDER_X11_TEST_WINDOW_H

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <poll.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

namespace parley::test {

// Why X11 tests cannot run here, or "" when a display is available.
inline std::string x11Unavailable() {
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || *display == '\0') {
    return "no DISPLAY set: run the X11 renderer tests under xvfb-run";
  }
  return "";
}

// XOpenDisplay($DISPLAY), retried: Xvfb sometimes resets a connection opened
// right after another one closed (see openDisplay() in x11_window_renderer.cpp).
inline Display* openTestDisplay() {
  Display* display = nullptr;
  for (int attempt = 0; attempt < 5 && display == nullptr; ++attempt) {
    display = XOpenDisplay(nullptr);
  }
  return display;
}

class X11TestWindow {
 public:
  // Magenta (0xRRGGBB on the usual 24-bit TrueColor visual): anything the
  // renderer failed to cover, bars included, shows as this.
  static constexpr unsigned long kBackground = 0xFF00FF;

  // Opens $DISPLAY, creates a magenta width x height top-level window and waits
  // (at most ~2 s) until it is mapped. nullptr when that fails.
  static std::unique_ptr<X11TestWindow> open(int width, int height) {
    Display* display = openTestDisplay();
    if (display == nullptr) {
      return nullptr;
    }
    std::unique_ptr<X11TestWindow> window(new X11TestWindow(display));
    const int screen = DefaultScreen(display);
    window->id_ = XCreateSimpleWindow(display, RootWindow(display, screen), 0, 0,
                                      static_cast<unsigned>(width),
                                      static_cast<unsigned>(height), 0, kBackground, kBackground);
    XSelectInput(display, window->id_, StructureNotifyMask);
    XMapWindow(display, window->id_);
    return window->waitFor(MapNotify) ? std::move(window) : nullptr;
  }

  ~X11TestWindow() {
    if (id_ != 0) {
      XDestroyWindow(display_, id_);
    }
    XCloseDisplay(display_);
  }

  Window id() const { return id_; }
  Display* display() const { return display_; }

  // Resizes and waits until the server has done it.
  void resize(int width, int height) {
    XResizeWindow(display_, id_, static_cast<unsigned>(width), static_cast<unsigned>(height));
    XSync(display_, False);
  }

  void destroy() {
    XDestroyWindow(display_, id_);
    XSync(display_, False);
    id_ = 0;
  }

  // The window's pixels now, as 0xRRGGBB words.
  class Snapshot {
   public:
    explicit Snapshot(XImage* image) : image_(image) {}
    ~Snapshot() {
      if (image_ != nullptr) {
        XDestroyImage(image_);
      }
    }
    bool valid() const { return image_ != nullptr; }
    int width() const { return image_->width; }
    int height() const { return image_->height; }
    unsigned long at(int x, int y) const { return XGetPixel(image_, x, y) & 0xFFFFFF; }

   private:
    XImage* image_;
  };
  std::unique_ptr<Snapshot> snapshot(int width, int height) const {
    return std::make_unique<Snapshot>(XGetImage(display_, id_, 0, 0, static_cast<unsigned>(width),
                                                static_cast<unsigned>(height), AllPlanes, ZPixmap));
  }

 private:
  explicit X11TestWindow(Display* display) : display_(display) {}

  // Bounded wait for an event of `type` on the window: 100 polls of 20 ms.
  bool waitFor(int type) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      while (XPending(display_) > 0) {
        XEvent event;
        XNextEvent(display_, &event);
        if (event.type == type && event.xany.window == id_) {
          return true;
        }
      }
      pollfd fd{ConnectionNumber(display_), POLLIN, 0};
      poll(&fd, 1, 20);
    }
    return false;
  }

  Display* display_;
  Window id_ = 0;
};

}  // namespace parley::test

#endif  // PARLEY_TESTS_RENDER_X11_TEST_WINDOW_H

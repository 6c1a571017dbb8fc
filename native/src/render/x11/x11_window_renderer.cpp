#include "render/x11/x11_window_renderer.h"

#include <X11/Xlib.h>

#include <cstdio>
#include <utility>

#include "render/x11/x11_error_trap.h"
#include "render/x11/x11_image.h"

namespace parley::render::x11 {
namespace {

std::string hexId(unsigned long id) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%lx", id);
  return text;
}

// XOpenDisplay with a few immediate retries. Why: a connection opened right
// after another client's connection closed is sometimes reset by the server
// during the handshake (measured with Xvfb 21.1 here: about 1 in 10
// back-to-back close/open pairs fails with ECONNRESET/EAGAIN, and the
// immediate retry succeeded every time). That is exactly what happens when a
// renderer is replaced (window re-created, call restarted), and a failure
// would leave the window without video.
Display* openDisplay(const char* name) {
  constexpr int kAttempts = 5;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (Display* display = XOpenDisplay(name)) {
      return display;
    }
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<X11WindowRenderer> X11WindowRenderer::create(XWindowId window, Listener* listener,
                                                             const X11RendererOptions& options,
                                                             std::string* whyNot) {
  std::string ignored;
  std::string& why = whyNot != nullptr ? *whyNot : ignored;
  if (window == 0) {
    why = "no X11 window (handle 0)";
    return nullptr;
  }
  const char* name = options.displayName.empty() ? nullptr : options.displayName.c_str();
  Display* display = openDisplay(name);
  if (display == nullptr) {
    why = std::string("cannot open X display \"") + XDisplayName(name) + "\"";
    return nullptr;
  }
  // Trapped from the first request on: a bad id must give BadWindow here,
  // not the default handler's exit.
  auto trap = std::make_unique<X11ErrorTrap>(display);
  XWindowAttributes attributes{};
  const Status status = XGetWindowAttributes(display, window, &attributes);
  XSync(display, False);
  trap->clear();
  if (status == 0) {
    why = "X11 window " + hexId(window) + " does not exist on display \"" +
          DisplayString(display) + "\"";
  } else if (attributes.c_class == InputOnly) {
    why = "X11 window " + hexId(window) + " is InputOnly: it has no pixels";
  } else if (X11Image::supportsVisual(display, attributes.visual, attributes.depth, &why)) {
    auto image = std::make_unique<X11Image>(display, attributes.visual, attributes.depth, *trap,
                                            options.allowShm);
    GC gc = XCreateGC(display, window, 0, nullptr);
    XSync(display, False);
    trap->clear();  // a window destroyed just now shows at the first frame
    const Clock& clock = options.clock != nullptr ? *options.clock : SystemClock::instance();
    return std::unique_ptr<X11WindowRenderer>(new X11WindowRenderer(
        display, window, std::move(trap), std::move(image), gc, listener, clock));
  }
  trap.reset();
  XCloseDisplay(display);
  return nullptr;
}

X11WindowRenderer::X11WindowRenderer(Display* display, XWindowId window,
                                     std::unique_ptr<X11ErrorTrap> trap,
                                     std::unique_ptr<X11Image> image, GC gc, Listener* listener,
                                     const Clock& clock)
    : RendererBase(listener, clock),
      display_(display),
      window_(window),
      trap_(std::move(trap)),
      image_(std::move(image)),
      gc_(gc) {}

bool X11WindowRenderer::usingShm() const { return image_->usingShm(); }

X11WindowRenderer::~X11WindowRenderer() {
  image_.reset();  // detaches shared memory while the connection is open
  if (gc_ != nullptr) {
    XFreeGC(display_, gc_);
  }
  XSync(display_, False);  // every error of ours arrives while the trap exists
  trap_.reset();
  XCloseDisplay(display_);
}

RendererBase::DrawOutcome X11WindowRenderer::draw(const video::VideoFrame& frame,
                                                  RenderMode mode) {
  if (windowGone_) {
    return DrawOutcome::failed(goneMessage_);
  }
  Window root = 0;
  int x = 0;
  int y = 0;
  unsigned width = 0;
  unsigned height = 0;
  unsigned border = 0;
  unsigned depth = 0;
  if (XGetGeometry(display_, window_, &root, &x, &y, &width, &height, &border, &depth) == 0) {
    return failAndCheckWindow("cannot read the size of X11 window " + hexId(window_));
  }
  const RenderGeometry geometry = computeRenderGeometry(
      frame.width, frame.height, static_cast<int>(width), static_cast<int>(height), mode);
  if (geometry.drawsNothing()) {
    return DrawOutcome::nothingToDraw();
  }
  std::string error;
  if (!image_->ensureSize(static_cast<int>(width), static_cast<int>(height), &error)) {
    return failAndCheckWindow(error);
  }
  if (!converter_.convert(frame, geometry, image_->pixels())) {
    return DrawOutcome::nothingToDraw();
  }
  image_->put(window_, gc_);
  XSync(display_, False);
  X11ErrorTrap::Error xError;
  if (trap_->takeError(&xError)) {
    return failAndCheckWindow("cannot draw into X11 window " + hexId(window_));
  }
  return DrawOutcome::drawn();
}

RendererBase::DrawOutcome X11WindowRenderer::failAndCheckWindow(const std::string& what) {
  XSync(display_, False);
  X11ErrorTrap::Error xError;
  if (!trap_->takeError(&xError)) {
    return DrawOutcome::failed(what);
  }
  if (xError.errorCode == BadWindow || xError.errorCode == BadDrawable) {
    // The id is dead; the server may hand it to a new window of another
    // client later, so never draw with it again.
    windowGone_ = true;
    goneMessage_ = "X11 window " + hexId(window_) + " was destroyed (" + xError.text + ")";
    return DrawOutcome::failed(goneMessage_);
  }
  return DrawOutcome::failed(what + ": " + xError.text);
}

}  // namespace parley::render::x11

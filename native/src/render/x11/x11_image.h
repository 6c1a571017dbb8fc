// The client-side picture an X11 window renderer draws into and puts on
// screen: shared memory (MIT-SHM) when the server can read it, a plain XImage
// sent over the connection otherwise.
#ifndef PARLEY_RENDER_X11_X11_IMAGE_H
#define PARLEY_RENDER_X11_X11_IMAGE_H

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>

#include <cstdint>
#include <string>
#include <vector>

#include "render/frame_converter.h"
#include "render/x11/x11_error_trap.h"

namespace parley::render::x11 {

// A width x height picture in the window's pixel format, which must be 32 bits
// per pixel with red 0xFF0000, green 0xFF00, blue 0xFF (every 24- and 32-bit
// TrueColor visual of Xorg, Xvfb and XWayland): then its memory is a
// BgraTarget the converter writes into directly, no extra copy.
//
// MIT-SHM is tried first (XShmQueryExtension): the picture lives in a SysV
// shared memory segment the server reads, so a 1080p frame is not pushed
// through the socket. It is given up for good (XPutImage from then on) when
// attaching fails, as it does on a remote display where the server cannot
// see our memory (BadAccess), or when the server's byte order is not ours.
//
// Threading: the render thread that owns the Display. Every call that can
// raise an X error XSyncs and checks `trap` before returning.
class X11Image {
 public:
  X11Image(Display* display, Visual* visual, int depth, X11ErrorTrap& trap, bool allowShm);
  ~X11Image();  // release()
  X11Image(const X11Image&) = delete;
  X11Image& operator=(const X11Image&) = delete;

  // True when the visual/depth pair has the pixel format above; otherwise
  // `why` says what it is.
  static bool supportsVisual(Display* display, Visual* visual, int depth, std::string* why);

  // Makes the picture width x height (recreating it when the size changed,
  // e.g. after a window resize). False, with `error`, when it cannot.
  bool ensureSize(int width, int height, std::string* error);

  // The picture's memory; valid until the next ensureSize()/release().
  BgraTarget pixels() const;

  // Queues the whole picture for `drawable` at (0, 0). Nothing is flushed: the
  // caller XSyncs, which also guarantees that the server has finished reading
  // shared memory before the next frame overwrites it.
  void put(Drawable drawable, GC gc);

  // Detaches and frees the current picture (XSyncs when it was shared).
  void release();

  bool usingShm() const { return shared_; }
  int width() const { return image_ != nullptr ? image_->width : 0; }
  int height() const { return image_ != nullptr ? image_->height : 0; }

 private:
  bool createShared(int width, int height);
  bool createPlain(int width, int height, std::string* error);

  Display* const display_;
  Visual* const visual_;
  const int depth_;
  X11ErrorTrap& trap_;
  bool shmUsable_;
  XImage* image_ = nullptr;
  bool shared_ = false;
  XShmSegmentInfo segment_{};
  std::vector<uint8_t> plainPixels_;  // XPutImage path: our own memory
};

}  // namespace parley::render::x11

#endif  // PARLEY_RENDER_X11_X11_IMAGE_H

// Keeps Xlib protocol errors on Parley's own X connections from killing the
// process, and hands them to the renderer that caused them.
#ifndef PARLEY_RENDER_X11_X11_ERROR_TRAP_H
#define PARLEY_RENDER_X11_X11_ERROR_TRAP_H

#include <X11/Xlib.h>

#include <string>

namespace parley::render::x11 {

// Records the protocol errors (BadWindow, BadDrawable, BadAccess from a failed
// MIT-SHM attach, ...) raised on one Display connection, so that the code
// using the connection can check for them after an XSync.
//
// Why: Xlib reports errors through one process-wide handler, and the default
// handler prints the error and exits the process; a window destroyed under a
// renderer (the user closed the call window) would take the JVM down. The
// first trap installs Parley's handler with XSetErrorHandler, once for the
// process, and it stays installed. Errors on registered connections are
// recorded here and never passed on. Errors on any other connection (AWT's
// own, which AWT's handler expects to see for its own error trapping; a
// test's) go to the handler that was installed before, unchanged, so Parley
// changes nothing for connections it does not own.
//
// Threading: the handler runs on whichever thread made the failing Xlib call
// and may run concurrently for different connections; registration and the
// records are guarded by one process-wide mutex (never held across an Xlib
// call other than the one-time XSetErrorHandler). takeError() is called by the
// thread that uses the connection. Create the trap right after XOpenDisplay;
// destroy it after the last request was XSync'ed and before XCloseDisplay.
class X11ErrorTrap {
 public:
  explicit X11ErrorTrap(Display* display);
  ~X11ErrorTrap();
  X11ErrorTrap(const X11ErrorTrap&) = delete;
  X11ErrorTrap& operator=(const X11ErrorTrap&) = delete;

  // The first error recorded since the last call, and how many followed it.
  // Errors are delivered by Xlib when their reply or an XSync arrives: XSync
  // first to see everything sent so far. Returns false when there was none.
  struct Error {
    int errorCode = 0;    // BadWindow, BadDrawable, ...
    int requestCode = 0;  // major opcode of the failed request
    int minorCode = 0;
    unsigned long resourceId = 0;
    int count = 0;        // errors recorded since the last takeError()
    std::string text;     // "BadWindow (invalid Window parameter) in request 3.0 ..."
  };
  bool takeError(Error* error);

  // Drops any recorded error (after a request whose failure is expected).
  void clear() {
    Error ignored;
    takeError(&ignored);
  }

 private:
  Display* const display_;
};

}  // namespace parley::render::x11

#endif  // PARLEY_RENDER_X11_X11_ERROR_TRAP_H

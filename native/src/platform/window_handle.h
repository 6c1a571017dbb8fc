// The native window behind a heavyweight AWT component, obtained through JAWT.
#ifndef PARLEY_PLATFORM_WINDOW_HANDLE_H
#define PARLEY_PLATFORM_WINDOW_HANDLE_H

#include <jni.h>

#include <cstdint>
#include <string>

namespace parley::platform {

// The window id (X11 drawable on Linux, HWND on Windows) of `component`, a
// java.awt.Canvas or other heavyweight component. Preconditions: the component
// is displayable (added to a visible window: addNotify has run) and the JVM has
// loaded libjawt (System.loadLibrary("jawt")) before this call. Call from the
// AWT event thread. The id changes after removeNotify/addNotify: ask again.
// Returns 0 and sets `error` when there is no native window (not displayable,
// headless JVM, macOS where Parley renders into a pixel buffer instead).
int64_t nativeWindowHandle(JNIEnv* env, jobject component, std::string& error);

}  // namespace parley::platform

#endif  // PARLEY_PLATFORM_WINDOW_HANDLE_H

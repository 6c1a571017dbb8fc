// Per-platform half of window_handle.cpp: one implementation file per OS.
#ifndef PARLEY_PLATFORM_JAWT_PLATFORM_H
#define PARLEY_PLATFORM_JAWT_PLATFORM_H

#include <jawt.h>

#include <cstdint>
#include <string>

namespace parley::platform {

using GetAwtFunction = jboolean(JNICALL*)(JNIEnv*, JAWT*);

// JAWT_GetAWT from the libjawt the JVM already loaded, or null (error set).
GetAwtFunction findGetAwt(std::string& error);

// The window id inside JAWT_DrawingSurfaceInfo::platformInfo.
int64_t windowIdFromPlatformInfo(void* platformInfo);

}  // namespace parley::platform

#endif  // PARLEY_PLATFORM_JAWT_PLATFORM_H

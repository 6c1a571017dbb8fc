// JAWT on Linux/X11: the window id is the X11 drawable.
#include <dlfcn.h>
#include <jawt_md.h>

#include "platform/jawt_platform.h"

namespace parley::platform {

GetAwtFunction findGetAwt(std::string& error) {
  // Linking libjawt would tie the core (and its C++ tests) to a JDK folder and
  // to libawt's X11 dependencies; instead use the copy the JVM loaded.
  // System.loadLibrary does not load with RTLD_GLOBAL, so look it up by name.
  void* library = dlopen("libjawt.so", RTLD_NOW | RTLD_NOLOAD);
  if (library == nullptr) {
    error = "libjawt is not loaded (call System.loadLibrary(\"jawt\") first)";
    return nullptr;
  }
  auto function = reinterpret_cast<GetAwtFunction>(dlsym(library, "JAWT_GetAWT"));
  dlclose(library);  // drops only the reference NOLOAD took; the JVM keeps it loaded
  if (function == nullptr) {
    error = "libjawt has no JAWT_GetAWT";
  }
  return function;
}

int64_t windowIdFromPlatformInfo(void* platformInfo) {
  return static_cast<int64_t>(static_cast<JAWT_X11DrawingSurfaceInfo*>(platformInfo)->drawable);
}

}  // namespace parley::platform

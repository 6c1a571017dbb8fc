// JAWT on Windows: the window id is the HWND.
#include <windows.h>
// jawt_md.h needs windows.h first.
#include <jawt_md.h>

#include "platform/jawt_platform.h"

namespace parley::platform {

GetAwtFunction findGetAwt(std::string& error) {
  HMODULE library = GetModuleHandleA("jawt.dll");
  if (library == nullptr) {
    error = "jawt.dll is not loaded (call System.loadLibrary(\"jawt\") first)";
    return nullptr;
  }
  auto function = reinterpret_cast<GetAwtFunction>(
      reinterpret_cast<void*>(GetProcAddress(library, "JAWT_GetAWT")));
  if (function == nullptr) {
    error = "jawt.dll has no JAWT_GetAWT";
  }
  return function;
}

int64_t windowIdFromPlatformInfo(void* platformInfo) {
  return reinterpret_cast<int64_t>(static_cast<JAWT_Win32DrawingSurfaceInfo*>(platformInfo)->hwnd);
}

}  // namespace parley::platform

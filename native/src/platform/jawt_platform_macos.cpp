// JAWT on macOS: AWT offers a CALayer, not a window Parley could draw into
// with its renderers, so macOS renders into a pixel buffer that Swing paints.
#include "platform/jawt_platform.h"

namespace parley::platform {

GetAwtFunction findGetAwt(std::string& error) {
  error = "no native window rendering on macOS: use the pixel buffer";
  return nullptr;
}

int64_t windowIdFromPlatformInfo(void*) { return 0; }

}  // namespace parley::platform

#include "api/facade_codes.h"

#include <stdexcept>
#include <string>

#include "parley/parley.h"

namespace parley::api {

render::RenderMode renderModeFromCode(int code) {
  switch (code) {
    case kRenderFullContent:
      return render::RenderMode::kFullContent;
    case kRenderFullScreen:
      return render::RenderMode::kFullScreen;
    case kRenderAuto:
      return render::RenderMode::kAuto;
    default:
      throw std::invalid_argument("unknown render mode " + std::to_string(code));
  }
}

}  // namespace parley::api

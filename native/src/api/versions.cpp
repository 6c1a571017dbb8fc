// Facade: API version and the run-time versions of the loaded libraries.
#include <opencv2/core/utility.hpp>
#include <opus/opus.h>
#include <vpx/vpx_codec.h>

#include <string>

#include "parley/parley.h"

#ifndef PARLEY_CORE_VERSION
#error "PARLEY_CORE_VERSION must be defined by the build (CMake passes the project version)"
#endif

namespace parley {

int apiVersion() { return PARLEY_API_VERSION; }

const char* coreVersion() { return PARLEY_CORE_VERSION; }

// Each library is asked for its own version, so the answer describes the copy
// that the dynamic linker actually loaded, not the headers we compiled with.
const char* vpxVersion() { return vpx_codec_version_str(); }

const char* opusVersion() { return opus_get_version_string(); }

const char* opencvVersion() {
  static const std::string version = cv::getVersionString();
  return version.c_str();
}

}  // namespace parley

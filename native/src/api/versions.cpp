// Facade: API version and the run-time versions of the loaded libraries.
#include <opencv2/core/utility.hpp>
#include <opus/opus.h>
#include <portaudio.h>
#include <vpx/vpx_codec.h>

#include <string>

#include "parley/parley.h"
#include "srtp/lib_srtp.h"

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

const char* srtpVersion() {
  // Initialising libsrtp loads its crypto backend (NSS in Debian's build) and
  // runs the cipher self-tests, so this line proves SRTP can work, not only
  // that the library file was found.
  static const std::string version = [] {
    srtp::LibSrtp::Reference library;
    std::string text = srtp::LibSrtp::version();
    if (!library.ok()) {
      text += std::string(" (init failed: ") + srtp::LibSrtp::errorName(library.status()) + ")";
    }
    return text;
  }();
  return version.c_str();
}

const char* portAudioVersion() { return Pa_GetVersionText(); }

}  // namespace parley

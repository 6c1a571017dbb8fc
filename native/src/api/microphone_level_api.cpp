// Facade: parley::MicrophoneLevelMeter, forwarding to
// audio::MicrophoneLevelProbe with the facade's device names.
#include <stdexcept>

#include "api/audio_device_specs.h"
#include "audio/device/microphone_level_probe.h"
#include "parley/parley.h"

namespace parley {

MicrophoneLevelMeter::MicrophoneLevelMeter(const std::string& microphone) {
  audio::AudioInputSpec spec;
  try {
    spec = api::microphoneSpec(microphone);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(e.what());
  }
  std::string error;
  impl_ = audio::MicrophoneLevelProbe::open(spec, &error);
  if (!impl_) {
    throw std::runtime_error("microphone '" + microphone + "' cannot be opened: " +
                             (error.empty() ? "unknown reason" : error));
  }
}

MicrophoneLevelMeter::~MicrophoneLevelMeter() = default;

int MicrophoneLevelMeter::level() const { return impl_->level(); }

void MicrophoneLevelMeter::close() { impl_->close(); }

}  // namespace parley

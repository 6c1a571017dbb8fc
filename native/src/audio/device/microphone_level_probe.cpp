#include "audio/device/microphone_level_probe.h"

namespace parley::audio {

std::unique_ptr<MicrophoneLevelProbe> MicrophoneLevelProbe::open(const AudioInputSpec& spec,
                                                                 std::string* error,
                                                                 const Clock& clock) {
  std::unique_ptr<MicrophoneLevelProbe> probe(new MicrophoneLevelProbe());
  probe->input_ = openAudioInput(spec, error, clock);
  if (!probe->input_) return nullptr;
  probe->input_->setListener(static_cast<AudioDevice::Listener*>(probe.get()));
  if (!probe->input_->start(static_cast<AudioCaptureSink&>(*probe), error)) return nullptr;
  probe->name_ = probe->input_->name();
  return probe;
}

MicrophoneLevelProbe::~MicrophoneLevelProbe() { close(); }

int MicrophoneLevelProbe::level() const {
  if (silent_.load()) return 0;
  std::lock_guard<std::mutex> lock(mutex_);
  return meter_.level();
}

void MicrophoneLevelProbe::close() {
  silent_.store(true);
  if (input_) input_->stop();
}

void MicrophoneLevelProbe::onCapturedAudio(const int16_t* pcm, size_t samples,
                                           int64_t /*captureUs*/) {
  std::lock_guard<std::mutex> lock(mutex_);
  meter_.update(pcm, samples);
}

void MicrophoneLevelProbe::onAudioDeviceLost(const std::string& /*deviceName*/,
                                             const std::string& /*reason*/) {
  silent_.store(true);
}

}  // namespace parley::audio

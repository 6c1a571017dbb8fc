#include "audio/device/audio_devices.h"

#include "audio/device/null_sink.h"
#include "audio/device/port_audio_devices.h"
#include "audio/device/tone_source.h"
#include "audio/device/wav_file_sink.h"
#include "audio/device/wav_file_source.h"

namespace parley::audio {
namespace {

class PortAudioInputFactory final : public AudioInputFactory {
 public:
  explicit PortAudioInputFactory(const Clock& clock) : clock_(clock) {}
  std::unique_ptr<AudioInput> openDevice(const std::string& deviceId, int frameMs,
                                         std::string* error) override {
    return PortAudioInput::open(deviceId, frameMs, error, clock_);
  }

 private:
  const Clock& clock_;
};

class PortAudioOutputFactory final : public AudioOutputFactory {
 public:
  explicit PortAudioOutputFactory(const Clock& clock) : clock_(clock) {}
  std::unique_ptr<AudioOutput> openDevice(const std::string& deviceId, int frameMs,
                                          std::string* error) override {
    return PortAudioOutput::open(deviceId, frameMs, error, clock_);
  }

 private:
  const Clock& clock_;
};

}  // namespace

AudioInputSpec AudioInputSpec::device(const std::string& id) {
  AudioInputSpec spec;
  spec.deviceId = id;
  return spec;
}

AudioInputSpec AudioInputSpec::tone(double hz, double level) {
  AudioInputSpec spec;
  spec.kind = Kind::kTone;
  spec.toneHz = hz;
  spec.toneLevel = level;
  return spec;
}

AudioInputSpec AudioInputSpec::voice(double pitchHz, double level) {
  AudioInputSpec spec = tone(pitchHz, level);
  spec.kind = Kind::kVoice;
  return spec;
}

AudioInputSpec AudioInputSpec::wav(const std::string& path, bool loop) {
  AudioInputSpec spec;
  spec.kind = Kind::kWavFile;
  spec.wavPath = path;
  spec.loop = loop;
  return spec;
}

AudioOutputSpec AudioOutputSpec::device(const std::string& id) {
  AudioOutputSpec spec;
  spec.deviceId = id;
  return spec;
}

AudioOutputSpec AudioOutputSpec::null() {
  AudioOutputSpec spec;
  spec.kind = Kind::kNull;
  return spec;
}

AudioOutputSpec AudioOutputSpec::wav(const std::string& path) {
  AudioOutputSpec spec;
  spec.kind = Kind::kWavFile;
  spec.wavPath = path;
  return spec;
}

std::shared_ptr<AudioInputFactory> makePortAudioInputFactory(const Clock& clock) {
  return std::make_shared<PortAudioInputFactory>(clock);
}

std::shared_ptr<AudioOutputFactory> makePortAudioOutputFactory(const Clock& clock) {
  return std::make_shared<PortAudioOutputFactory>(clock);
}

std::unique_ptr<AudioInput> openAudioInput(const AudioInputSpec& spec, std::string* error,
                                           const Clock& clock) {
  switch (spec.kind) {
    case AudioInputSpec::Kind::kTone:
      return ToneAudioInput::create(spec.toneHz, spec.toneLevel, spec.frameMs, error, clock);
    case AudioInputSpec::Kind::kVoice:
      return ToneAudioInput::create(spec.toneHz, spec.toneLevel, spec.frameMs, error, clock,
                                    ToneAudioInput::Waveform::kVoice);
    case AudioInputSpec::Kind::kWavFile:
      return WavFileAudioInput::open(spec.wavPath, spec.loop, spec.frameMs, error, clock);
    case AudioInputSpec::Kind::kDevice:
      break;
  }
  if (!spec.followDefault) {
    return PortAudioInput::open(spec.deviceId, spec.frameMs, error, clock);
  }
  return FollowingAudioInput::open(makePortAudioInputFactory(clock), spec.deviceId, spec.frameMs,
                                   error, clock);
}

std::unique_ptr<AudioOutput> openAudioOutput(const AudioOutputSpec& spec, std::string* error,
                                             const Clock& clock) {
  switch (spec.kind) {
    case AudioOutputSpec::Kind::kNull:
      return NullAudioOutput::create(spec.frameMs, error, clock);
    case AudioOutputSpec::Kind::kWavFile:
      return WavFileAudioOutput::open(spec.wavPath, spec.frameMs, error, clock);
    case AudioOutputSpec::Kind::kDevice:
      break;
  }
  if (!spec.followDefault) {
    return PortAudioOutput::open(spec.deviceId, spec.frameMs, error, clock);
  }
  return FollowingAudioOutput::open(makePortAudioOutputFactory(clock), spec.deviceId, spec.frameMs,
                                    error, clock);
}

}  // namespace parley::audio

#include "audio/device/port_audio_devices.h"

#include <utility>

namespace parley::audio {
namespace {

std::unique_ptr<PortAudioStream> openStream(AudioDirection direction, const std::string& deviceId,
                                            int frameMs, const Clock& clock, std::string* error) {
  PortAudioStream::Config config;
  config.direction = direction;
  config.deviceId = deviceId;
  config.frameMs = frameMs;
  return PortAudioStream::open(config, clock, error);
}

}  // namespace

std::unique_ptr<PortAudioInput> PortAudioInput::open(const std::string& deviceId, int frameMs,
                                                     std::string* error, const Clock& clock) {
  auto stream = openStream(AudioDirection::kInput, deviceId, frameMs, clock, error);
  if (!stream) {
    return nullptr;
  }
  return std::unique_ptr<PortAudioInput>(new PortAudioInput(std::move(stream)));
}

bool PortAudioInput::start(AudioCaptureSink& sink, std::string* error) {
  return stream_->start(&sink, nullptr, listener(), error);
}

std::unique_ptr<PortAudioOutput> PortAudioOutput::open(const std::string& deviceId, int frameMs,
                                                       std::string* error, const Clock& clock) {
  auto stream = openStream(AudioDirection::kOutput, deviceId, frameMs, clock, error);
  if (!stream) {
    return nullptr;
  }
  return std::unique_ptr<PortAudioOutput>(new PortAudioOutput(std::move(stream)));
}

bool PortAudioOutput::start(AudioRenderSource& source, std::string* error) {
  return stream_->start(nullptr, &source, listener(), error);
}

}  // namespace parley::audio

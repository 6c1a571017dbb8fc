// The hardware AudioInput and AudioOutput: a PortAudioStream each.
#ifndef PARLEY_AUDIO_DEVICE_PORT_AUDIO_DEVICES_H
#define PARLEY_AUDIO_DEVICE_PORT_AUDIO_DEVICES_H

#include <memory>
#include <string>

#include "audio/device/audio_device.h"
#include "audio/device/port_audio_stream.h"
#include "common/clock.h"

namespace parley::audio {

// A microphone opened by id (from listAudioDevices) or "default". open()
// returns null with *error when there is no such device or it refuses 48 kHz
// mono 16-bit. Device loss is reported through the Listener (see
// PortAudioStream); this class does not fail over: wrap it in a
// FollowingAudioInput for that.
class PortAudioInput final : public AudioInput {
 public:
  static std::unique_ptr<PortAudioInput> open(const std::string& deviceId, int frameMs,
                                              std::string* error,
                                              const Clock& clock = SystemClock::instance());
  bool start(AudioCaptureSink& sink, std::string* error) override;
  void stop() override { stream_->stop(); }
  std::string name() const override { return stream_->deviceName(); }
  int frameMs() const override { return stream_->frameMs(); }

 private:
  explicit PortAudioInput(std::unique_ptr<PortAudioStream> stream) : stream_(std::move(stream)) {}
  std::unique_ptr<PortAudioStream> stream_;
};

// A speaker opened by id or "default"; same contract as PortAudioInput.
class PortAudioOutput final : public AudioOutput {
 public:
  static std::unique_ptr<PortAudioOutput> open(const std::string& deviceId, int frameMs,
                                               std::string* error,
                                               const Clock& clock = SystemClock::instance());
  bool start(AudioRenderSource& source, std::string* error) override;
  void stop() override { stream_->stop(); }
  std::string name() const override { return stream_->deviceName(); }
  int frameMs() const override { return stream_->frameMs(); }

 private:
  explicit PortAudioOutput(std::unique_ptr<PortAudioStream> stream) : stream_(std::move(stream)) {}
  std::unique_ptr<PortAudioStream> stream_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_PORT_AUDIO_DEVICES_H

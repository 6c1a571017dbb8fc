// A synthetic speaker that plays into nothing.
#ifndef PARLEY_AUDIO_DEVICE_NULL_SINK_H
#define PARLEY_AUDIO_DEVICE_NULL_SINK_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/paced_audio_thread.h"
#include "common/clock.h"

namespace parley::audio {

// An AudioOutput that pulls one frame per frame period from the source (on a
// PacedAudioThread, playoutUs = the frame's due time) and discards it, so the
// receive path (jitter buffer, decoder, concealment) runs exactly as it would
// with a speaker. create() fails only for a bad frame length.
class NullAudioOutput final : public AudioOutput {
 public:
  static std::unique_ptr<NullAudioOutput> create(int frameMs, std::string* error,
                                                 const Clock& clock = SystemClock::instance());
  ~NullAudioOutput() override;
  bool start(AudioRenderSource& source, std::string* error) override;
  void stop() override;
  std::string name() const override { return "Null output"; }
  int frameMs() const override { return frameMs_; }
  // Frames pulled from the source so far (any thread).
  int64_t framesPulled() const { return frames_.load(); }

 private:
  NullAudioOutput(int frameMs, const Clock& clock);

  const int frameMs_;
  const Clock& clock_;
  std::vector<int16_t> frame_;
  std::atomic<int64_t> frames_{0};
  std::unique_ptr<PacedAudioThread> thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_NULL_SINK_H

// A synthetic microphone: a sine tone, for machines without sound devices,
// tests and the bench.
#ifndef PARLEY_AUDIO_DEVICE_TONE_SOURCE_H
#define PARLEY_AUDIO_DEVICE_TONE_SOURCE_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/paced_audio_thread.h"
#include "common/clock.h"

namespace parley::audio {

// Generates a continuous sine wave at 48 kHz: successive generate() calls
// join without a phase jump. `level` is the peak amplitude as a fraction of
// full scale (0..1, clamped).
class ToneGenerator {
 public:
  ToneGenerator(double frequencyHz, double level);
  void generate(int16_t* pcm, size_t samples);
  double frequencyHz() const { return frequencyHz_; }

 private:
  double frequencyHz_;
  double amplitude_;
  double phase_ = 0;  // radians, kept in [0, 2 pi)
  double step_;
};

// An AudioInput that plays a ToneGenerator into the sink at real-time pace
// (PacedAudioThread on `clock`); captureUs is each frame's due time. Frames
// arrive on the pacing thread. create() fails for a frequency outside
// (0, 24000) Hz or a bad frame length.
class ToneAudioInput final : public AudioInput {
 public:
  static std::unique_ptr<ToneAudioInput> create(double frequencyHz, double level, int frameMs,
                                                std::string* error,
                                                const Clock& clock = SystemClock::instance());
  ~ToneAudioInput() override;
  bool start(AudioCaptureSink& sink, std::string* error) override;
  void stop() override;
  std::string name() const override;
  int frameMs() const override { return frameMs_; }

 private:
  ToneAudioInput(double frequencyHz, double level, int frameMs, const Clock& clock);

  ToneGenerator generator_;
  const int frameMs_;
  const Clock& clock_;
  std::vector<int16_t> frame_;
  std::unique_ptr<PacedAudioThread> thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_TONE_SOURCE_H

// Synthetic microphones: a sine tone, or a speech-like voice, for machines
// without sound devices, tests and the bench.
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

// A speech-like stand-in for a talking microphone: a harmonic series (8
// harmonics at 1/k amplitude, like voiced speech) whose pitch glides +-30 %
// around pitchHz (0.7 Hz) under a 4 Hz syllabic envelope (0.1..1), at 48 kHz,
// continuous across generate() calls. A steady sine is what a speech codec's
// voice activity detector files as background noise: Opus then codes no
// in-band FEC (LBRR, RFC 6716 section 4.2.4), so the bench and loss tests
// need this to exercise the FEC path of a real call. `level` is the peak
// amplitude as a fraction of full scale (0..1, clamped).
class VoiceGenerator {
 public:
  VoiceGenerator(double pitchHz, double level);
  void generate(int16_t* pcm, size_t samples);
  double pitchHz() const { return pitchHz_; }

 private:
  double pitchHz_;
  double amplitude_;
  double phase_ = 0;     // of the fundamental, radians, kept in [0, 2 pi)
  int64_t sample_ = 0;   // samples generated so far (for the glide and envelope)
};

// An AudioInput that plays a ToneGenerator (kSine) or VoiceGenerator (kVoice)
// into the sink at real-time pace (PacedAudioThread on `clock`); captureUs is
// each frame's due time. Frames arrive on the pacing thread. create() fails
// for a frequency outside (0, 24000) Hz (kVoice: (0, 2000) Hz, the pitch) or a
// bad frame length.
class ToneAudioInput final : public AudioInput {
 public:
  enum class Waveform { kSine, kVoice };

  static std::unique_ptr<ToneAudioInput> create(double frequencyHz, double level, int frameMs,
                                                std::string* error,
                                                const Clock& clock = SystemClock::instance(),
                                                Waveform waveform = Waveform::kSine);
  ~ToneAudioInput() override;
  bool start(AudioCaptureSink& sink, std::string* error) override;
  void stop() override;
  std::string name() const override;
  int frameMs() const override { return frameMs_; }

 private:
  ToneAudioInput(double frequencyHz, double level, int frameMs, const Clock& clock,
                 Waveform waveform);

  Waveform waveform_;
  ToneGenerator generator_;
  VoiceGenerator voice_;
  const int frameMs_;
  const Clock& clock_;
  std::vector<int16_t> frame_;
  std::unique_ptr<PacedAudioThread> thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_TONE_SOURCE_H

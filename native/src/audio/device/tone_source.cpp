#include "audio/device/tone_source.h"

#include <algorithm>
#include <cmath>

namespace parley::audio {
namespace {

constexpr double kTwoPi = 6.283185307179586;

}  // namespace

ToneGenerator::ToneGenerator(double frequencyHz, double level)
    : frequencyHz_(frequencyHz),
      amplitude_(std::clamp(level, 0.0, 1.0) * 32767.0),
      step_(kTwoPi * frequencyHz / kDeviceSampleRate) {}

void ToneGenerator::generate(int16_t* pcm, size_t samples) {
  for (size_t i = 0; i < samples; ++i) {
    pcm[i] = static_cast<int16_t>(std::lround(amplitude_ * std::sin(phase_)));
    phase_ += step_;
    if (phase_ >= kTwoPi) {
      phase_ -= kTwoPi;
    }
  }
}

VoiceGenerator::VoiceGenerator(double pitchHz, double level)
    : pitchHz_(pitchHz), amplitude_(std::clamp(level, 0.0, 1.0) * 32767.0) {}

void VoiceGenerator::generate(int16_t* pcm, size_t samples) {
  constexpr int kHarmonics = 8;
  constexpr double kHarmonicSum = 2.717857142857143;  // 1 + 1/2 + ... + 1/8: peak at most 1
  for (size_t i = 0; i < samples; ++i, ++sample_) {
    const double t = static_cast<double>(sample_) / kDeviceSampleRate;
    const double envelope = 0.55 + 0.45 * std::sin(kTwoPi * 4.0 * t);
    double value = 0;
    for (int k = 1; k <= kHarmonics; ++k) value += std::sin(k * phase_) / k;
    pcm[i] = static_cast<int16_t>(std::lround(amplitude_ * envelope * value / kHarmonicSum));
    const double pitch = pitchHz_ * (1.0 + 0.3 * std::sin(kTwoPi * 0.7 * t));
    phase_ += kTwoPi * pitch / kDeviceSampleRate;
    if (phase_ >= kTwoPi) phase_ -= kTwoPi;
  }
}

std::unique_ptr<ToneAudioInput> ToneAudioInput::create(double frequencyHz, double level,
                                                       int frameMs, std::string* error,
                                                       const Clock& clock, Waveform waveform) {
  std::string reason;
  if (waveform == Waveform::kVoice && !(frequencyHz > 0 && frequencyHz < 2000)) {
    reason = "voice pitch must be between 0 and 2000 Hz";
  } else if (!(frequencyHz > 0 && frequencyHz < kDeviceSampleRate / 2)) {
    reason = "tone frequency must be between 0 and 24000 Hz";
  } else if (!isValidDeviceFrameMs(frameMs)) {
    reason = "audio frame length must be 10 or 20 ms, not " + std::to_string(frameMs);
  }
  if (!reason.empty()) {
    if (error) {
      *error = reason;
    }
    return nullptr;
  }
  return std::unique_ptr<ToneAudioInput>(
      new ToneAudioInput(frequencyHz, level, frameMs, clock, waveform));
}

ToneAudioInput::ToneAudioInput(double frequencyHz, double level, int frameMs, const Clock& clock,
                               Waveform waveform)
    : waveform_(waveform),
      generator_(frequencyHz, level),
      voice_(frequencyHz, level),
      frameMs_(frameMs),
      clock_(clock),
      frame_(deviceFrameSamples(frameMs)) {}

ToneAudioInput::~ToneAudioInput() { stop(); }

bool ToneAudioInput::start(AudioCaptureSink& sink, std::string* error) {
  if (thread_) {
    if (error) {
      *error = "audio device already started";
    }
    return false;
  }
  thread_ = std::make_unique<PacedAudioThread>(clock_, frameMs_, [this, &sink](int64_t dueUs) {
    if (waveform_ == Waveform::kVoice) {
      voice_.generate(frame_.data(), frame_.size());
    } else {
      generator_.generate(frame_.data(), frame_.size());
    }
    sink.onCapturedAudio(frame_.data(), frame_.size(), dueUs);
  });
  return thread_->start();
}

void ToneAudioInput::stop() {
  if (thread_) {
    thread_->stop();
  }
}

std::string ToneAudioInput::name() const {
  return (waveform_ == Waveform::kVoice ? "Voice " : "Tone ") + std::to_string(static_cast<int>(std::lround(generator_.frequencyHz()))) + " Hz";
}

}  // namespace parley::audio

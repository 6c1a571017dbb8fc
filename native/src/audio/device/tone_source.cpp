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

std::unique_ptr<ToneAudioInput> ToneAudioInput::create(double frequencyHz, double level,
                                                       int frameMs, std::string* error,
                                                       const Clock& clock) {
  std::string reason;
  if (!(frequencyHz > 0 && frequencyHz < kDeviceSampleRate / 2)) {
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
  return std::unique_ptr<ToneAudioInput>(new ToneAudioInput(frequencyHz, level, frameMs, clock));
}

ToneAudioInput::ToneAudioInput(double frequencyHz, double level, int frameMs, const Clock& clock)
    : generator_(frequencyHz, level),
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
    generator_.generate(frame_.data(), frame_.size());
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
  return "Tone " + std::to_string(static_cast<int>(std::lround(generator_.frequencyHz()))) + " Hz";
}

}  // namespace parley::audio

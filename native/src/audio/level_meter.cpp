#include "audio/level_meter.h"

#include <algorithm>
#include <cmath>

namespace parley::audio {

LevelMeter::LevelMeter(int sampleRate, double decayDbPerSecond)
    : sampleRate_(std::max(sampleRate, 1)), decayDbPerSecond_(std::max(decayDbPerSecond, 0.0)) {}

double LevelMeter::rmsDbfs(const int16_t* pcm, size_t samples) {
  if (pcm == nullptr || samples == 0) return kFloorDbfs;
  double sum = 0;
  for (size_t i = 0; i < samples; ++i) {
    const double value = pcm[i];
    sum += value * value;
  }
  const double meanSquare = sum / static_cast<double>(samples);
  if (meanSquare <= 0) return kFloorDbfs;
  constexpr double kFullScale = 32768.0;
  const double dbfs = 10.0 * std::log10(meanSquare / (kFullScale * kFullScale));
  return std::clamp(dbfs, kFloorDbfs, 0.0);
}

void LevelMeter::update(const int16_t* pcm, size_t samples) {
  if (pcm == nullptr || samples == 0) return;
  lastDbfs_ = rmsDbfs(pcm, samples);
  const double seconds = static_cast<double>(samples) / sampleRate_;
  const double decayed = std::max(heldDbfs_ - decayDbPerSecond_ * seconds, kFloorDbfs);
  heldDbfs_ = std::max(lastDbfs_, decayed);
}

void LevelMeter::reset() {
  lastDbfs_ = kFloorDbfs;
  heldDbfs_ = kFloorDbfs;
}

int LevelMeter::rfc6464Level() const {
  return static_cast<int>(std::lround(std::clamp(-lastDbfs_, 0.0, 127.0)));
}

int LevelMeter::level() const {
  const double share = (heldDbfs_ - kFloorMeterDbfs) / -kFloorMeterDbfs;
  return static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * 100.0));
}

}  // namespace parley::audio

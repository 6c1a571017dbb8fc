#include "audio/time_stretch.h"

#include <algorithm>
#include <cmath>

namespace parley::audio {
namespace {

int16_t clamp16(double value) {
  return static_cast<int16_t>(std::clamp(std::lround(value), -32768L, 32767L));
}

}  // namespace

StretchLag findStretchLag(const std::vector<int16_t>& pcm, int minLag, int maxLag) {
  StretchLag best;
  const int size = static_cast<int>(pcm.size());
  if (minLag <= 0 || maxLag < minLag || size < 2 * maxLag) return best;
  best.correlation = -2;
  // Compare the first maxLag samples with the same span `lag` later.
  const int window = maxLag;
  double energyA = 0;
  for (int i = 0; i < window; ++i) energyA += static_cast<double>(pcm[i]) * pcm[i];
  for (int lag = minLag; lag <= maxLag; ++lag) {
    double cross = 0;
    double energyB = 0;
    for (int i = 0; i < window; ++i) {
      cross += static_cast<double>(pcm[i]) * pcm[i + lag];
      energyB += static_cast<double>(pcm[i + lag]) * pcm[i + lag];
    }
    const double norm = std::sqrt(energyA * energyB);
    const double correlation = norm > 0 ? cross / norm : 1.0;  // silence repeats perfectly
    if (correlation > best.correlation) {
      best.lag = lag;
      best.correlation = correlation;
      best.energy = (energyA + energyB) / (2.0 * window);
    }
  }
  return best;
}

void removeLag(std::vector<int16_t>& pcm, int lag) {
  if (lag <= 0 || static_cast<int>(pcm.size()) < 2 * lag) return;
  for (int i = 0; i < lag; ++i) {
    const double fadeIn = (i + 0.5) / lag;
    pcm[i] = clamp16(pcm[i] * (1.0 - fadeIn) + pcm[i + lag] * fadeIn);
  }
  pcm.erase(pcm.begin() + lag, pcm.begin() + 2 * lag);
}

void insertLag(std::vector<int16_t>& pcm, int lag) {
  if (lag <= 0 || static_cast<int>(pcm.size()) < 2 * lag) return;
  std::vector<int16_t> blend(static_cast<size_t>(lag));
  for (int i = 0; i < lag; ++i) {
    const double fadeIn = (i + 0.5) / lag;
    blend[i] = clamp16(pcm[lag + i] * (1.0 - fadeIn) + pcm[i] * fadeIn);
  }
  pcm.insert(pcm.begin() + lag, blend.begin(), blend.end());
}

}  // namespace parley::audio

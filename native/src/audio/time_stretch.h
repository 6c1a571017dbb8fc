// Time stretching of decoded audio by whole pitch periods (WSOLA-lite).
#ifndef PARLEY_AUDIO_TIME_STRETCH_H
#define PARLEY_AUDIO_TIME_STRETCH_H

#include <cstdint>
#include <vector>

namespace parley::audio {

// Finds the lag (in [minLag, maxLag] samples) at which the signal best repeats
// itself: the pitch period of voiced speech, a whole number of periods of a
// tone. Removing or repeating one such lag with a crossfade changes the length
// of the audio without changing its pitch, and is near-inaudible.
struct StretchLag {
  int lag = 0;
  double correlation = 0;  // normalised, -1..1; 1 for a perfectly periodic signal
  double energy = 0;       // mean square of the compared samples
};

// Mono 16-bit samples; needs size >= 2 * maxLag, 0 < minLag <= maxLag.
StretchLag findStretchLag(const std::vector<int16_t>& pcm, int minLag, int maxLag);

// Shortens pcm by `lag` samples: the first 2 * lag samples become one lag
// crossfaded from the first period into the second. Needs size >= 2 * lag.
void removeLag(std::vector<int16_t>& pcm, int lag);

// Lengthens pcm by `lag` samples: after the first lag samples, a crossfade from
// the second period back into the first repeats one period. Needs size >= 2 * lag.
void insertLag(std::vector<int16_t>& pcm, int lag);

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_TIME_STRETCH_H

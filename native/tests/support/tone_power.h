// Test support: how strong a tone is in a PCM signal.
#ifndef PARLEY_TESTS_SUPPORT_TONE_POWER_H
#define PARLEY_TESTS_SUPPORT_TONE_POWER_H

#include <cstdint>
#include <vector>

namespace parley::test {

// Power of `samples` at `frequency` Hz (Goertzel algorithm), for checking
// that a tone survives a codec or a jitter buffer.
double tonePower(const std::vector<int16_t>& samples, double frequency, int sampleRate = 48000);

}  // namespace parley::test

#endif  // PARLEY_TESTS_SUPPORT_TONE_POWER_H

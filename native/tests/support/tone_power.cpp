#include "support/tone_power.h"

#include <cmath>

namespace parley::test {

double tonePower(const std::vector<int16_t>& samples, double frequency, int sampleRate) {
  constexpr double kPi = 3.14159265358979323846;
  const double coefficient = 2.0 * std::cos(2.0 * kPi * frequency / sampleRate);
  double s1 = 0;
  double s2 = 0;
  for (int16_t sample : samples) {
    const double s0 = sample + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

}  // namespace parley::test

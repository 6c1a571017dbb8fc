// Test support: synthetic I420 frames and picture-quality measures.
#ifndef PARLEY_TESTS_SUPPORT_I420_PATTERN_H
#define PARLEY_TESTS_SUPPORT_I420_PATTERN_H

#include <cstdint>
#include <vector>

namespace parley::test {

// A packed I420 frame of width x height: gradients that drift with `index`
// and a bright square that moves across the picture, so consecutive frames
// differ the way camera motion does.
std::vector<uint8_t> movingPattern(int width, int height, int index);

// Peak signal-to-noise ratio in dB over all three planes of two packed I420
// frames of the same size (infinity when identical).
double psnr(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);

}  // namespace parley::test

#endif  // PARLEY_TESTS_SUPPORT_I420_PATTERN_H

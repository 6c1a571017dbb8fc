#include "support/i420_pattern.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace parley::test {

std::vector<uint8_t> movingPattern(int width, int height, int index) {
  const int cw = width / 2;
  const int ch = height / 2;
  std::vector<uint8_t> frame(static_cast<size_t>(width * height + 2 * cw * ch));
  uint8_t* y = frame.data();
  uint8_t* u = y + width * height;
  uint8_t* v = u + cw * ch;
  const int boxSize = height / 4;
  const int boxX = (index * 7) % (width - boxSize);
  const int boxY = (index * 3) % (height - boxSize);
  for (int row = 0; row < height; ++row) {
    for (int col = 0; col < width; ++col) {
      const bool inBox = col >= boxX && col < boxX + boxSize && row >= boxY && row < boxY + boxSize;
      y[row * width + col] =
          inBox ? 235 : static_cast<uint8_t>(16 + ((col + row + index * 4) % 200));
    }
  }
  for (int row = 0; row < ch; ++row) {
    for (int col = 0; col < cw; ++col) {
      u[row * cw + col] = static_cast<uint8_t>(64 + ((col * 128) / cw + index) % 128);
      v[row * cw + col] = static_cast<uint8_t>(64 + ((row * 128) / ch + index) % 128);
    }
  }
  return frame;
}

double psnr(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  if (a.size() != b.size() || a.empty()) {
    throw std::invalid_argument("psnr: frames differ in size");
  }
  double squaredError = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
    squaredError += d * d;
  }
  if (squaredError == 0) {
    return std::numeric_limits<double>::infinity();
  }
  const double mse = squaredError / static_cast<double>(a.size());
  return 10.0 * std::log10(255.0 * 255.0 / mse);
}

}  // namespace parley::test

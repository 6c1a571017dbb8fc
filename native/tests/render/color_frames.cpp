#include "color_frames.h"

#include <cmath>
#include <cstdlib>
#include <functional>

namespace parley::test {
namespace {

struct Yuv {
  uint8_t y, u, v;
};

// ITU-R BT.601, limited ("studio") range: what libyuv's I420ToARGB inverts.
Yuv toYuv(Rgb c) {
  const double r = c.r / 255.0;
  const double g = c.g / 255.0;
  const double b = c.b / 255.0;
  auto clamp8 = [](double v) {
    return static_cast<uint8_t>(std::lround(std::fmin(255.0, std::fmax(0.0, v))));
  };
  return {clamp8(16 + 65.481 * r + 128.553 * g + 24.966 * b),
          clamp8(128 - 37.797 * r - 74.203 * g + 112.0 * b),
          clamp8(128 + 112.0 * r - 93.786 * g - 18.214 * b)};
}

video::VideoFrame paint(int width, int height, const std::function<Rgb(int, int)>& colourAt) {
  video::VideoFrame frame(width, height);
  for (int row = 0; row < height; ++row) {
    for (int col = 0; col < width; ++col) {
      frame.y()[row * width + col] = toYuv(colourAt(col, row)).y;
    }
  }
  const int cw = width / 2;
  for (int row = 0; row < height / 2; ++row) {
    for (int col = 0; col < cw; ++col) {
      const Yuv yuv = toYuv(colourAt(2 * col, 2 * row));
      frame.u()[row * cw + col] = yuv.u;
      frame.v()[row * cw + col] = yuv.v;
    }
  }
  return frame;
}

bool near(int actual, int expected, int tolerance) {
  return std::abs(actual - expected) <= tolerance;
}

}  // namespace

video::VideoFrame solidFrame(int width, int height, Rgb colour) {
  return paint(width, height, [colour](int, int) { return colour; });
}

Rgb quadrantColourAt(int width, int height, int x, int y) {
  const bool right = x >= width / 2;
  const bool bottom = y >= height / 2;
  if (!bottom) {
    return right ? kGreen : kRed;
  }
  return right ? kWhite : kBlue;
}

video::VideoFrame quadrantFrame(int width, int height) {
  return paint(width, height,
               [width, height](int x, int y) { return quadrantColourAt(width, height, x, y); });
}

video::VideoFrame stripeFrame(int width, int height, Rgb left, Rgb middle, Rgb right) {
  return paint(width, height, [=](int x, int) {
    const int band = x * 3 / width;
    return band == 0 ? left : band == 1 ? middle : right;
  });
}

bool bgraNear(const uint8_t* pixel, Rgb expected, int tolerance) {
  return near(pixel[0], expected.b, tolerance) && near(pixel[1], expected.g, tolerance) &&
         near(pixel[2], expected.r, tolerance) && pixel[3] == 255;
}

bool rgbWordNear(unsigned long pixel, Rgb expected, int tolerance) {
  return near(static_cast<int>((pixel >> 16) & 0xFF), expected.r, tolerance) &&
         near(static_cast<int>((pixel >> 8) & 0xFF), expected.g, tolerance) &&
         near(static_cast<int>(pixel & 0xFF), expected.b, tolerance);
}

std::string describe(Rgb c) {
  return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
         ")";
}

std::string describeBgra(const uint8_t* p) {
  return "rgba(" + std::to_string(p[2]) + "," + std::to_string(p[1]) + "," + std::to_string(p[0]) +
         "," + std::to_string(p[3]) + ")";
}

}  // namespace parley::test

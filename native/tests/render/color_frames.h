// Test support for the renderer tests: I420 pictures of known colours and
// BGRA pixel checks.
#ifndef PARLEY_TESTS_RENDER_COLOR_FRAMES_H
#define PARLEY_TESTS_RENDER_COLOR_FRAMES_H

#include <cstdint>
#include <string>

#include "video/video_frame.h"

namespace parley::test {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
};

constexpr Rgb kRed{255, 0, 0};
constexpr Rgb kGreen{0, 255, 0};
constexpr Rgb kBlue{0, 0, 255};
constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kBlack{0, 0, 0};

// A picture of one colour (BT.601 limited range, libyuv's I420ToARGB matrix).
video::VideoFrame solidFrame(int width, int height, Rgb colour);

// Four quadrants: red top-left, green top-right, blue bottom-left, white
// bottom-right. Width and height must be multiples of 4.
video::VideoFrame quadrantFrame(int width, int height);

// Vertical stripes of equal width, left to right in the given colours.
video::VideoFrame stripeFrame(int width, int height, Rgb left, Rgb middle, Rgb right);

// The colour quadrantFrame() has at picture point (x, y).
Rgb quadrantColourAt(int width, int height, int x, int y);

// True when BGRA `pixel` (4 bytes B, G, R, A) is `expected`, each channel
// within `tolerance`, and opaque.
bool bgraNear(const uint8_t* pixel, Rgb expected, int tolerance);
// The same for an X11 pixel value 0xRRGGBB (alpha ignored).
bool rgbWordNear(unsigned long pixel, Rgb expected, int tolerance);

std::string describe(Rgb colour);
std::string describeBgra(const uint8_t* pixel);

}  // namespace parley::test

#endif  // PARLEY_TESTS_RENDER_COLOR_FRAMES_H

#include "render/frame_converter.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "color_frames.h"

namespace parley::render {
namespace {

using test::Rgb;

// libyuv's fixed-point YUV->RGB is within a few steps of the exact inverse.
constexpr int kTolerance = 6;

struct Canvas {
  Canvas(int w, int h, uint8_t fill = 0x5A) : width(w), height(h), pixels(4u * w * h, fill) {}
  BgraTarget target() { return {pixels.data(), width, height, 4 * width}; }
  const uint8_t* at(int x, int y) const { return &pixels[4u * (y * width + x)]; }
  int width, height;
  std::vector<uint8_t> pixels;
};

void expectAll(const Canvas& canvas, const Rect& area, Rgb colour) {
  int wrong = 0;
  for (int y = area.y; y < area.y + area.height; ++y) {
    for (int x = area.x; x < area.x + area.width; ++x) {
      if (!test::bgraNear(canvas.at(x, y), colour, kTolerance) && wrong++ < 3) {
        ADD_FAILURE() << "pixel (" << x << "," << y << ") is "
                      << test::describeBgra(canvas.at(x, y)) << ", expected "
                      << test::describe(colour);
      }
    }
  }
  EXPECT_EQ(wrong, 0);
}

void expectBlackBars(const Canvas& canvas, const Rect& picture) {
  int wrong = 0;
  for (int y = 0; y < canvas.height; ++y) {
    for (int x = 0; x < canvas.width; ++x) {
      const bool inside = x >= picture.x && x < picture.x + picture.width && y >= picture.y &&
                          y < picture.y + picture.height;
      const uint8_t* p = canvas.at(x, y);
      if (!inside && !(p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 255) && wrong++ < 3) {
        ADD_FAILURE() << "bar pixel (" << x << "," << y << ") is " << test::describeBgra(p);
      }
    }
  }
  EXPECT_EQ(wrong, 0);
}

struct ColourCase {
  const char* name;
  Rgb colour;
};

std::ostream& operator<<(std::ostream& out, const ColourCase& c) { return out << c.name; }

class FrameConverterColourTest : public ::testing::TestWithParam<ColourCase> {};

TEST_P(FrameConverterColourTest, SameSizeIsExactColour) {
  FrameConverter converter;
  Canvas canvas(64, 48);
  ASSERT_TRUE(converter.convert(test::solidFrame(64, 48, GetParam().colour),
                                RenderMode::kFullContent, canvas.target()));
  expectAll(canvas, {0, 0, 64, 48}, GetParam().colour);
}

TEST_P(FrameConverterColourTest, ScaledKeepsColour) {
  FrameConverter converter;
  Canvas up(100, 75);
  ASSERT_TRUE(converter.convert(test::solidFrame(64, 48, GetParam().colour),
                                RenderMode::kFullScreen, up.target()));
  expectAll(up, {0, 0, 100, 75}, GetParam().colour);
  Canvas down(33, 17);  // odd sizes: odd-sized scratch chroma planes
  ASSERT_TRUE(converter.convert(test::solidFrame(64, 48, GetParam().colour),
                                RenderMode::kFullScreen, down.target()));
  expectAll(down, {0, 0, 33, 17}, GetParam().colour);
}

INSTANTIATE_TEST_SUITE_P(FrameConverterTest, FrameConverterColourTest,
                         ::testing::Values(ColourCase{"red", test::kRed},
                                           ColourCase{"green", test::kGreen},
                                           ColourCase{"blue", test::kBlue},
                                           ColourCase{"white", test::kWhite},
                                           ColourCase{"black", test::kBlack}),
                         [](const ::testing::TestParamInfo<ColourCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(FrameConverterTest, BgraByteOrderInMemory) {
  FrameConverter converter;
  Canvas canvas(2, 2);
  ASSERT_TRUE(converter.convert(test::solidFrame(2, 2, test::kRed), RenderMode::kFullContent,
                                canvas.target()));
  const uint8_t* p = canvas.at(0, 0);
  EXPECT_LE(p[0], kTolerance);       // B
  EXPECT_LE(p[1], kTolerance);       // G
  EXPECT_GE(p[2], 255 - kTolerance);  // R
  EXPECT_EQ(p[3], 255);              // A
}

TEST(FrameConverterTest, LetterboxBarsAreOpaqueBlack) {
  FrameConverter converter;
  Canvas wide(200, 75);  // 4:3 picture in a wide target: bars left and right
  ASSERT_TRUE(converter.convert(test::solidFrame(64, 48, test::kWhite), RenderMode::kFullContent,
                                wide.target()));
  const Rect picture{50, 0, 100, 75};
  expectAll(wide, picture, test::kWhite);
  expectBlackBars(wide, picture);

  Canvas tall(64, 100);  // bars above and below
  ASSERT_TRUE(converter.convert(test::solidFrame(64, 48, test::kGreen), RenderMode::kFullContent,
                                tall.target()));
  const Rect band{0, 26, 64, 48};
  expectAll(tall, band, test::kGreen);
  expectBlackBars(tall, band);
}

TEST(FrameConverterTest, CropFillsTargetWithCentre) {
  FrameConverter converter;
  // 96x48 in stripes of 32: a 32x48 target in full-screen mode shows only the
  // middle stripe; in full-content mode all three, letterboxed.
  const video::VideoFrame frame = test::stripeFrame(96, 48, test::kRed, test::kGreen, test::kBlue);
  Canvas narrow(32, 48);
  ASSERT_TRUE(converter.convert(frame, RenderMode::kFullScreen, narrow.target()));
  expectAll(narrow, {0, 0, 32, 48}, test::kGreen);

  Canvas whole(96, 96);
  ASSERT_TRUE(converter.convert(frame, RenderMode::kFullContent, whole.target()));
  expectBlackBars(whole, {0, 24, 96, 48});
  EXPECT_TRUE(test::bgraNear(whole.at(10, 48), test::kRed, kTolerance));
  EXPECT_TRUE(test::bgraNear(whole.at(48, 48), test::kGreen, kTolerance));
  EXPECT_TRUE(test::bgraNear(whole.at(85, 48), test::kBlue, kTolerance));
}

TEST(FrameConverterTest, QuadrantsLandInPlace) {
  FrameConverter converter;
  Canvas canvas(160, 120);
  ASSERT_TRUE(converter.convert(test::quadrantFrame(64, 48), RenderMode::kFullContent,
                                canvas.target()));
  EXPECT_TRUE(test::bgraNear(canvas.at(40, 30), test::kRed, kTolerance));
  EXPECT_TRUE(test::bgraNear(canvas.at(120, 30), test::kGreen, kTolerance));
  EXPECT_TRUE(test::bgraNear(canvas.at(40, 90), test::kBlue, kTolerance));
  EXPECT_TRUE(test::bgraNear(canvas.at(120, 90), test::kWhite, kTolerance));
}

TEST(FrameConverterTest, RespectsTargetStride) {
  FrameConverter converter;
  const int stride = 4 * 10 + 12;  // padded rows, as an XImage or DIB may have
  std::vector<uint8_t> memory(static_cast<size_t>(stride) * 8, 0x77);
  ASSERT_TRUE(converter.convert(test::solidFrame(10, 8, test::kBlue), RenderMode::kFullContent,
                                BgraTarget{memory.data(), 10, 8, stride}));
  for (int y = 0; y < 8; ++y) {
    EXPECT_TRUE(test::bgraNear(&memory[static_cast<size_t>(y) * stride], test::kBlue, kTolerance));
    EXPECT_EQ(memory[static_cast<size_t>(y) * stride + 40], 0x77) << "padding of row " << y;
  }
}

TEST(FrameConverterTest, ZeroSizeTargetDrawsNothingAndLeavesTargetAlone) {
  FrameConverter converter;
  Canvas canvas(4, 4);
  const video::VideoFrame frame = test::solidFrame(64, 48, test::kRed);
  uint8_t* memory = canvas.pixels.data();
  EXPECT_FALSE(converter.convert(frame, RenderMode::kFullContent, BgraTarget{memory, 0, 0, 0}));
  EXPECT_FALSE(converter.convert(frame, RenderMode::kAuto, BgraTarget{memory, 4, 0, 16}));
  for (uint8_t byte : canvas.pixels) {
    ASSERT_EQ(byte, 0x5A);
  }
}

TEST(FrameConverterTest, RejectsGeometryOutsideFrameOrTarget) {
  FrameConverter converter;
  Canvas canvas(8, 8);
  const video::VideoFrame frame = test::solidFrame(16, 16, test::kRed);
  const RenderGeometry sourceOutsideFrame{{8, 8, 16, 16}, {0, 0, 8, 8}};
  const RenderGeometry destinationOutsideTarget{{0, 0, 16, 16}, {4, 4, 8, 8}};
  const RenderGeometry oddSourceOffset{{1, 0, 8, 8}, {0, 0, 8, 8}};
  EXPECT_FALSE(converter.convert(frame, sourceOutsideFrame, canvas.target()));
  EXPECT_FALSE(converter.convert(frame, destinationOutsideTarget, canvas.target()));
  EXPECT_FALSE(converter.convert(frame, oddSourceOffset, canvas.target()));
}

TEST(FrameConverterTest, ReusesScratchAtStableSizes) {
  FrameConverter converter;
  Canvas canvas(320, 180);
  const video::VideoFrame frame = test::quadrantFrame(640, 480);
  ASSERT_TRUE(converter.convert(frame, RenderMode::kFullContent, canvas.target()));
  const size_t capacity = converter.scratchCapacity();
  EXPECT_GT(capacity, 0u);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(converter.convert(frame, RenderMode::kFullContent, canvas.target()));
    EXPECT_EQ(converter.scratchCapacity(), capacity);
  }
}

}  // namespace
}  // namespace parley::render

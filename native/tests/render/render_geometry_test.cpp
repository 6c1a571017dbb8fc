#include "render/render_geometry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <random>
#include <string>

namespace parley::render {

std::ostream& operator<<(std::ostream& out, const Rect& r) {
  return out << "{" << r.x << "," << r.y << " " << r.width << "x" << r.height << "}";
}

namespace {

struct GeometryCase {
  const char* name;
  int sourceWidth, sourceHeight, targetWidth, targetHeight;
  RenderMode mode;
  Rect source;
  Rect destination;
};

std::ostream& operator<<(std::ostream& out, const GeometryCase& c) { return out << c.name; }

constexpr auto kContent = RenderMode::kFullContent;
constexpr auto kScreen = RenderMode::kFullScreen;
constexpr auto kAuto = RenderMode::kAuto;

const GeometryCase kCases[] = {
    {"same_aspect_full_content",
     640, 480, 320, 240, kContent, {0, 0, 640, 480}, {0, 0, 320, 240}},
    {"same_aspect_full_screen",
     640, 480, 320, 240, kScreen, {0, 0, 640, 480}, {0, 0, 320, 240}},
    {"same_aspect_auto",
     640, 480, 320, 240, kAuto, {0, 0, 640, 480}, {0, 0, 320, 240}},
    {"same_size_no_scaling",
     640, 480, 640, 480, kScreen, {0, 0, 640, 480}, {0, 0, 640, 480}},
    // 16:9 in 4:3: bars above and below, or the sides cut off.
    {"wider_source_full_content",
     1280, 720, 640, 480, kContent, {0, 0, 1280, 720}, {0, 60, 640, 360}},
    {"wider_source_full_screen",
     1280, 720, 640, 480, kScreen, {160, 0, 960, 720}, {0, 0, 640, 480}},
    // Portrait 3:4 in 4:3: bars left and right, or top and bottom cut off.
    {"taller_source_full_content",
     480, 640, 640, 480, kContent, {0, 0, 480, 640}, {140, 0, 360, 480}},
    {"taller_source_full_screen",
     480, 640, 640, 480, kScreen, {0, 140, 480, 360}, {0, 0, 640, 480}},
    // kAuto: crop when it loses <= 20% of the picture.
    {"auto_16x9_in_4x3_letterboxes_25pct_loss",
     1280, 720, 640, 480, kAuto, {0, 0, 1280, 720}, {0, 60, 640, 360}},
    {"auto_4x3_in_16x10_crops_17pct_loss",
     640, 480, 640, 400, kAuto, {0, 40, 640, 400}, {0, 0, 640, 400}},
    {"auto_16x9_in_16x10_crops_10pct_loss",
     1280, 720, 1280, 800, kAuto, {64, 0, 1152, 720}, {0, 0, 1280, 800}},
    {"auto_at_threshold_crops_exactly_20pct",
     640, 480, 640, 384, kAuto, {0, 48, 640, 384}, {0, 0, 640, 384}},
    {"auto_past_threshold_letterboxes",
     640, 480, 640, 383, kAuto, {0, 0, 640, 480}, {64, 0, 511, 383}},
    {"auto_portrait_in_landscape_letterboxes",
     360, 640, 1280, 720, kAuto, {0, 0, 360, 640}, {437, 0, 405, 720}},
    // Tiny targets still get at least one pixel, inside the target.
    {"tiny_target_1x1_full_content",
     640, 480, 1, 1, kContent, {0, 0, 640, 480}, {0, 0, 1, 1}},
    {"tiny_target_3x1_full_content",
     640, 480, 3, 1, kContent, {0, 0, 640, 480}, {1, 0, 1, 1}},
    {"tiny_target_2x2_full_screen",
     640, 480, 2, 2, kScreen, {80, 0, 480, 480}, {0, 0, 2, 2}},
    {"tiny_source_into_large_target",
     2, 2, 100, 50, kContent, {0, 0, 2, 2}, {25, 0, 50, 50}},
    {"narrow_target_crop_keeps_even_centre",
     1920, 1080, 100, 1000, kScreen, {906, 0, 108, 1080}, {0, 0, 100, 1000}},
    {"odd_source_treated_as_even",
     641, 481, 640, 480, kContent, {0, 0, 640, 480}, {0, 0, 640, 480}},
};

class RenderGeometryTableTest : public ::testing::TestWithParam<GeometryCase> {};

TEST_P(RenderGeometryTableTest, SourceAndDestination) {
  const GeometryCase& c = GetParam();
  const RenderGeometry g =
      computeRenderGeometry(c.sourceWidth, c.sourceHeight, c.targetWidth, c.targetHeight, c.mode);
  EXPECT_EQ(g.source, c.source);
  EXPECT_EQ(g.destination, c.destination);
  EXPECT_FALSE(g.drawsNothing());
}

INSTANTIATE_TEST_SUITE_P(RenderGeometryTest, RenderGeometryTableTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<GeometryCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(RenderGeometryTest, ZeroSizeTargetDrawsNothing) {
  for (RenderMode mode : {kContent, kScreen, kAuto}) {
    SCOPED_TRACE(renderModeName(mode));
    EXPECT_TRUE(computeRenderGeometry(640, 480, 0, 0, mode).drawsNothing());
    EXPECT_TRUE(computeRenderGeometry(640, 480, 0, 480, mode).drawsNothing());
    EXPECT_TRUE(computeRenderGeometry(640, 480, 640, 0, mode).drawsNothing());
    EXPECT_TRUE(computeRenderGeometry(640, 480, -5, 480, mode).drawsNothing());
  }
}

TEST(RenderGeometryTest, EmptyOrOnePixelSourceDrawsNothing) {
  EXPECT_TRUE(computeRenderGeometry(0, 0, 640, 480, kContent).drawsNothing());
  EXPECT_TRUE(computeRenderGeometry(1, 480, 640, 480, kContent).drawsNothing());
  EXPECT_TRUE(computeRenderGeometry(640, 1, 640, 480, kScreen).drawsNothing());
}

TEST(RenderGeometryTest, AutoResolvesByCropLoss) {
  EXPECT_EQ(resolveRenderMode(kAuto, 640, 480, 640, 384), kScreen);    // 20.0% lost
  EXPECT_EQ(resolveRenderMode(kAuto, 640, 480, 640, 383), kContent);   // 20.2% lost
  EXPECT_EQ(resolveRenderMode(kAuto, 480, 640, 384, 640), kScreen);    // the same, portrait
  EXPECT_EQ(resolveRenderMode(kAuto, 480, 640, 383, 640), kContent);
  EXPECT_EQ(resolveRenderMode(kAuto, 640, 480, 0, 0), kContent);
  EXPECT_EQ(resolveRenderMode(kContent, 640, 480, 640, 480), kContent);  // others unchanged
  EXPECT_EQ(resolveRenderMode(kScreen, 360, 640, 1280, 720), kScreen);
}

// Invariants over many random sizes: rectangles inside their frames, source
// even-aligned, crop covers the target, letterbox keeps the aspect ratio.
TEST(RenderGeometryTest, InvariantsHoldForRandomSizes) {
  std::mt19937 random(42);
  std::uniform_int_distribution<int> side(1, 4000);
  for (int i = 0; i < 20000; ++i) {
    const int sw = side(random) & ~1;
    const int sh = side(random) & ~1;
    const int tw = side(random);
    const int th = side(random);
    for (RenderMode mode : {kContent, kScreen, kAuto}) {
      const RenderGeometry g = computeRenderGeometry(sw, sh, tw, th, mode);
      if (sw < 2 || sh < 2) {
        ASSERT_TRUE(g.drawsNothing());
        continue;
      }
      SCOPED_TRACE(std::to_string(sw) + "x" + std::to_string(sh) + " -> " + std::to_string(tw) +
                   "x" + std::to_string(th) + " " + renderModeName(mode));
      const Rect& s = g.source;
      const Rect& d = g.destination;
      ASSERT_FALSE(g.drawsNothing());
      ASSERT_EQ((s.x | s.y | s.width | s.height) & 1, 0) << s;
      ASSERT_TRUE(s.x >= 0 && s.y >= 0 && s.x + s.width <= sw && s.y + s.height <= sh) << s;
      ASSERT_TRUE(d.x >= 0 && d.y >= 0 && d.x + d.width <= tw && d.y + d.height <= th) << d;
      if (resolveRenderMode(mode, sw, sh, tw, th) == kScreen) {
        ASSERT_EQ(d, (Rect{0, 0, tw, th}));
      } else {
        ASSERT_EQ(s, (Rect{0, 0, sw, sh}));
        ASSERT_TRUE(d.width == tw || d.height == th) << d;  // touches two edges
        // Bars are split evenly (the odd pixel goes after the picture).
        ASSERT_LE(std::abs((tw - d.width) - 2 * d.x), 1);
        ASSERT_LE(std::abs((th - d.height) - 2 * d.y), 1);
        // The picture keeps its shape: within the half pixel of rounding.
        if (d.width > 1 && d.height > 1) {
          const int64_t skew =
              static_cast<int64_t>(d.width) * sh - static_cast<int64_t>(d.height) * sw;
          ASSERT_LE(2 * std::abs(skew), std::max(sw, sh)) << d;
        }
      }
    }
  }
}

}  // namespace
}  // namespace parley::render

#include "capture/frame_stamp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>


namespace parley::capture {
namespace {

struct Size {
  int width;
  int height;
};

const Size kSizes[] = {{160, 120}, {176, 144}, {320, 240}, {640, 360},  {640, 480},
                       {960, 540}, {1280, 720}, {1920, 1080}, {1920, 200}, {128, 36}};

const FrameStampValue kValues[] = {
    {0, 0},
    {1, 1'000},
    {0xFFFFFFFFu, FrameStamp::kTimeMask},
    {0x80000001u, 1'712'345'678'901},  // an epoch-milliseconds time
    {123'456, 86'400'000},
};

// A mid-grey frame with some texture, so reads do not depend on a flat picture.
video::VideoFrame texturedFrame(int width, int height) {
  video::VideoFrame frame(width, height);
  for (int row = 0; row < height; ++row) {
    for (int col = 0; col < width; ++col) {
      frame.y()[row * width + col] = static_cast<uint8_t>(60 + (row * 7 + col * 3) % 120);
    }
  }
  std::memset(frame.u(), 100, static_cast<size_t>(width / 2) * (height / 2) * 2);
  return frame;
}

// Luma at the middle of block `index`.
uint8_t blockCentre(const video::VideoFrame& frame, int index) {
  const int block = FrameStamp::blockSize(frame.width, frame.height);
  const int x = (index % FrameStamp::kColumns) * block + block / 2;
  const int y = (index / FrameStamp::kColumns) * block + block / 2;
  return frame.y()[y * frame.width + x];
}

// Repaints block `index` of a stamped frame.
void paintBlock(video::VideoFrame& frame, int index, uint8_t value) {
  const int block = FrameStamp::blockSize(frame.width, frame.height);
  const int x = (index % FrameStamp::kColumns) * block;
  const int y = (index / FrameStamp::kColumns) * block;
  for (int row = y; row < y + block; ++row) {
    std::memset(frame.y() + row * frame.width + x, value, static_cast<size_t>(block));
  }
}

TEST(FrameStampTest, BlockSizeScalesWithThePicture) {
  EXPECT_EQ(FrameStamp::blockSize(160, 120), 4);
  EXPECT_EQ(FrameStamp::blockSize(320, 240), 8);
  EXPECT_EQ(FrameStamp::blockSize(640, 360), 16);
  EXPECT_EQ(FrameStamp::blockSize(640, 480), 16);
  EXPECT_EQ(FrameStamp::blockSize(960, 540), 16);
  EXPECT_EQ(FrameStamp::blockSize(1280, 720), 32);
  EXPECT_EQ(FrameStamp::blockSize(1920, 1080), 48);
  // A wide, short picture: the band stays within a third of the height.
  EXPECT_EQ(FrameStamp::blockSize(1920, 200), 16);
  EXPECT_LE(FrameStamp::bandHeight(1920, 200), 200 / 3);
  // Too small to carry a stamp.
  EXPECT_EQ(FrameStamp::blockSize(126, 120), 0);
  EXPECT_EQ(FrameStamp::blockSize(160, 34), 0);
}

TEST(FrameStampTest, RoundTripsOnRawFramesOfEverySize) {
  for (const Size& size : kSizes) {
    for (const FrameStampValue& value : kValues) {
      SCOPED_TRACE(std::to_string(size.width) + "x" + std::to_string(size.height) + " seq " +
                   std::to_string(value.sequence));
      video::VideoFrame frame = texturedFrame(size.width, size.height);
      ASSERT_TRUE(FrameStamp::write(frame, value));
      const std::optional<FrameStampValue> read = FrameStamp::read(frame);
      ASSERT_TRUE(read.has_value());
      EXPECT_EQ(read->sequence, value.sequence);
      EXPECT_EQ(read->captureTimeMs, value.captureTimeMs);
    }
  }
}

TEST(FrameStampTest, TimeKeepsItsLow48Bits) {
  video::VideoFrame frame = texturedFrame(320, 240);
  ASSERT_TRUE(FrameStamp::write(frame, {7, (uint64_t{1} << 50) + 42}));
  const auto read = FrameStamp::read(frame);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->captureTimeMs, 42u);
}

TEST(FrameStampTest, WritesOnlyTheBandAndNeutralChromaUnderIt) {
  video::VideoFrame frame = texturedFrame(640, 480);
  const video::VideoFrame before = frame;
  ASSERT_TRUE(FrameStamp::write(frame, {5, 5}));
  const int band = FrameStamp::bandHeight(640, 480);
  const int bandWidth = FrameStamp::kColumns * FrameStamp::blockSize(640, 480);
  for (int row = 0; row < 480; ++row) {
    for (int col = 0; col < 640; ++col) {
      const bool inBand = row < band && col < bandWidth;
      const size_t i = static_cast<size_t>(row) * 640 + col;
      if (!inBand) {
        ASSERT_EQ(frame.y()[i], before.y()[i]) << row << "," << col;
      } else {
        ASSERT_TRUE(frame.y()[i] == FrameStamp::kWhite || frame.y()[i] == FrameStamp::kBlack);
      }
    }
  }
  EXPECT_EQ(frame.u()[0], 128);
  EXPECT_EQ(frame.v()[(band / 2 - 1) * 320 + bandWidth / 2 - 1], 128);
  EXPECT_EQ(frame.u()[(band / 2) * 320], 100);  // first chroma row under the band
}

TEST(FrameStampTest, AnyFlippedBlockIsDetectedNotMisread) {
  video::VideoFrame stamped = texturedFrame(640, 480);
  ASSERT_TRUE(FrameStamp::write(stamped, {0x12345678u, 0x0000ABCDEF012345ull}));
  for (int index = 0; index < FrameStamp::kBits; ++index) {
    video::VideoFrame damaged = stamped;
    const bool white = blockCentre(damaged, index) == FrameStamp::kWhite;
    paintBlock(damaged, index, white ? FrameStamp::kBlack : FrameStamp::kWhite);
    EXPECT_FALSE(FrameStamp::read(damaged).has_value()) << "block " << index;
  }
}

TEST(FrameStampTest, AmbiguousOrMissingStampReadsNothing) {
  video::VideoFrame stamped = texturedFrame(320, 240);
  ASSERT_TRUE(FrameStamp::write(stamped, {99, 99}));
  video::VideoFrame grey = stamped;
  paintBlock(grey, 40, 128);  // neither black nor white
  EXPECT_FALSE(FrameStamp::read(grey).has_value());

  EXPECT_FALSE(FrameStamp::read(texturedFrame(320, 240)).has_value());
  video::VideoFrame black(320, 240);
  std::memset(black.data.data(), 16, black.data.size());
  EXPECT_FALSE(FrameStamp::read(black).has_value());
  video::VideoFrame white(320, 240);
  std::memset(white.data.data(), 235, white.data.size());
  EXPECT_FALSE(FrameStamp::read(white).has_value());
}

TEST(FrameStampTest, RandomBlockPicturesAreNotMistakenForStamps) {
  // Black and white blocks in the stamp's layout but random: the CRC must
  // turn (nearly) all of them away; with this seed, all.
  std::mt19937 random(99);
  video::VideoFrame frame = texturedFrame(320, 240);
  int misread = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    for (int index = 0; index < FrameStamp::kBits; ++index) {
      paintBlock(frame, index, random() % 2 != 0 ? FrameStamp::kWhite : FrameStamp::kBlack);
    }
    misread += FrameStamp::read(frame).has_value() ? 1 : 0;
  }
  EXPECT_EQ(misread, 0);
}

TEST(FrameStampTest, SurvivesModerateNoise) {
  video::VideoFrame frame = texturedFrame(640, 480);
  ASSERT_TRUE(FrameStamp::write(frame, {31337, 4242424242ull}));
  std::mt19937 random(7);
  std::uniform_int_distribution<int> noise(-40, 40);
  for (size_t i = 0; i < static_cast<size_t>(640 * 480); ++i) {
    frame.y()[i] = static_cast<uint8_t>(std::clamp(frame.y()[i] + noise(random), 0, 255));
  }
  const auto read = FrameStamp::read(frame);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, (FrameStampValue{31337, 4242424242ull}));
}

TEST(FrameStampTest, RefusesPicturesTooSmallOrOdd) {
  video::VideoFrame small(120, 90);
  EXPECT_FALSE(FrameStamp::write(small, {1, 1}));
  EXPECT_FALSE(FrameStamp::read(small).has_value());
  video::VideoFrame empty;
  EXPECT_FALSE(FrameStamp::write(empty, {1, 1}));
  EXPECT_FALSE(FrameStamp::read(empty).has_value());
  std::vector<uint8_t> plane(161 * 121, 16);
  std::vector<uint8_t> chroma(81 * 61, 128);
  EXPECT_FALSE(FrameStamp::write(plane.data(), 161, chroma.data(), chroma.data(), 81, 161, 121,
                                 {1, 1}));
  EXPECT_FALSE(FrameStamp::read(nullptr, 160, 160, 120).has_value());
  EXPECT_FALSE(FrameStamp::read(plane.data(), 100, 160, 120).has_value());  // stride < width
}

TEST(FrameStampTest, ReadsWithARowStride) {
  // A decoder's picture often has padded rows.
  video::VideoFrame frame = texturedFrame(320, 240);
  ASSERT_TRUE(FrameStamp::write(frame, {77, 7777}));
  const int stride = 384;
  std::vector<uint8_t> padded(static_cast<size_t>(stride) * 240, 0);
  for (int row = 0; row < 240; ++row) {
    std::memcpy(padded.data() + row * stride, frame.y() + row * 320, 320);
  }
  const auto read = FrameStamp::read(padded.data(), stride, 320, 240);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, (FrameStampValue{77, 7777}));
}

}  // namespace
}  // namespace parley::capture

#include "capture/y4m_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "capture/y4m_file_source.h"
#include "support/fake_clock.h"
#include "temp_dir.h"

namespace parley::capture {
namespace {

// One 4:2:0 frame's samples: luma (row * 3 + col + seed) % 200 + 16, chroma
// planes flat at 100 + seed and 150 + seed.
std::string frame420(int width, int height, int seed) {
  std::string samples;
  for (int row = 0; row < height; ++row) {
    for (int col = 0; col < width; ++col) {
      samples += static_cast<char>((row * 3 + col + seed) % 200 + 16);
    }
  }
  const size_t chroma = static_cast<size_t>((width + 1) / 2) * ((height + 1) / 2);
  samples += std::string(chroma, static_cast<char>(100 + seed));
  samples += std::string(chroma, static_cast<char>(150 + seed));
  return samples;
}

std::string frameMono(int width, int height, int seed) {
  return frame420(width, height, seed).substr(0, static_cast<size_t>(width) * height);
}

struct Y4mCase {
  std::string name;
  std::string bytes;
  bool opens;
  std::string errorContains;  // for files that must not open
};

std::vector<Y4mCase> cases() {
  const std::string good = "YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n";
  const std::string frames = "FRAME\n" + frame420(64, 48, 0) + "FRAME\n" + frame420(64, 48, 1);
  return {
      {"Good420jpeg", good + frames, true, ""},
      {"Good420paldv", "YUV4MPEG2 W64 H48 F25:1 C420paldv\n" + frames, true, ""},
      {"Good420mpeg2", "YUV4MPEG2 W64 H48 F25:1 C420mpeg2\n" + frames, true, ""},
      {"Plain420", "YUV4MPEG2 W64 H48 F25:1 C420\n" + frames, true, ""},
      {"NoColourTagMeans420", "YUV4MPEG2 W64 H48 F25:1\n" + frames, true, ""},
      {"NoRateTagMeans25", "YUV4MPEG2 W64 H48\n" + frames, true, ""},
      {"FrameParametersIgnored", good + "FRAME Ixyz Xfoo\n" + frame420(64, 48, 0), true, ""},
      {"Mono", "YUV4MPEG2 W64 H48 F30:1 Cmono\nFRAME\n" + frameMono(64, 48, 0), true, ""},
      {"OddSize", "YUV4MPEG2 W33 H25 F30:1\nFRAME\n" + frame420(33, 25, 0), true, ""},
      {"EmptyFile", "", false, "empty file"},
      {"BadMagic", "YUV4MPEG3 W64 H48 F30:1\n" + frames, false, "bad magic"},
      {"NotY4m", std::string("RIFF\0\0\0\0AVI LIST", 16) + std::string(5000, 'x'), false,
       "bad magic"},
      {"MagicRunsOn", "YUV4MPEG2X W64 H48\n" + frames, false, "bad magic"},
      {"MissingWidth", "YUV4MPEG2 H48 F30:1\n" + frames, false, "W (width)"},
      {"MissingHeight", "YUV4MPEG2 W64 F30:1\n" + frames, false, "H (height)"},
      {"ZeroWidth", "YUV4MPEG2 W0 H48\n" + frames, false, "bad width"},
      {"NegativeHeight", "YUV4MPEG2 W64 H-48\n" + frames, false, "bad height"},
      {"HugeWidth", "YUV4MPEG2 W100000 H48\n" + frames, false, "bad width"},
      {"TooSmall", "YUV4MPEG2 W1 H48\nFRAME\n" + std::string(72, 'a'), false, "too small"},
      {"BadRate", "YUV4MPEG2 W64 H48 F30:0\n" + frames, false, "bad frame rate"},
      {"RateWithoutColon", "YUV4MPEG2 W64 H48 F30\n" + frames, false, "bad frame rate"},
      {"Unsupported422", "YUV4MPEG2 W64 H48 C422\n" + frames, false,
       "unsupported colourspace 'C422'"},
      {"Unsupported444", "YUV4MPEG2 W64 H48 C444\n" + frames, false, "unsupported colourspace"},
      {"Unsupported10Bit", "YUV4MPEG2 W64 H48 C420p10\n" + frames, false,
       "unsupported colourspace"},
      {"HeaderOnly", good, false, "no frames"},
      {"HeaderUnterminated", "YUV4MPEG2 W64 H48" + std::string(5000, ' '), false,
       "not terminated"},
      {"TruncatedFrame", good + "FRAME\n" + frame420(64, 48, 0) + "FRAME\n" +
                             frame420(64, 48, 1).substr(0, 1000),
       false, "frame 1 is truncated: 1000 of 4608 bytes"},
      {"BadFrameMarker", good + "FRAMX\n" + frame420(64, 48, 0), false,
       "expected a FRAME line"},
      {"GarbageAfterLastFrame", good + frames + "junk", false, "frame 2: expected a FRAME line"},
  };
}

TEST(Y4mReaderTest, OpensGoodFilesAndRejectsBadOnesWithAReason) {
  test::TempDir dir;
  for (const Y4mCase& c : cases()) {
    SCOPED_TRACE(c.name);
    Y4mReader reader;
    const bool opened = reader.open(dir.write(c.name + ".y4m", c.bytes));
    EXPECT_EQ(opened, c.opens) << reader.error();
    if (c.opens) {
      EXPECT_EQ(reader.error(), "");
      video::VideoFrame frame;
      EXPECT_TRUE(reader.readFrame(frame)) << reader.error();
    } else {
      EXPECT_NE(reader.error().find(c.errorContains), std::string::npos) << reader.error();
      EXPECT_NE(reader.error().find(c.name), std::string::npos) << "names the file";
      video::VideoFrame frame;
      EXPECT_FALSE(reader.readFrame(frame));
    }
  }
}

TEST(Y4mReaderTest, MissingFileFails) {
  Y4mReader reader;
  EXPECT_FALSE(reader.open("/nonexistent/parley/clip.y4m"));
  EXPECT_NE(reader.error().find("cannot open"), std::string::npos);
}

TEST(Y4mReaderTest, ParsesHeaderTags) {
  Y4mHeader header;
  std::string error;
  ASSERT_TRUE(
      Y4mReader::parseHeader("YUV4MPEG2 W1280 H720 F30000:1001 It A1:1 C420paldv", header, error))
      << error;
  EXPECT_EQ(header.width, 1280);
  EXPECT_EQ(header.height, 720);
  EXPECT_EQ(header.fpsNumerator, 30000);
  EXPECT_EQ(header.fpsDenominator, 1001);
  EXPECT_NEAR(header.fps(), 29.97, 0.01);
  EXPECT_EQ(header.chroma, Y4mChroma::k420);
  EXPECT_EQ(header.colourspace, "420paldv");
  EXPECT_EQ(header.frameBytes(), 1280 * 720 * 3 / 2);
}

TEST(Y4mReaderTest, ReadsFramesInOrderAndLoops) {
  test::TempDir dir;
  const std::string path = dir.write(
      "two.y4m", "YUV4MPEG2 W64 H48 F30:1 C420jpeg\nFRAME\n" + frame420(64, 48, 0) +
                     "FRAME Ixyz\n" + frame420(64, 48, 1));
  Y4mReader reader;
  ASSERT_TRUE(reader.open(path)) << reader.error();
  EXPECT_EQ(reader.frameCount(), 2);
  const int expectedSeed[] = {0, 1, 0, 1, 0};
  for (int seed : expectedSeed) {
    video::VideoFrame frame;
    ASSERT_TRUE(reader.readFrame(frame)) << reader.error();
    ASSERT_EQ(frame.width, 64);
    ASSERT_EQ(frame.height, 48);
    const std::string expected = frame420(64, 48, seed);
    ASSERT_EQ(std::string(frame.data.begin(), frame.data.end()), expected) << "seed " << seed;
  }
}

TEST(Y4mReaderTest, CropsOddSizesToEven) {
  test::TempDir dir;
  const std::string path =
      dir.write("odd.y4m", "YUV4MPEG2 W33 H25 F30:1\nFRAME\n" + frame420(33, 25, 3));
  Y4mReader reader;
  ASSERT_TRUE(reader.open(path)) << reader.error();
  video::VideoFrame frame;
  ASSERT_TRUE(reader.readFrame(frame)) << reader.error();
  ASSERT_EQ(frame.width, 32);
  ASSERT_EQ(frame.height, 24);
  for (int row = 0; row < 24; ++row) {
    for (int col = 0; col < 32; ++col) {
      ASSERT_EQ(frame.y()[row * 32 + col], (row * 3 + col + 3) % 200 + 16) << row << "," << col;
    }
  }
  for (int i = 0; i < 16 * 12; ++i) {
    ASSERT_EQ(frame.u()[i], 103);
    ASSERT_EQ(frame.v()[i], 153);
  }
}

TEST(Y4mReaderTest, MonoGetsNeutralChroma) {
  test::TempDir dir;
  const std::string path =
      dir.write("mono.y4m", "YUV4MPEG2 W64 H48 F30:1 Cmono\nFRAME\n" + frameMono(64, 48, 2));
  Y4mReader reader;
  ASSERT_TRUE(reader.open(path)) << reader.error();
  video::VideoFrame frame;
  ASSERT_TRUE(reader.readFrame(frame)) << reader.error();
  EXPECT_EQ(std::string(frame.data.begin(), frame.data.begin() + 64 * 48), frameMono(64, 48, 2));
  for (size_t i = 64 * 48; i < frame.data.size(); ++i) {
    ASSERT_EQ(frame.data[i], 128);
  }
}

// Not a fuzzer, but the same idea in a unit test: seeded random damage to the
// header, the FRAME markers and the length of a good file. Every outcome must
// be a frame or a clear error; never a crash (the sanitizer build checks for
// out-of-bounds reads too).
TEST(Y4mReaderTest, DamagedFilesNeverCrash) {
  test::TempDir dir;
  const std::string good = "YUV4MPEG2 W34 H26 F30:1 C420jpeg\nFRAME\n" + frame420(34, 26, 0) +
                           "FRAME Ia\n" + frame420(34, 26, 1);
  const size_t headerEnd = good.find('\n') + 1;
  const size_t secondMarker = good.find("FRAME I");
  std::mt19937 random(1234);
  int opened = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string bytes = good;
    const int damage = static_cast<int>(random() % 4);
    if (damage == 0) {  // a byte of the header
      bytes[random() % headerEnd] = static_cast<char>(random());
    } else if (damage == 1) {  // a byte of a FRAME marker
      const size_t at = random() % 2 == 0 ? headerEnd : secondMarker;
      bytes[at + random() % 6] = static_cast<char>(random());
    } else if (damage == 2) {  // cut anywhere
      bytes.resize(random() % bytes.size());
    } else {  // a digit of W or H changed
      bytes[11 + random() % 6] = static_cast<char>('0' + random() % 10);
    }
    Y4mReader reader;
    if (reader.open(dir.write("damaged.y4m", bytes))) {
      ++opened;
      video::VideoFrame frame;
      for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(reader.readFrame(frame)) << reader.error();
        ASSERT_EQ(frame.data.size(), video::VideoFrame::sizeFor(frame.width, frame.height));
      }
    } else {
      ASSERT_FALSE(reader.error().empty());
    }
  }
  EXPECT_GT(opened, 0);    // some damage is harmless (a chroma sample, an X tag)
  EXPECT_LT(opened, 400);  // most is not
}

TEST(Y4mFileSourceTest, LoopsWithRunningSequenceAndClockTime) {
  test::TempDir dir;
  const std::string path = dir.write(
      "clip.y4m", "YUV4MPEG2 W64 H48 F25:1\nFRAME\n" + frame420(64, 48, 0) + "FRAME\n" +
                      frame420(64, 48, 1) + "FRAME\n" + frame420(64, 48, 2));
  test::FakeClock clock(9'000'000);
  std::string error;
  auto source = Y4mFileSource::open(path, clock, error);
  ASSERT_NE(source, nullptr) << error;
  EXPECT_FALSE(source->live());
  EXPECT_EQ(source->format().width, 64);
  EXPECT_EQ(source->format().height, 48);
  EXPECT_DOUBLE_EQ(source->format().fps, 25);
  EXPECT_EQ(source->frameCount(), 3);
  for (int i = 0; i < 7; ++i) {
    video::VideoFrame frame;
    ASSERT_EQ(source->read(frame), ReadStatus::kFrame) << source->error();
    EXPECT_EQ(frame.sourceSequence, i);
    EXPECT_EQ(frame.captureTimeUs, clock.nowUs());
    EXPECT_EQ(frame.u()[0], 100 + i % 3) << "frame " << i;
    clock.advanceMs(40);
  }
}

TEST(Y4mFileSourceTest, FileRemovedAfterOpenFailsCleanly) {
  test::TempDir dir;
  const std::string path =
      dir.write("gone.y4m", "YUV4MPEG2 W64 H48 F25:1\nFRAME\n" + frame420(64, 48, 0));
  test::FakeClock clock;
  std::string error;
  auto source = Y4mFileSource::open(path, clock, error);
  ASSERT_NE(source, nullptr) << error;
  // Shrink the file under the open reader: the next read finds it short.
  dir.write("gone.y4m", "YUV4MPEG2 W64 H48 F25:1\nFRAME\n");
  video::VideoFrame frame;
  EXPECT_EQ(source->read(frame), ReadStatus::kFailed);
  EXPECT_FALSE(source->error().empty());
  EXPECT_EQ(source->read(frame), ReadStatus::kFailed);
}

}  // namespace
}  // namespace parley::capture

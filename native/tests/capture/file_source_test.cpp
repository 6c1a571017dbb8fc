#include "capture/file_source.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>
#include <string>

#include "capture/mjpeg_file_source.h"
#include "support/fake_clock.h"
#include "temp_dir.h"

namespace parley::capture {
namespace {

constexpr int kClipFrames = 5;
constexpr double kClipFps = 25;

// Grey level of clip frame i (BGR), and the studio-range luma it becomes.
int clipLevel(int i) { return 40 + 40 * i; }
double expectedLuma(int i) { return 16 + 219.0 * clipLevel(i) / 255.0; }

// Writes a short MJPEG AVI with OpenCV's built-in writer: frame i is flat grey
// clipLevel(i), with a white square whose position also depends on i.
std::string writeClip(const test::TempDir& dir, const std::string& name, cv::Size size) {
  const std::string path = dir.path(name);
  cv::VideoWriter writer(path, cv::CAP_OPENCV_MJPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'),
                         kClipFps, size);
  EXPECT_TRUE(writer.isOpened());
  for (int i = 0; i < kClipFrames; ++i) {
    cv::Mat picture(size, CV_8UC3, cv::Scalar::all(clipLevel(i)));
    writer.write(picture);
  }
  writer.release();
  return path;
}

double meanLuma(const video::VideoFrame& frame) {
  double sum = 0;
  for (int i = 0; i < frame.width * frame.height; ++i) {
    sum += frame.y()[i];
  }
  return sum / (frame.width * frame.height);
}

TEST(MjpegFileSourceTest, ReadsTheClipCroppedToEvenAndLoops) {
  test::TempDir dir;
  const std::string path = writeClip(dir, "clip.avi", cv::Size(171, 121));
  test::FakeClock clock(3'000'000);
  std::string error;
  auto source = openFileSource(path, clock, error);
  ASSERT_NE(source, nullptr) << error;
  EXPECT_FALSE(source->live());
  EXPECT_EQ(source->format().width, 170);
  EXPECT_EQ(source->format().height, 120);
  EXPECT_NEAR(source->format().fps, kClipFps, 0.01);
  EXPECT_NE(source->description().find("MJPEG"), std::string::npos);

  for (int i = 0; i < 3 * kClipFrames + 2; ++i) {
    video::VideoFrame frame;
    ASSERT_EQ(source->read(frame), ReadStatus::kFrame) << "frame " << i << ": " << source->error();
    ASSERT_EQ(frame.width, 170);
    ASSERT_EQ(frame.height, 120);
    EXPECT_EQ(frame.sourceSequence, i);
    EXPECT_EQ(frame.captureTimeUs, clock.nowUs());
    EXPECT_NEAR(meanLuma(frame), expectedLuma(i % kClipFrames), 4.0) << "frame " << i;
    EXPECT_NEAR(frame.u()[0], 128, 4);  // grey has neutral chroma
    clock.advanceMs(40);
  }
  EXPECT_EQ(source->error(), "");
}

TEST(MjpegFileSourceTest, OpensDirectlyToo) {
  test::TempDir dir;
  const std::string path = writeClip(dir, "direct.avi", cv::Size(320, 240));
  test::FakeClock clock;
  std::string error;
  auto source = MjpegFileSource::open(path, clock, error);
  ASSERT_NE(source, nullptr) << error;
  EXPECT_EQ(source->format().width, 320);
  EXPECT_EQ(source->format().height, 240);
}

TEST(MjpegFileSourceTest, DeletedFileFailsWhenItShouldLoop) {
  test::TempDir dir;
  const std::string path = writeClip(dir, "deleted.avi", cv::Size(160, 120));
  test::FakeClock clock;
  std::string error;
  auto source = MjpegFileSource::open(path, clock, error);
  ASSERT_NE(source, nullptr) << error;
  std::filesystem::remove(path);
  video::VideoFrame frame;
  ReadStatus status = ReadStatus::kFrame;
  for (int i = 0; i < 2 * kClipFrames && status == ReadStatus::kFrame; ++i) {
    status = source->read(frame);
  }
  EXPECT_EQ(status, ReadStatus::kFailed);
  EXPECT_NE(source->error().find("deleted.avi"), std::string::npos) << source->error();
  EXPECT_EQ(source->read(frame), ReadStatus::kFailed);
}

TEST(FileSourceTest, PicksTheReaderByContentNotByName) {
  test::TempDir dir;
  const std::string y4m = dir.write("actually-y4m.avi",
                                    "YUV4MPEG2 W64 H48 F30:1\nFRAME\n" + std::string(64 * 48 * 3 / 2, 'x'));
  test::FakeClock clock;
  std::string error;
  auto source = openFileSource(y4m, clock, error);
  ASSERT_NE(source, nullptr) << error;
  EXPECT_NE(source->description().find("Y4M"), std::string::npos);
  EXPECT_EQ(source->format().width, 64);
}

TEST(FileSourceTest, BadFilesGiveAReason) {
  test::TempDir dir;
  test::FakeClock clock;
  struct Case {
    std::string name;
    std::string path;
    std::string errorContains;
  };
  const Case bad[] = {
      {"Missing", dir.path("missing.avi"), "cannot open"},
      {"Text", dir.write("notes.txt", "hello"), "unsupported file"},
      {"Empty", dir.write("empty.avi", ""), "unsupported file"},
      {"GarbageAvi",
       dir.write("garbage.avi", std::string("RIFF\x10\0\0\0AVI LIST", 16) + std::string(4000, '\x5a')),
       "not an MJPEG AVI"},
      {"TruncatedY4m", dir.write("cut.y4m", "YUV4MPEG2 W64 H48\nFRAME\nabc"), "truncated"},
  };
  for (const Case& c : bad) {
    SCOPED_TRACE(c.name);
    std::string error;
    EXPECT_EQ(openFileSource(c.path, clock, error), nullptr);
    EXPECT_NE(error.find(c.errorContains), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace parley::capture

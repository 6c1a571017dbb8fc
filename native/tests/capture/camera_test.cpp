// Cameras without a camera: this machine has none, so these tests cover the
// listing against a fake sysfs tree and every way opening can fail.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "capture/camera_enumerator.h"
#include "capture/camera_source.h"
#include "capture/mat_to_i420.h"
#include "support/fake_clock.h"
#include "temp_dir.h"

#if defined(__linux__)
#include "capture/v4l2_device_names.h"
#endif

namespace parley::capture {
namespace {

using std::chrono::steady_clock;

#if defined(__linux__)
TEST(V4l2CameraNamesTest, ListsCaptureNodesOfAFakeSysfsTree) {
  test::TempDir dir;
  const std::string sysfs = dir.path("sys/class/video4linux");
  const std::string dev = dir.path("dev");  // holds no nodes: capabilities unknown
  // A UVC camera: capture node (index 0) and metadata node (index 1).
  dir.write("sys/class/video4linux/video0/name", "Integrated Camera: Integrated C\n");
  dir.write("sys/class/video4linux/video0/index", "0\n");
  dir.write("sys/class/video4linux/video1/name", "Integrated Camera: Integrated C\n");
  dir.write("sys/class/video4linux/video1/index", "1\n");
  // A driver without index files, one without a name, a two-digit node.
  dir.write("sys/class/video4linux/video2/name", "USB Capture HDMI");
  dir.write("sys/class/video4linux/video3/index", "0");
  dir.write("sys/class/video4linux/video10/name", "Dummy video device (0x0000)\n");
  // Not video nodes.
  dir.write("sys/class/video4linux/vbi0/name", "bttv vbi");
  dir.write("sys/class/video4linux/v4l-subdev0/name", "sensor");
  dir.write("sys/class/video4linux/videoX/name", "odd");
  dir.write("sys/class/video4linux/video/name", "odd");
  // A regular file standing in for a node: opens, but is no V4L2 device.
  dir.write("dev/video2", "");

  const std::vector<CameraInfo> cameras = V4l2DeviceNames(sysfs, dev).list();
  ASSERT_EQ(cameras.size(), 4u);
  EXPECT_EQ(cameras[0].id, 0);
  EXPECT_EQ(cameras[0].name, "Integrated Camera: Integrated C");
  EXPECT_EQ(cameras[0].path, dev + "/video0");
  EXPECT_EQ(cameras[1].id, 2);
  EXPECT_EQ(cameras[1].name, "USB Capture HDMI");
  EXPECT_EQ(cameras[2].id, 3);
  EXPECT_EQ(cameras[2].name, "Camera 3");
  EXPECT_EQ(cameras[3].id, 10);
  EXPECT_EQ(cameras[3].name, "Dummy video device (0x0000)");
  EXPECT_EQ(cameras[3].path, dev + "/video10");
}

TEST(V4l2CameraNamesTest, MissingSysfsRootMeansNoCameras) {
  test::TempDir dir;
  EXPECT_TRUE(V4l2DeviceNames(dir.path("nothing-here"), dir.path("dev")).list().empty());
  EXPECT_EQ(V4l2DeviceNames().devicePath(4), "/dev/video4");
}
#endif

TEST(CameraEnumeratorTest, ListsWhatTheMachineHasWithoutFailing) {
  for (const CameraInfo& camera : CameraEnumerator::list()) {
    EXPECT_GE(camera.id, 0);
    EXPECT_FALSE(camera.name.empty());
  }
}

TEST(CameraEnumeratorTest, ProbingPrintsNothing) {
  testing::internal::CaptureStderr();
  const std::vector<CameraInfo> cameras = CameraEnumerator::probe(2);
  const std::string printed = testing::internal::GetCapturedStderr();
  for (const CameraInfo& camera : cameras) {
    EXPECT_LT(camera.id, 2);
  }
  if (cameras.empty()) {
    EXPECT_EQ(printed, "");
  }
}

TEST(CameraSourceTest, NonexistentCameraFailsWithAReasonAtOnce) {
  test::FakeClock clock;
  std::string error;
  testing::internal::CaptureStderr();
  const auto start = steady_clock::now();
  auto camera = CameraSource::open(63, CameraRequest{}, clock, error);
  const auto elapsed = steady_clock::now() - start;
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(camera, nullptr);
  EXPECT_NE(error.find("camera 63"), std::string::npos) << error;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_EQ(printed, "");
}

TEST(CameraSourceTest, BadRequestsAreRefused) {
  test::FakeClock clock;
  std::string error;
  EXPECT_EQ(CameraSource::open(-1, CameraRequest{}, clock, error), nullptr);
  EXPECT_NE(error.find("0 or more"), std::string::npos) << error;
  EXPECT_EQ(CameraSource::open(0, CameraRequest{0, 480, 30}, clock, error), nullptr);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
  EXPECT_EQ(CameraSource::open(0, CameraRequest{640, 480, 0}, clock, error), nullptr);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
}

// The conversion every OpenCV picture goes through on its way out of a camera.
TEST(CaptureConversionTest, BgrBgraAndGreyBecomeEvenI420) {
  video::VideoFrame frame;
  std::string error;
  const cv::Mat bgr(121, 161, CV_8UC3, cv::Scalar(255, 0, 0));  // pure blue
  ASSERT_TRUE(matToI420(bgr, frame, error)) << error;
  EXPECT_EQ(frame.width, 160);
  EXPECT_EQ(frame.height, 120);
  EXPECT_NEAR(frame.y()[0], 41, 2);   // BT.601 studio-range blue
  EXPECT_NEAR(frame.u()[0], 240, 2);
  EXPECT_NEAR(frame.v()[0], 110, 2);

  const cv::Mat bgra(40, 64, CV_8UC4, cv::Scalar(0, 0, 255, 255));  // pure red
  ASSERT_TRUE(matToI420(bgra, frame, error)) << error;
  EXPECT_NEAR(frame.y()[0], 81, 2);
  EXPECT_NEAR(frame.v()[0], 240, 2);

  const cv::Mat grey(10, 10, CV_8UC1, cv::Scalar(200));
  ASSERT_TRUE(matToI420(grey, frame, error)) << error;
  EXPECT_NEAR(frame.y()[0], 188, 2);  // studio range, like colour pictures
  EXPECT_EQ(frame.u()[0], 128);

  EXPECT_FALSE(matToI420(cv::Mat(), frame, error));
  EXPECT_FALSE(matToI420(cv::Mat(1, 1, CV_8UC3), frame, error));
  EXPECT_FALSE(matToI420(cv::Mat(4, 4, CV_16UC3), frame, error));
  EXPECT_FALSE(matToI420(cv::Mat(4, 4, CV_8UC2), frame, error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace parley::capture

// The stamp must survive the real send path's codec: libvpx VP8 in realtime
// mode at a low call bitrate, on the moving test pattern.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "capture/frame_stamp.h"
#include "capture/test_pattern_source.h"
#include "codec/vp8_decoder.h"
#include "codec/vp8_encoder.h"
#include "support/fake_clock.h"

namespace parley::capture {
namespace {

struct Vp8Case {
  int width;
  int height;
  int bitrateKbps;
};

class FrameStampVp8Test : public ::testing::TestWithParam<Vp8Case> {};

TEST_P(FrameStampVp8Test, EveryDecodedFrameReadsBackExactly) {
  const Vp8Case& param = GetParam();
  constexpr int kFrames = 90;
  constexpr int kFps = 30;

  test::FakeClock clock(5'000'000'123);
  std::string error;
  auto pattern = TestPatternSource::create({param.width, param.height, kFps}, clock, error);
  ASSERT_NE(pattern, nullptr) << error;

  Vp8EncoderConfig config;
  config.width = param.width;
  config.height = param.height;
  config.fps = kFps;
  config.bitrateKbps = param.bitrateKbps;
  config.speed = -6;
  codec::Vp8Encoder encoder(config);
  codec::Vp8Decoder decoder(1);

  video::VideoFrame frame;
  std::vector<uint8_t> packet(video::VideoFrame::sizeFor(param.width, param.height));
  std::vector<uint8_t> picture(video::VideoFrame::sizeFor(param.width, param.height));
  int64_t bytesAfterFirstSecond = 0;
  for (int i = 0; i < kFrames; ++i) {
    ASSERT_EQ(pattern->read(frame), ReadStatus::kFrame);
    const int64_t timeMs = frame.captureTimeUs / 1000;
    const int size = encoder.encode(frame.data.data(), static_cast<int>(frame.data.size()),
                                    timeMs, false, packet.data(), static_cast<int>(packet.size()));
    ASSERT_GT(size, 0) << "frame " << i;
    if (i >= kFps) {
      bytesAfterFirstSecond += size;
    }
    ASSERT_EQ(decoder.decode(packet.data(), size), 1) << "frame " << i;
    ASSERT_EQ(decoder.width(), param.width);
    ASSERT_EQ(decoder.height(), param.height);
    ASSERT_EQ(decoder.copyI420(picture.data(), static_cast<int>(picture.size())),
              static_cast<int>(picture.size()));

    const auto stamp = FrameStamp::read(picture.data(), param.width, param.width, param.height);
    ASSERT_TRUE(stamp.has_value()) << "frame " << i << " (" << size << " bytes)";
    EXPECT_EQ(stamp->sequence, static_cast<uint32_t>(frame.sourceSequence)) << "frame " << i;
    EXPECT_EQ(stamp->captureTimeMs, static_cast<uint64_t>(timeMs)) << "frame " << i;
    clock.advanceUs(1'000'000 / kFps);
  }
  // The pattern is content the encoder can hold to the asked rate (so the
  // stamps did not survive on bits the rate control could not refuse): once
  // the keyframe is paid for, within a quarter of the target.
  const double seconds = static_cast<double>(kFrames - kFps) / kFps;
  const double kbps = bytesAfterFirstSecond * 8.0 / 1000.0 / seconds;
  EXPECT_LT(kbps, 1.25 * param.bitrateKbps);
}

INSTANTIATE_TEST_SUITE_P(
    Sizes, FrameStampVp8Test,
    ::testing::Values(Vp8Case{640, 480, 300}, Vp8Case{1280, 720, 300}, Vp8Case{320, 240, 150},
                      Vp8Case{160, 120, 100}),
    [](const ::testing::TestParamInfo<Vp8Case>& info) {
      return std::to_string(info.param.width) + "x" + std::to_string(info.param.height) + "_" +
             std::to_string(info.param.bitrateKbps) + "kbps";
    });

}  // namespace
}  // namespace parley::capture

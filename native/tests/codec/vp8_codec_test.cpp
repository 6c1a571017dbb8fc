#include <gtest/gtest.h>

#include <vector>

#include "codec/vp8_decoder.h"
#include "codec/vp8_encoder.h"
#include "support/i420_pattern.h"

namespace parley::codec {
namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;

Vp8EncoderConfig smallConfig() {
  Vp8EncoderConfig config;
  config.width = kWidth;
  config.height = kHeight;
  config.bitrateKbps = 600;
  return config;
}

std::vector<uint8_t> encodeFrame(Vp8Encoder& encoder, int index, bool keyframe) {
  const std::vector<uint8_t> frame = test::movingPattern(kWidth, kHeight, index);
  std::vector<uint8_t> out(frame.size() * 2);
  const int size = encoder.encode(frame.data(), static_cast<int>(frame.size()), index * 33,
                                  keyframe, out.data(), static_cast<int>(out.size()));
  EXPECT_GT(size, 0) << "frame " << index;
  out.resize(size > 0 ? static_cast<size_t>(size) : 0);
  return out;
}

TEST(Vp8CodecTest, RoundTripKeepsThePicture) {
  Vp8Encoder encoder(smallConfig());
  Vp8Decoder decoder(1);
  for (int i = 0; i < 30; ++i) {
    const std::vector<uint8_t> packet = encodeFrame(encoder, i, false);
    EXPECT_EQ(encoder.lastFrameKeyframe(), i == 0) << "frame " << i;
    ASSERT_EQ(decoder.decode(packet.data(), static_cast<int>(packet.size())), 1);
    ASSERT_EQ(decoder.width(), kWidth);
    ASSERT_EQ(decoder.height(), kHeight);
    std::vector<uint8_t> picture(kWidth * kHeight * 3 / 2);
    ASSERT_EQ(decoder.copyI420(picture.data(), static_cast<int>(picture.size())),
              static_cast<int>(picture.size()));
    if (i >= 5) {  // rate control settles after the first frames
      EXPECT_GT(test::psnr(test::movingPattern(kWidth, kHeight, i), picture), 30.0)
          << "frame " << i;
    }
  }
}

TEST(Vp8CodecTest, KeyframeOnDemand) {
  Vp8Encoder encoder(smallConfig());
  encodeFrame(encoder, 0, false);
  encodeFrame(encoder, 1, false);
  EXPECT_FALSE(encoder.lastFrameKeyframe());
  encodeFrame(encoder, 2, true);
  EXPECT_TRUE(encoder.lastFrameKeyframe());
}

TEST(Vp8CodecTest, RatesChangeMidStream) {
  Vp8Encoder encoder(smallConfig());
  encodeFrame(encoder, 0, false);
  EXPECT_EQ(encoder.setRates(200, 15), kOk);
  EXPECT_EQ(encoder.config().bitrateKbps, 200);
  encodeFrame(encoder, 1, false);
  EXPECT_EQ(encoder.setRates(0, 15), kErrorInvalidArgument);
}

TEST(Vp8CodecTest, RejectsBadArguments) {
  Vp8EncoderConfig odd = smallConfig();
  odd.width = 321;
  EXPECT_THROW(Vp8Encoder{odd}, std::runtime_error);
  EXPECT_THROW(Vp8Decoder{0}, std::runtime_error);

  Vp8Encoder encoder(smallConfig());
  std::vector<uint8_t> tooSmall(100);
  std::vector<uint8_t> out(1000);
  EXPECT_EQ(encoder.encode(tooSmall.data(), 100, 0, false, out.data(), 1000),
            kErrorInvalidArgument);
  const std::vector<uint8_t> frame = test::movingPattern(kWidth, kHeight, 0);
  EXPECT_EQ(encoder.encode(frame.data(), static_cast<int>(frame.size()), 0, false, out.data(), 8),
            kErrorBufferTooSmall);
}

TEST(Vp8CodecTest, GarbageIsReportedNotShown) {
  Vp8Decoder decoder(1);
  std::vector<uint8_t> garbage(500);
  for (size_t i = 0; i < garbage.size(); ++i) {
    garbage[i] = static_cast<uint8_t>(i * 37 + 11);
  }
  EXPECT_EQ(decoder.decode(garbage.data(), static_cast<int>(garbage.size())), kErrorCorruptFrame);
  std::vector<uint8_t> out(kWidth * kHeight * 2);
  EXPECT_EQ(decoder.copyI420(out.data(), static_cast<int>(out.size())), kErrorInvalidArgument);
}

TEST(Vp8CodecTest, TruncatedKeyframeIsNotShown) {
  Vp8Encoder encoder(smallConfig());
  std::vector<uint8_t> keyframe = encodeFrame(encoder, 0, true);
  keyframe.resize(keyframe.size() / 3);
  Vp8Decoder decoder(1);
  const int result = decoder.decode(keyframe.data(), static_cast<int>(keyframe.size()));
  EXPECT_EQ(result, kErrorCorruptFrame);
}

}  // namespace
}  // namespace parley::codec

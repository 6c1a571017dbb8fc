#include "rtp/vp8_payloader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "rtp/vp8_payload_descriptor.h"
#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;

Vp8Payloader makePayloader(size_t maxPayloadSize, uint16_t firstPictureId = 0) {
  Vp8PayloaderConfig config;
  config.maxPayloadSize = maxPayloadSize;
  config.firstPictureId = firstPictureId;
  return Vp8Payloader(config);
}

video::EncodedVideoFrame frameOf(const Bytes& data) {
  video::EncodedVideoFrame frame;
  frame.data = data;
  return frame;
}

// Checks everything RFC 7741 and the payloader's contract promise about the
// payloads of one frame, and returns the VP8 octets they carry.
Bytes checkPayloads(const Vp8FramePayloads& result, size_t maxPayloadSize) {
  Bytes joined;
  size_t smallest = SIZE_MAX;
  size_t largest = 0;
  for (size_t i = 0; i < result.payloads.size(); ++i) {
    const Bytes& p = result.payloads[i];
    EXPECT_LE(p.size(), maxPayloadSize) << "payload " << i;
    Vp8PayloadDescriptor d;
    size_t size = 0;
    EXPECT_EQ(parseVp8PayloadDescriptor(p, &d, &size), Vp8ParseError::kOk) << "payload " << i;
    EXPECT_EQ(size, Vp8Payloader::kDescriptorSize);
    EXPECT_EQ(d.startOfPartition, i == 0) << "payload " << i;
    EXPECT_EQ(d.partitionIndex, 0);
    EXPECT_FALSE(d.nonReference);
    EXPECT_TRUE(d.hasPictureId);
    EXPECT_TRUE(d.longPictureId);
    EXPECT_EQ(d.pictureId, result.pictureId);
    EXPECT_FALSE(d.hasTl0PicIdx || d.hasTid || d.hasKeyIdx);
    joined.insert(joined.end(), p.begin() + size, p.end());
    smallest = std::min(smallest, p.size());
    largest = std::max(largest, p.size());
  }
  if (!result.payloads.empty()) {
    EXPECT_LE(largest - smallest, 1u) << "balanced sizes";
  }
  return joined;
}

struct SplitCase {
  std::string name;
  size_t frameSize;
  size_t maxPayloadSize;
  size_t expectedPayloads;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const SplitCase& c, std::ostream* os) { *os << c.name; }

std::vector<SplitCase> splitCases() {
  return {
      {"one_octet", 1, 1200, 1},
      {"small_frame", 100, 1200, 1},
      {"exactly_one_full_payload", 1196, 1200, 1},
      {"one_octet_over_splits_in_halves", 1197, 1200, 2},
      {"two_full_payloads", 2392, 1200, 2},
      {"two_full_plus_one_octet", 2393, 1200, 3},
      {"keyframe_sized_46000", 46000, 1200, 39},
      {"small_mtu_500", 5000, 500, 11},
      {"tiny_max_payload_5", 10, 5, 10},
      {"large_max_payload_9000", 20000, 9000, 3},
  };
}

class Vp8PayloaderSplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(Vp8PayloaderSplitTest, SplitsIntoFewestBalancedPayloads) {
  const SplitCase& c = GetParam();
  Vp8Payloader payloader = makePayloader(c.maxPayloadSize, 1234);
  const Bytes frame = test::ramp(c.frameSize, 7);
  EXPECT_EQ(payloader.payloadCount(frame.size()), c.expectedPayloads);
  const Vp8FramePayloads result = payloader.payload(frameOf(frame));
  EXPECT_EQ(result.pictureId, 1234);
  ASSERT_EQ(result.payloads.size(), c.expectedPayloads);
  EXPECT_EQ(checkPayloads(result, c.maxPayloadSize), frame);
}

INSTANTIATE_TEST_SUITE_P(Table, Vp8PayloaderSplitTest, ::testing::ValuesIn(splitCases()),
                         [](const auto& info) { return info.param.name; });

TEST(Vp8PayloaderTest, DefaultMaxPayloadIs1200) {
  Vp8Payloader payloader;
  EXPECT_EQ(payloader.maxPayloadSize(), 1200u);
  EXPECT_LE(payloader.nextPictureId(), 0x7fff) << "random start is a 15-bit value";
}

TEST(Vp8PayloaderTest, FirstPayloadOfAFrameCarriesTheExactDescriptor) {
  Vp8Payloader payloader = makePayloader(1200, 0x1267);
  const Vp8FramePayloads result = payloader.payload(frameOf(test::ramp(2000)));
  ASSERT_EQ(result.payloads.size(), 2u);
  EXPECT_EQ(Bytes(result.payloads[0].begin(), result.payloads[0].begin() + 4),
            (Bytes{0x90, 0x80, 0x92, 0x67}));  // X, S, PID 0; I; M + 15-bit PictureID
  EXPECT_EQ(Bytes(result.payloads[1].begin(), result.payloads[1].begin() + 4),
            (Bytes{0x80, 0x80, 0x92, 0x67}));  // continuation: S=0
  EXPECT_EQ(result.payloads[0].size(), 1004u);
  EXPECT_EQ(result.payloads[1].size(), 1004u);
}

TEST(Vp8PayloaderTest, RealKeyframeIsSplitEvenly) {
  const Bytes keyframe = test::readTestdata("vp8_keyframe_176x144.bin");
  Vp8Payloader payloader = makePayloader(1200);
  const Vp8FramePayloads result = payloader.payload(frameOf(keyframe));
  ASSERT_EQ(result.payloads.size(), 13u);  // 14638 octets, 1196 a payload at most
  EXPECT_EQ(checkPayloads(result, 1200), keyframe);
}

TEST(Vp8PayloaderTest, PictureIdIncreasesPerFrameAndWrapsAt15Bits) {
  Vp8Payloader payloader = makePayloader(1200, 0x7ffd);
  const std::vector<uint16_t> expected = {0x7ffd, 0x7ffe, 0x7fff, 0, 1, 2};
  for (const uint16_t id : expected) {
    const size_t size = id % 2 == 0 ? 3000 : 10;  // multi- and single-packet frames
    const Vp8FramePayloads result = payloader.payload(frameOf(test::ramp(size)));
    EXPECT_EQ(result.pictureId, id);
    for (const Bytes& p : result.payloads) {
      Vp8PayloadDescriptor d;
      size_t descriptorSize = 0;
      ASSERT_EQ(parseVp8PayloadDescriptor(p, &d, &descriptorSize), Vp8ParseError::kOk);
      EXPECT_EQ(d.pictureId, id);
    }
  }
  EXPECT_EQ(payloader.nextPictureId(), 3);
}

TEST(Vp8PayloaderTest, FirstPictureIdIsMaskedTo15Bits) {
  Vp8Payloader payloader = makePayloader(1200, 0xffff);
  EXPECT_EQ(payloader.nextPictureId(), 0x7fff);
}

TEST(Vp8PayloaderTest, EmptyFrameGivesNoPayloadsAndKeepsThePictureId) {
  Vp8Payloader payloader = makePayloader(1200, 77);
  EXPECT_TRUE(payloader.payload(frameOf({})).payloads.empty());
  EXPECT_EQ(payloader.nextPictureId(), 77);
  EXPECT_EQ(payloader.payload(frameOf({0x01})).pictureId, 77);
}

TEST(Vp8PayloaderTest, RejectsAMaxPayloadWithoutRoomForData) {
  Vp8PayloaderConfig config;
  config.maxPayloadSize = Vp8Payloader::kDescriptorSize;
  EXPECT_THROW(Vp8Payloader{config}, std::invalid_argument);
  config.maxPayloadSize = 0;
  EXPECT_THROW(Vp8Payloader{config}, std::invalid_argument);
  config.maxPayloadSize = Vp8Payloader::kDescriptorSize + 1;
  EXPECT_NO_THROW(Vp8Payloader{config});
}

TEST(Vp8PayloaderTest, EverySizeUpToFourPayloadsIsBalanced) {
  Vp8Payloader payloader = makePayloader(104);  // 100 VP8 octets a payload
  for (size_t size = 1; size <= 400; ++size) {
    const Bytes frame = test::ramp(size, static_cast<uint8_t>(size));
    const Vp8FramePayloads result = payloader.payload(frameOf(frame));
    ASSERT_EQ(result.payloads.size(), (size + 99) / 100) << size;
    ASSERT_EQ(checkPayloads(result, 104), frame) << size;
  }
}

}  // namespace
}  // namespace parley::rtp

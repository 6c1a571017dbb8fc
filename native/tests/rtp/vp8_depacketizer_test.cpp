#include "rtp/vp8_depacketizer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rtp/rtp_packet.h"
#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;
using test::cat;

const Bytes kKeyframeStart = {0x10, 0x7f, 0x00, 0x9d, 0x01, 0x2a, 0xb0, 0x00, 0x90, 0x00, 0x39};
const Bytes kInterframeStart = {0x31, 0x3a, 0x00, 0xe3, 0x83};

// Serializes an RTP packet around `payload` and keeps the bytes alive for
// the view parsed from them.
struct Packet {
  Bytes bytes;
  RtpPacketView view;

  Packet(uint16_t sequence, uint32_t timestamp, bool marker, const Bytes& payload) {
    RtpHeader header;
    header.payloadType = 96;
    header.sequenceNumber = sequence;
    header.timestamp = timestamp;
    header.ssrc = 0xabcdef01;
    header.marker = marker;
    EXPECT_EQ(writeRtpPacket(header, payload, 0, &bytes), RtpWriteError::kOk);
    EXPECT_EQ(parseRtpPacket(bytes, &view), RtpParseError::kOk);
  }
  Packet(const Packet&) = delete;
};

TEST(Vp8DepacketizerTest, KeyframeFirstPacket) {
  const Packet packet(500, 9000, false, cat({{0x90, 0x80, 0x92, 0x67}, kKeyframeStart}));
  Vp8Depacketizer depacketizer;
  video::VideoPacket out;
  out.retransmitted = true;
  Vp8PacketInfo info;
  ASSERT_EQ(depacketizer.depacketize(packet.view, 123456, &out, &info), Vp8ParseError::kOk);
  EXPECT_EQ(out.sequence, 500);
  EXPECT_EQ(out.rtpTimestamp, 9000);
  EXPECT_FALSE(out.marker);
  EXPECT_TRUE(out.frameStart);
  EXPECT_TRUE(out.keyframe);
  EXPECT_EQ(out.pictureId, 4711);
  EXPECT_EQ(out.arrivalTimeUs, 123456);
  EXPECT_FALSE(out.retransmitted);
  EXPECT_EQ(out.payload, kKeyframeStart);
  EXPECT_EQ(info.descriptorSize, 4u);
  EXPECT_TRUE(info.hasPayloadHeader);
  EXPECT_EQ(info.payloadHeader.width, 176);
  EXPECT_EQ(info.payloadHeader.height, 144);
}

TEST(Vp8DepacketizerTest, ContinuationPacketIsNeitherStartNorKeyframe) {
  // Octets that would read as a key frame tag if taken as a payload header.
  const Packet packet(501, 9000, true, cat({{0x80, 0x80, 0x92, 0x67}, {0x00, 0x00, 0x00}}));
  Vp8Depacketizer depacketizer;
  video::VideoPacket out;
  Vp8PacketInfo info;
  ASSERT_EQ(depacketizer.depacketize(packet.view, 1, &out, &info), Vp8ParseError::kOk);
  EXPECT_TRUE(out.marker);
  EXPECT_FALSE(out.frameStart);
  EXPECT_FALSE(out.keyframe);
  EXPECT_EQ(out.pictureId, 4711);
  EXPECT_FALSE(info.hasPayloadHeader);
  EXPECT_EQ(out.payload, (Bytes{0x00, 0x00, 0x00}));
}

struct FlagCase {
  std::string name;
  Bytes payload;
  bool frameStart;
  bool keyframe;
  int pictureId;
  size_t descriptorSize;
};

TEST(Vp8DepacketizerTest, FlagsFromDescriptorAndPayloadHeader) {
  const std::vector<FlagCase> cases = {
      {"interframe_start", cat({{0x90, 0x80, 0x80, 0x05}, kInterframeStart}), true, false, 5, 4},
      {"no_picture_id", cat({{0x10}, kInterframeStart}), true, false, -1, 1},
      {"seven_bit_picture_id_keyframe", cat({{0x90, 0x80, 0x11}, kKeyframeStart}), true, true, 17,
       3},
      {"start_of_second_partition", cat({{0x91, 0x80, 0x11}, {0x00, 0x01}}), false, false, 17, 3},
      {"extension_without_picture_id", cat({{0x90, 0x40, 0x03}, kInterframeStart}), true, false, -1,
       3},
  };
  for (const FlagCase& c : cases) {
    const Packet packet(1, 2, true, c.payload);
    Vp8Depacketizer depacketizer;
    video::VideoPacket out;
    Vp8PacketInfo info;
    ASSERT_EQ(depacketizer.depacketize(packet.view, 0, &out, &info), Vp8ParseError::kOk) << c.name;
    EXPECT_EQ(out.frameStart, c.frameStart) << c.name;
    EXPECT_EQ(out.keyframe, c.keyframe) << c.name;
    EXPECT_EQ(out.pictureId, c.pictureId) << c.name;
    EXPECT_EQ(out.payload.size() + c.descriptorSize, c.payload.size()) << c.name;
  }
}

TEST(Vp8DepacketizerTest, MalformedPacketsAreRejected) {
  const std::vector<std::pair<Bytes, Vp8ParseError>> cases = {
      {{}, Vp8ParseError::kEmpty},
      {{0x90}, Vp8ParseError::kTruncatedExtension},
      {{0x90, 0x80, 0x92}, Vp8ParseError::kTruncatedPictureId},
      {{0x90, 0x80, 0x92, 0x67}, Vp8ParseError::kNoVp8Payload},
      {{0x10, 0x31, 0x3a}, Vp8ParseError::kTruncatedPayloadHeader},
      {{0x10, 0x10, 0x7f, 0x00, 0x9d, 0x01}, Vp8ParseError::kTruncatedKeyframeHeader},
      {{0x10, 0x10, 0x7f, 0x00, 0x00, 0x00, 0x00, 0xb0, 0x00, 0x90, 0x00},
       Vp8ParseError::kBadStartCode},
  };
  for (const auto& [payload, error] : cases) {
    const Packet packet(1, 2, false, payload);
    Vp8Depacketizer depacketizer;
    video::VideoPacket out;
    EXPECT_EQ(depacketizer.depacketize(packet.view, 0, &out), error) << vp8ParseErrorName(error);
  }
}

TEST(Vp8DepacketizerTest, UnwrapsSequenceAndTimestampAcrossTheWrap) {
  Vp8Depacketizer depacketizer;
  video::VideoPacket out;
  const Bytes payload = cat({{0x80, 0x80, 0x00, 0x01}, {0x42}});
  const struct {
    uint16_t sequence;
    uint32_t timestamp;
    int64_t expectedSequence;
    int64_t expectedTimestamp;
  } steps[] = {
      {65534, 0xfffff000u, 65534, 0xfffff000LL},
      {0, 0x00000bb8u, 65536, 0x100000bb8LL},
      {65535, 0xfffff000u, 65535, 0xfffff000LL},  // reordered across both wraps
      {1, 0x00000bb8u, 65537, 0x100000bb8LL},
  };
  for (const auto& step : steps) {
    const Packet packet(step.sequence, step.timestamp, false, payload);
    ASSERT_EQ(depacketizer.depacketize(packet.view, 0, &out), Vp8ParseError::kOk);
    EXPECT_EQ(out.sequence, step.expectedSequence);
    EXPECT_EQ(out.rtpTimestamp, step.expectedTimestamp);
  }
}

TEST(Vp8DepacketizerTest, BadPacketsDoNotMoveTheUnwrappers) {
  Vp8Depacketizer depacketizer;
  video::VideoPacket out;
  const Bytes good = cat({{0x80, 0x80, 0x00, 0x01}, {0x42}});
  const Packet first(65000, 100, false, good);
  ASSERT_EQ(depacketizer.depacketize(first.view, 0, &out), Vp8ParseError::kOk);
  // A damaged packet with a far-off sequence number and timestamp.
  const Packet bad(32000, 0x80000000u, false, {0x90});
  EXPECT_NE(depacketizer.depacketize(bad.view, 0, &out), Vp8ParseError::kOk);
  const Packet next(65001, 100, false, good);
  ASSERT_EQ(depacketizer.depacketize(next.view, 0, &out), Vp8ParseError::kOk);
  EXPECT_EQ(out.sequence, 65001);
  EXPECT_EQ(out.rtpTimestamp, 100);
}

TEST(Vp8DepacketizerTest, ResetForANewStream) {
  Vp8Depacketizer depacketizer;
  video::VideoPacket out;
  const Bytes good = cat({{0x80, 0x80, 0x00, 0x01}, {0x42}});
  const Packet a(65535, 0, false, good);
  const Packet b(0, 0, false, good);
  ASSERT_EQ(depacketizer.depacketize(a.view, 0, &out), Vp8ParseError::kOk);
  depacketizer.reset();
  ASSERT_EQ(depacketizer.depacketize(b.view, 0, &out), Vp8ParseError::kOk);
  EXPECT_EQ(out.sequence, 0) << "not 65536: the new stream starts over";
}

}  // namespace
}  // namespace parley::rtp

#include "rtp/rtp_sequencer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "rtp/rtp_packet.h"
#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;

RtpSequencerConfig fixedConfig(uint16_t firstSequence = 1000, uint32_t offset = 0) {
  RtpSequencerConfig config;
  config.ssrc = 0x11223344;
  config.payloadType = 96;
  config.firstSequenceNumber = firstSequence;
  config.timestampOffset = offset;
  return config;
}

RtpPacketView parse(const Bytes& packet) {
  RtpPacketView view;
  EXPECT_EQ(parseRtpPacket(packet, &view), RtpParseError::kOk);
  return view;
}

TEST(RtpSequencerTest, FramePacketsShareTimestampAndMarkTheLast) {
  RtpSequencer sequencer(fixedConfig(1000, 5000));
  const std::vector<Bytes> payloads = {{1, 2}, {3, 4}, {5}};
  const std::vector<Bytes> packets = sequencer.packetize(payloads, 1'000'000);
  ASSERT_EQ(packets.size(), 3u);
  for (size_t i = 0; i < packets.size(); ++i) {
    const RtpPacketView view = parse(packets[i]);
    EXPECT_EQ(view.header.ssrc, 0x11223344u);
    EXPECT_EQ(view.header.payloadType, 96);
    EXPECT_EQ(view.header.sequenceNumber, 1000 + i);
    EXPECT_EQ(view.header.timestamp, 5000u + 90000u);
    EXPECT_EQ(view.header.marker, i == 2);
    EXPECT_EQ(view.header.csrcCount, 0);
    EXPECT_FALSE(view.header.hasExtension);
    EXPECT_EQ(view.paddingSize, 0);
    EXPECT_EQ(view.payload.toVector(), payloads[i]);
  }
  EXPECT_EQ(sequencer.nextSequenceNumber(), 1003);
}

TEST(RtpSequencerTest, SequenceNumbersContinueAcrossFramesAndWrap) {
  RtpSequencer sequencer(fixedConfig(65533));
  const std::vector<Bytes> twoPayloads = {{1}, {2}};
  std::vector<uint16_t> sequence;
  for (int frame = 0; frame < 3; ++frame) {
    for (const Bytes& packet : sequencer.packetize(twoPayloads, frame * 33'333)) {
      sequence.push_back(parse(packet).header.sequenceNumber);
    }
  }
  EXPECT_EQ(sequence, (std::vector<uint16_t>{65533, 65534, 65535, 0, 1, 2}));
}

TEST(RtpSequencerTest, SinglePacketFrameHasTheMarker) {
  RtpSequencer sequencer(fixedConfig());
  const std::vector<Bytes> packets = sequencer.packetize({{0x10, 0xaa}}, 0);
  ASSERT_EQ(packets.size(), 1u);
  EXPECT_TRUE(parse(packets[0]).header.marker);
  EXPECT_TRUE(sequencer.packetize({}, 0).empty());
  EXPECT_EQ(sequencer.nextSequenceNumber(), 1001);
}

struct TimestampCase {
  const char* name;
  uint32_t clockRate;
  uint32_t offset;
  int64_t captureTimeUs;
  uint32_t expected;
};

TEST(RtpSequencerTest, TimestampsFollowTheCaptureClock) {
  const TimestampCase cases[] = {
      {"zero", 90000, 0, 0, 0},
      {"one_second_video", 90000, 0, 1'000'000, 90000},
      {"one_frame_at_30fps_floors", 90000, 0, 33'333, 2999},
      {"one_ms", 90000, 0, 1'000, 90},
      {"offset_added", 90000, 123456, 1'000, 123546},
      {"wraps_at_32_bits", 90000, 0xffffff00u, 10'000, 0xffffff00u + 900u},
      {"negative_time", 90000, 1000, -1'000, 910},
      {"negative_fraction", 90000, 0, -1, 0xffffffffu},
      {"opus_20ms", 48000, 0, 20'000, 960},
      {"long_uptime_30_days", 90000, 0, 30LL * 86400 * 1'000'000,
       static_cast<uint32_t>(30ULL * 86400 * 90000)},
      {"extreme_time", 90000, 0, INT64_MAX,
       static_cast<uint32_t>((INT64_MAX / 1'000'000) * 90000ULL +
                             (INT64_MAX % 1'000'000) * 90000ULL / 1'000'000)},
  };
  for (const TimestampCase& c : cases) {
    RtpSequencerConfig config = fixedConfig(0, c.offset);
    config.clockRate = c.clockRate;
    RtpSequencer sequencer(config);
    EXPECT_EQ(sequencer.timestampFor(c.captureTimeUs), c.expected) << c.name;
  }
}

TEST(RtpSequencerTest, FramesAtThirtyFpsAdvanceAbout3000Ticks) {
  RtpSequencer sequencer(fixedConfig(0, 0xfffff000u));
  uint32_t previous = sequencer.timestampFor(0);
  for (int frame = 1; frame <= 100; ++frame) {
    const uint32_t ts = sequencer.timestampFor(frame * 1'000'000LL / 30);
    const uint32_t step = ts - previous;  // modulo 2^32: crosses the wrap
    EXPECT_TRUE(step == 2999 || step == 3000 || step == 3001) << frame << ": " << step;
    previous = ts;
  }
  // 3333333 us is 299999.97 ticks, floored.
  EXPECT_EQ(sequencer.timestampFor(100 * 1'000'000LL / 30), 0xfffff000u + 299999u);
}

TEST(RtpSequencerTest, RandomStartsWhenUnset) {
  RtpSequencerConfig config;
  config.ssrc = 1;
  // Two sequencers almost never draw the same 48 random bits; this guards
  // against a constant start, not against a weak generator.
  RtpSequencer a(config);
  RtpSequencer b(config);
  EXPECT_TRUE(a.nextSequenceNumber() != b.nextSequenceNumber() ||
              a.timestampOffset() != b.timestampOffset());
}

TEST(RtpSequencerTest, SinglePacketApiForAudio) {
  RtpSequencerConfig config = fixedConfig(7);
  config.payloadType = 111;
  config.clockRate = 48000;
  RtpSequencer sequencer(config);
  const RtpPacketView view = parse(sequencer.packet(Bytes{0xfc, 0x01}, 4242, false));
  EXPECT_EQ(view.header.payloadType, 111);
  EXPECT_EQ(view.header.sequenceNumber, 7);
  EXPECT_EQ(view.header.timestamp, 4242u);
  EXPECT_FALSE(view.header.marker);
  EXPECT_EQ(sequencer.nextSequenceNumber(), 8);
}

TEST(RtpSequencerTest, RejectsBadConfiguration) {
  RtpSequencerConfig badType = fixedConfig();
  badType.payloadType = 128;
  EXPECT_THROW(RtpSequencer{badType}, std::invalid_argument);
  RtpSequencerConfig badRate = fixedConfig();
  badRate.clockRate = 0;
  EXPECT_THROW(RtpSequencer{badRate}, std::invalid_argument);
}

}  // namespace
}  // namespace parley::rtp

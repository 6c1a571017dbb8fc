// The whole RTP path for VP8: payloader -> sequencer -> (wire) -> parser ->
// depacketizer, checking that the receiver gets back every frame's octets
// and the flags the jitter buffer relies on.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "rtp/rtp_packet.h"
#include "rtp/rtp_sequencer.h"
#include "rtp/vp8_depacketizer.h"
#include "rtp/vp8_payloader.h"
#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;

struct SentFrame {
  Bytes data;
  bool keyframe;
  uint16_t pictureId;
  uint32_t timestamp;
};

// Sends frames through payloader and sequencer; returns the wire packets.
class Sender {
 public:
  Sender(size_t maxPayloadSize, uint16_t firstSequence, uint32_t timestampOffset,
         uint16_t firstPictureId)
      : payloader_(payloaderConfig(maxPayloadSize, firstPictureId)),
        sequencer_(sequencerConfig(firstSequence, timestampOffset)) {}

  std::vector<Bytes> send(const Bytes& data, bool keyframe, int64_t captureTimeUs) {
    video::EncodedVideoFrame frame;
    frame.data = data;
    frame.keyframe = keyframe;
    frame.captureTimeUs = captureTimeUs;
    const Vp8FramePayloads payloads = payloader_.payload(frame);
    frames.push_back({data, keyframe, payloads.pictureId, sequencer_.timestampFor(captureTimeUs)});
    return sequencer_.packetize(payloads.payloads, frame.captureTimeUs);
  }

  std::vector<SentFrame> frames;

 private:
  static Vp8PayloaderConfig payloaderConfig(size_t maxPayloadSize, uint16_t firstPictureId) {
    Vp8PayloaderConfig config;
    config.maxPayloadSize = maxPayloadSize;
    config.firstPictureId = firstPictureId;
    return config;
  }
  static RtpSequencerConfig sequencerConfig(uint16_t firstSequence, uint32_t offset) {
    RtpSequencerConfig config;
    config.ssrc = 0x5eed;
    config.payloadType = 96;
    config.firstSequenceNumber = firstSequence;
    config.timestampOffset = offset;
    return config;
  }

  Vp8Payloader payloader_;
  RtpSequencer sequencer_;
};

// Receives wire packets in any order and rebuilds frames the way a jitter
// buffer would: order by extended sequence number, cut at frameStart/marker.
class Receiver {
 public:
  void receive(const Bytes& wire, int64_t arrivalUs) {
    RtpPacketView view;
    ASSERT_EQ(parseRtpPacket(wire, &view), RtpParseError::kOk);
    EXPECT_EQ(view.header.ssrc, 0x5eedu);
    video::VideoPacket packet;
    ASSERT_EQ(depacketizer_.depacketize(view, arrivalUs, &packet), Vp8ParseError::kOk);
    ASSERT_EQ(packets_.count(packet.sequence), 0u) << "duplicate extended sequence";
    packets_[packet.sequence] = std::move(packet);
  }

  std::vector<video::EncodedVideoFrame> frames() const {
    std::vector<video::EncodedVideoFrame> out;
    int64_t previous = 0;
    bool first = true;
    for (const auto& [sequence, packet] : packets_) {
      EXPECT_TRUE(first || sequence == previous + 1) << "gap before " << sequence;
      if (packet.frameStart) {
        video::EncodedVideoFrame frame;
        frame.keyframe = packet.keyframe;
        frame.pictureId = packet.pictureId;
        frame.rtpTimestamp = packet.rtpTimestamp;
        frame.firstSequence = sequence;
        out.push_back(frame);
      }
      if (out.empty()) continue;
      video::EncodedVideoFrame& frame = out.back();
      EXPECT_EQ(packet.rtpTimestamp, frame.rtpTimestamp);
      EXPECT_EQ(packet.pictureId, frame.pictureId);
      frame.data.insert(frame.data.end(), packet.payload.begin(), packet.payload.end());
      frame.lastSequence = sequence;
      if (packet.marker) frame.lastArrivalUs = 1;  // marks "complete" for the test
      previous = sequence;
      first = false;
    }
    return out;
  }

 private:
  Vp8Depacketizer depacketizer_;
  std::map<int64_t, video::VideoPacket> packets_;
};

void expectSameFrames(const std::vector<SentFrame>& sent,
                      const std::vector<video::EncodedVideoFrame>& received) {
  ASSERT_EQ(received.size(), sent.size());
  for (size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(received[i].data, sent[i].data) << "frame " << i;
    EXPECT_EQ(received[i].keyframe, sent[i].keyframe) << "frame " << i;
    EXPECT_EQ(received[i].pictureId, sent[i].pictureId) << "frame " << i;
    EXPECT_EQ(static_cast<uint32_t>(received[i].rtpTimestamp), sent[i].timestamp) << "frame " << i;
    EXPECT_EQ(received[i].lastArrivalUs, 1) << "frame " << i << " ends with a marker";
  }
}

TEST(Vp8RtpRoundTripTest, RealFramesInOrder) {
  const Bytes keyframe = test::readTestdata("vp8_keyframe_176x144.bin");
  const Bytes interframe = test::readTestdata("vp8_interframe_176x144.bin");
  Sender sender(1200, 100, 0, 0);
  Receiver receiver;
  size_t packets = 0;
  for (int i = 0; i < 4; ++i) {
    const bool key = i % 2 == 0;
    for (const Bytes& wire : sender.send(key ? keyframe : interframe, key, i * 33'333)) {
      EXPECT_LE(wire.size(), 12u + 1200u);
      receiver.receive(wire, i * 33'333 + 5'000);
      ++packets;
    }
  }
  EXPECT_EQ(packets, 13u + 6u + 13u + 6u);
  expectSameFrames(sender.frames, receiver.frames());
}

TEST(Vp8RtpRoundTripTest, ShuffledAcrossSequenceTimestampAndPictureIdWraps) {
  const Bytes keyframe = test::readTestdata("vp8_keyframe_176x144.bin");
  const Bytes interframe = test::readTestdata("vp8_interframe_176x144.bin");
  // Sequence numbers wrap after 6 packets, timestamps after 22 frames
  // (65536 ticks), PictureIDs after two frames.
  Sender sender(1200, 65530, 0xffff0000u, 0x7ffe);
  std::vector<Bytes> wire;
  for (int i = 0; i < 30; ++i) {
    const bool key = i == 0 || i == 17;
    const Bytes frame = key          ? keyframe
                        : i % 3 == 0 ? Bytes(interframe.begin(), interframe.begin() + 500)
                                     : interframe;
    for (Bytes& packet : sender.send(frame, key, i * 33'333)) {
      wire.push_back(std::move(packet));
    }
  }
  // Reorder within windows of 8 packets: late and early packets on both
  // sides of every wrap, never further apart than a jitter buffer allows.
  std::mt19937 random(20240601);
  for (size_t start = 0; start < wire.size(); start += 8) {
    std::shuffle(wire.begin() + start, wire.begin() + std::min(start + 8, wire.size()), random);
  }
  Receiver receiver;
  for (const Bytes& packet : wire) receiver.receive(packet, 0);
  expectSameFrames(sender.frames, receiver.frames());
  EXPECT_EQ(sender.frames[2].pictureId, 0) << "PictureID wrapped";
}

TEST(Vp8RtpRoundTripTest, SmallPayloadsAndLargeSyntheticFrame) {
  Sender sender(300, 0, 0, 5);
  Receiver receiver;
  // A key frame tag with a valid key frame header, then pseudo-random octets.
  Bytes big = {0x10, 0x7f, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01};
  std::mt19937 random(7);
  while (big.size() < 100'000) big.push_back(static_cast<uint8_t>(random()));
  for (const Bytes& packet : sender.send(big, true, 0)) {
    EXPECT_LE(packet.size(), 12u + 300u);
    receiver.receive(packet, 0);
  }
  expectSameFrames(sender.frames, receiver.frames());
}

}  // namespace
}  // namespace parley::rtp

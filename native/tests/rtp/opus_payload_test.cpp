// RFC 7587 payload checks (TOC duration, RFC 6716 section 3.4 rules) and the
// sender's timestamp/marker timeline.
#include "rtp/opus_payload.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codec/opus_decoder.h"
#include "codec/opus_encoder.h"

namespace parley::rtp {
namespace {

struct PayloadCase {
  std::string name;
  std::vector<uint8_t> bytes;
  OpusPayloadError error;
  int samples;  // when kOk
};

// TOC = config << 3 | s << 2 | c (RFC 6716 section 3.1).
constexpr uint8_t toc(int config, int code) { return static_cast<uint8_t>(config << 3 | code); }

TEST(OpusPayloadTest, Table) {
  const std::vector<PayloadCase> cases = {
      {"empty", {}, OpusPayloadError::kEmpty, 0},
      {"silk nb 10 ms", {toc(0, 0), 0x11}, OpusPayloadError::kOk, 480},
      {"silk nb 20 ms", {toc(1, 0), 0x11, 0x22}, OpusPayloadError::kOk, 960},
      {"silk wb 60 ms", {toc(11, 0), 0x11}, OpusPayloadError::kOk, 2880},
      {"hybrid swb 10 ms", {toc(12, 0), 0x11}, OpusPayloadError::kOk, 480},
      {"hybrid fb 20 ms", {toc(15, 0), 0x11}, OpusPayloadError::kOk, 960},
      {"celt nb 2.5 ms", {toc(16, 0), 0x11}, OpusPayloadError::kOk, 120},
      {"celt fb 20 ms", {toc(31, 0), 0x11}, OpusPayloadError::kOk, 960},
      {"toc only (DTX-style, decodes as PLC)", {toc(1, 0)}, OpusPayloadError::kOk, 960},
      {"code 1 two equal frames", {toc(31, 1), 1, 2}, OpusPayloadError::kOk, 1920},
      {"code 1 odd split [R3]", {toc(31, 1), 1, 2, 3}, OpusPayloadError::kMalformed, 0},
      {"code 2 two frames", {toc(1, 2), 2, 1, 2, 3}, OpusPayloadError::kOk, 1920},
      {"code 2 no length [R4]", {toc(1, 2)}, OpusPayloadError::kMalformed, 0},
      {"code 2 first frame too long [R4]", {toc(1, 2), 5, 1, 2}, OpusPayloadError::kMalformed, 0},
      {"code 2 two-octet length cut", {toc(1, 2), 252}, OpusPayloadError::kMalformed, 0},
      {"code 3 three frames", {toc(31, 3), 3, 1, 2, 3}, OpusPayloadError::kOk, 2880},
      {"code 3 no count byte [R5]", {toc(31, 3)}, OpusPayloadError::kMalformed, 0},
      {"code 3 zero frames [R5]", {toc(31, 3), 0}, OpusPayloadError::kMalformed, 0},
      {"code 3 48 x 2.5 ms = 120 ms", {toc(16, 3), 48}, OpusPayloadError::kOk, 5760},
      {"code 3 7 x 20 ms = 140 ms [R5]", {toc(31, 3), 7}, OpusPayloadError::kBadDuration, 0},
      {"code 3 3 x 60 ms = 180 ms", {toc(3, 3), 3, 0}, OpusPayloadError::kBadDuration, 0},
      {"too large", std::vector<uint8_t>(kOpusMaxPayloadSize + 1, toc(1, 0)),
       OpusPayloadError::kTooLarge, 0},
  };
  for (const PayloadCase& c : cases) {
    SCOPED_TRACE(c.name);
    int samples = -1;
    EXPECT_EQ(parseOpusPayload(ByteView(c.bytes), &samples), c.error)
        << opusPayloadErrorName(parseOpusPayload(ByteView(c.bytes), nullptr));
    if (c.error == OpusPayloadError::kOk) {
      EXPECT_EQ(samples, c.samples);
    }
  }
}

// Our TOC reading agrees with libopus's on every TOC byte and count byte.
TEST(OpusPayloadTest, DurationsAgreeWithLibopus) {
  for (int first = 0; first < 256; ++first) {
    for (int second : {0, 1, 2, 3, 7, 48, 49, 63, 0x83, 0xFF}) {
      std::vector<uint8_t> bytes = {static_cast<uint8_t>(first), static_cast<uint8_t>(second), 0, 0,
                                    0};
      int ours = 0;
      const OpusPayloadError error = parseOpusPayload(ByteView(bytes), &ours);
      const int theirs =
          codec::OpusDecoder::packetSamples(bytes.data(), static_cast<int>(bytes.size()), 48000);
      if (error == OpusPayloadError::kOk) {
        EXPECT_EQ(ours, theirs) << "toc " << first << " count " << second;
      } else if (error == OpusPayloadError::kBadDuration) {
        EXPECT_LT(theirs, 0) << "toc " << first << " count " << second;
      }
    }
  }
}

TEST(OpusPayloadTest, RealEncoderOutputIsValid) {
  codec::OpusEncoder encoder(48000, 1, 32000);
  std::vector<int16_t> pcm(960);
  for (size_t i = 0; i < pcm.size(); ++i) pcm[i] = static_cast<int16_t>((i * 37) % 2000 - 1000);
  std::vector<uint8_t> out(1500);
  const int size = encoder.encode(pcm.data(), 960, out.data(), static_cast<int>(out.size()));
  ASSERT_GT(size, 2);
  int samples = 0;
  EXPECT_EQ(parseOpusPayload(ByteView(out.data(), static_cast<size_t>(size)), &samples),
            OpusPayloadError::kOk);
  EXPECT_EQ(samples, 960);
}

struct TimelineStep {
  int samples;
  bool sent;
  uint32_t timestamp;
  bool marker;
};

TEST(OpusRtpTimelineTest, TimestampsFollowSamplesAndMarkerStartsTalkspurts) {
  const std::vector<TimelineStep> steps = {
      {960, true, 0xFFFFF000u, true},           // first packet of the stream
      {960, true, 0xFFFFF000u + 960, false},    // continuing talkspurt
      {960, false, 0xFFFFF000u + 1920, false},  // DTX: not sent
      {960, false, 0xFFFFF000u + 2880, false},  // DTX
      {960, true, 0xFFFFF000u + 3840, true},    // first after silence (wraps at 2^32)
      {480, true, 0xFFFFF000u + 4800, false},   // 10 ms frame
      {960, true, static_cast<uint32_t>(0xFFFFF000u + 5280), false},
  };
  OpusRtpTimeline timeline(0xFFFFF000u);
  for (size_t i = 0; i < steps.size(); ++i) {
    SCOPED_TRACE(i);
    const OpusRtpTimeline::Frame frame = timeline.onFrame(steps[i].samples, steps[i].sent);
    EXPECT_EQ(frame.timestamp, steps[i].timestamp);
    if (steps[i].sent) {
      EXPECT_EQ(frame.marker, steps[i].marker);
    }
  }
  EXPECT_EQ(timeline.nextTimestamp(), static_cast<uint32_t>(0xFFFFF000u + 6240));
}

}  // namespace
}  // namespace parley::rtp

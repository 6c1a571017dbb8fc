#include "rtp/opus_payload.h"

namespace parley::rtp {
namespace {

// RFC 6716 section 3.1 table 2: frame size in 48 kHz samples by config.
int frameSamples(uint8_t config) {
  if (config < 12) {  // SILK-only: 10, 20, 40, 60 ms
    static constexpr int kSilk[4] = {480, 960, 1920, 2880};
    return kSilk[config % 4];
  }
  if (config < 16) return (config % 2) == 0 ? 480 : 960;  // hybrid: 10, 20 ms
  static constexpr int kCelt[4] = {120, 240, 480, 960};   // CELT-only: 2.5 .. 20 ms
  return kCelt[config % 4];
}

}  // namespace

const char* opusPayloadErrorName(OpusPayloadError error) {
  switch (error) {
    case OpusPayloadError::kOk:
      return "ok";
    case OpusPayloadError::kEmpty:
      return "empty";
    case OpusPayloadError::kTooLarge:
      return "too-large";
    case OpusPayloadError::kMalformed:
      return "malformed";
    case OpusPayloadError::kBadDuration:
      return "bad-duration";
  }
  return "unknown";
}

OpusPayloadError parseOpusPayload(ByteView payload, int* samples48k) {
  if (payload.empty()) return OpusPayloadError::kEmpty;  // [R1]
  if (payload.size() > kOpusMaxPayloadSize) return OpusPayloadError::kTooLarge;
  const uint8_t toc = payload[0];
  const int perFrame = frameSamples(static_cast<uint8_t>(toc >> 3));
  int frames = 1;
  switch (toc & 0x03) {
    case 0:  // one frame
      break;
    case 1:  // two frames of equal size: [R3] the rest splits in two halves
      if ((payload.size() - 1) % 2 != 0) return OpusPayloadError::kMalformed;
      frames = 2;
      break;
    case 2: {  // two frames: [R4] the first one's length (1 or 2 octets) fits
      if (payload.size() < 2) return OpusPayloadError::kMalformed;
      size_t first = payload[1];
      size_t lengthBytes = 1;
      if (first >= 252) {  // section 3.2.1: two-octet length
        if (payload.size() < 3) return OpusPayloadError::kMalformed;
        first += size_t{payload[2]} * 4;
        lengthBytes = 2;
      }
      if (first > payload.size() - 1 - lengthBytes) return OpusPayloadError::kMalformed;
      frames = 2;
      break;
    }
    default:  // code 3: [R5] the count byte is there and M >= 1
      if (payload.size() < 2) return OpusPayloadError::kMalformed;
      frames = payload[1] & 0x3F;
      if (frames == 0) return OpusPayloadError::kMalformed;
      break;
  }
  const int samples = perFrame * frames;
  if (samples < kOpusMinPacketSamples || samples > kOpusMaxPacketSamples) {
    return OpusPayloadError::kBadDuration;  // [R5]: at most 120 ms
  }
  if (samples48k != nullptr) *samples48k = samples;
  return OpusPayloadError::kOk;
}

OpusRtpTimeline::Frame OpusRtpTimeline::onFrame(int samples48k, bool sent) {
  Frame frame;
  frame.timestamp = next_;
  frame.marker = sent && talkspurtStart_;
  // Unsent frames still take their time (section 4.1: the timestamp is the
  // sample time), so the receiver sees the DTX gap in the timestamps.
  next_ += static_cast<uint32_t>(samples48k > 0 ? samples48k : 0);
  talkspurtStart_ = !sent;
  return frame;
}

}  // namespace parley::rtp

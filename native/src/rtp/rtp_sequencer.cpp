#include "rtp/rtp_sequencer.h"

#include <stdexcept>

#include "common/random_id.h"
#include "rtp/rtp_packet.h"

namespace parley::rtp {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;

uint8_t checkedPayloadType(uint8_t payloadType) {
  if (payloadType > 127) throw std::invalid_argument("RtpSequencer: payload type above 127");
  return payloadType;
}

uint32_t checkedClockRate(uint32_t clockRate) {
  if (clockRate == 0) throw std::invalid_argument("RtpSequencer: clock rate 0");
  return clockRate;
}

}  // namespace

RtpSequencer::RtpSequencer(const RtpSequencerConfig& config)
    : ssrc_(config.ssrc),
      payloadType_(checkedPayloadType(config.payloadType)),
      clockRate_(checkedClockRate(config.clockRate)),
      nextSequence_(config.firstSequenceNumber ? *config.firstSequenceNumber
                                               : static_cast<uint16_t>(parley::randomUint32())),
      timestampOffset_(config.timestampOffset ? *config.timestampOffset : parley::randomUint32()) {}

uint32_t RtpSequencer::timestampFor(int64_t captureTimeUs) const {
  // Split into whole seconds (floored, so negative times work) and the
  // microseconds within the second, so no intermediate product overflows a
  // signed type; the unsigned sum wraps modulo 2^64, which leaves the result
  // right modulo 2^32, all a timestamp keeps.
  int64_t seconds = captureTimeUs / kMicrosPerSecond;
  int64_t micros = captureTimeUs % kMicrosPerSecond;
  if (micros < 0) {
    micros += kMicrosPerSecond;
    --seconds;
  }
  const uint64_t ticks = static_cast<uint64_t>(seconds) * clockRate_ +
                         static_cast<uint64_t>(micros) * clockRate_ / kMicrosPerSecond;
  return static_cast<uint32_t>(timestampOffset_ + ticks);
}

std::vector<uint8_t> RtpSequencer::packet(ByteView payload, uint32_t timestamp, bool marker) {
  RtpHeader header;
  header.marker = marker;
  header.payloadType = payloadType_;
  header.sequenceNumber = nextSequence_++;
  header.timestamp = timestamp;
  header.ssrc = ssrc_;
  std::vector<uint8_t> out;
  // Cannot fail: the payload type is checked, no CSRCs, no extension.
  writeRtpPacket(header, payload, 0, &out);
  return out;
}

std::vector<std::vector<uint8_t>> RtpSequencer::packetize(
    const std::vector<std::vector<uint8_t>>& payloads, int64_t captureTimeUs) {
  std::vector<std::vector<uint8_t>> packets;
  packets.reserve(payloads.size());
  const uint32_t timestamp = timestampFor(captureTimeUs);
  for (size_t i = 0; i < payloads.size(); ++i) {
    packets.push_back(packet(payloads[i], timestamp, i + 1 == payloads.size()));
  }
  return packets;
}

}  // namespace parley::rtp

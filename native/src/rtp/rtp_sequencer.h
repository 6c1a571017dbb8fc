// RTP packetizer/sequencer (RFC 3550 section 5.1): wraps payloads from a
// payloader (VP8 now, Opus later) in RTP headers of one outgoing stream.
#ifndef PARLEY_RTP_RTP_SEQUENCER_H
#define PARLEY_RTP_RTP_SEQUENCER_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rtp/byte_view.h"

namespace parley::rtp {

// Settings of one outgoing RTP stream, as agreed in SDP. The caller picks a
// random SSRC (unique within the session, RFC 3550 section 8).
struct RtpSequencerConfig {
  uint32_t ssrc = 0;
  uint8_t payloadType = 96;    // 0..127, the dynamic type agreed in SDP
  uint32_t clockRate = 90000;  // Hz: 90000 for video (RFC 7741), 48000 for Opus (RFC 7587)
  // First sequence number and the random offset added to every timestamp.
  // RFC 3550 section 5.1 asks for random initial values (makes known-plaintext
  // attacks on SRTP harder); set them only for tests and replays.
  std::optional<uint16_t> firstSequenceNumber;
  std::optional<uint32_t> timestampOffset;
};

// Numbers and timestamps the packets of one stream (one SSRC):
// - sequence numbers increase by one per packet across frames, wrapping at
//   16 bits, from a random start;
// - the RTP timestamp of a frame is offset + captureTimeUs * clockRate / 1e6
//   (modulo 2^32), so it follows the capture clock and gaps in it (dropped
//   frames) show up in the timestamps; all packets of a frame share it;
// - the marker bit is set on the last packet of each frame (RFC 7741
//   section 4.1; for audio the caller passes marker explicitly).
//
// Caller: one sequencer per SSRC, used from one thread, fed frames in
// sending order; capture times come from one monotonic clock. Packets are
// serialized without CSRCs or header extensions.
class RtpSequencer {
 public:
  // Throws std::invalid_argument for a payload type above 127 or a zero
  // clock rate.
  explicit RtpSequencer(const RtpSequencerConfig& config);

  // The payloads of one frame (from Vp8Payloader) as serialized RTP packets,
  // in order, marker on the last. Empty in, empty out.
  std::vector<std::vector<uint8_t>> packetize(const std::vector<std::vector<uint8_t>>& payloads,
                                              int64_t captureTimeUs);

  // One packet with the next sequence number (for single-packet frames such
  // as Opus, or payloads built elsewhere).
  std::vector<uint8_t> packet(ByteView payload, uint32_t timestamp, bool marker);

  // RTP timestamp of a frame captured at captureTimeUs.
  uint32_t timestampFor(int64_t captureTimeUs) const;

  uint16_t nextSequenceNumber() const { return nextSequence_; }
  uint32_t ssrc() const { return ssrc_; }
  uint8_t payloadType() const { return payloadType_; }
  uint32_t timestampOffset() const { return timestampOffset_; }

 private:
  uint32_t ssrc_;
  uint8_t payloadType_;
  uint32_t clockRate_;
  uint16_t nextSequence_;
  uint32_t timestampOffset_;
};

}  // namespace parley::rtp

#endif  // PARLEY_RTP_RTP_SEQUENCER_H

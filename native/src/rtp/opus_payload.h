// RTP payload format for Opus (RFC 7587): what goes in the payload, how the
// timestamp advances and when the marker bit is set.
//
// RFC 7587 section 4.2: "An RTP payload MUST contain exactly one Opus packet
// as defined by [RFC6716]" -- the payload is the encoder's output verbatim,
// with no payload header:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                           timestamp                           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |           synchronization source (SSRC) identifier            |
//   +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   |            contributing source (CSRC) identifiers             |
//   |                              ...                              |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                          Opus packet (RFC 6716)               |
//   |                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                                 |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          (RFC 7587 figure 1: packet structure with RTP header)
//
// Section 4.1: "The RTP timestamp is incremented with a 48000 Hz clock rate
// for all modes of Opus and all sampling rates. The unit for the timestamp is
// samples per single (mono) channel. The RTP timestamp corresponds to the
// sample time of the first encoded sample in the encoded frame."
// Section 4.1 also uses the marker bit as RFC 3551 section 4.1 says: "the
// first packet of a talkspurt, that is, the first packet after a silence
// period during which packets have not been transmitted contiguously, SHOULD
// be distinguished by setting the marker bit"; with Opus DTX (RFC 7587
// section 3.1.3) that is the first packet after frames the sender dropped.
// Section 4.2 bounds the payload: frames of 2.5 .. 60 ms, "up to a maximum
// packet duration representing 120 ms".
//
// The duration comes from the Opus packet's TOC byte (RFC 6716 section 3.1)
// and, for code 3, its frame count byte (section 3.2.5):
//
//    0 1 2 3 4 5 6 7      0 1 2 3 4 5 6 7
//   +-+-+-+-+-+-+-+-+    +-+-+-+-+-+-+-+-+
//   | config  |s| c |    |v|p|     M     |   (code 3 only)
//   +-+-+-+-+-+-+-+-+    +-+-+-+-+-+-+-+-+
//
// config selects the mode and frame size (table 2: SILK 10/20/40/60 ms,
// hybrid 10/20 ms, CELT 2.5/5/10/20 ms), c the frame count: 0 one frame, 1
// two equal frames, 2 two frames of different sizes, 3 M frames. This file
// reads them itself (no libopus), so the RTP layer stays codec-free.
#ifndef PARLEY_RTP_OPUS_PAYLOAD_H
#define PARLEY_RTP_OPUS_PAYLOAD_H

#include <cstddef>
#include <cstdint>

#include "rtp/byte_view.h"

namespace parley::rtp {

inline constexpr uint32_t kOpusRtpClockRate = 48000;  // RFC 7587 section 4.1
inline constexpr int kOpusMinPacketSamples = 120;     // 2.5 ms at 48 kHz
inline constexpr int kOpusMaxPacketSamples = 5760;    // 120 ms (section 4.2)
// RFC 6716 section 3.4 [R5]: an Opus packet is at most 1275 octets per frame
// times 48 frames; no sane call packet exceeds the UDP MTU, so we cap there.
inline constexpr size_t kOpusMaxPayloadSize = 1500;

// Why a payload is not one usable Opus packet. The receive path counts these
// and drops the packet.
enum class OpusPayloadError {
  kOk = 0,
  kEmpty,        // zero octets: not an Opus packet (RFC 6716 section 3.4 [R1])
  kTooLarge,     // above kOpusMaxPayloadSize
  kMalformed,    // breaks RFC 6716 section 3.4 [R3]-[R5] (frame count/lengths)
  kBadDuration,  // outside 2.5 .. 120 ms (RFC 7587 section 4.2)
};

const char* opusPayloadErrorName(OpusPayloadError error);

// Checks that `payload` is one Opus packet (RFC 7587 section 4.2) and, on
// kOk, sets *samples48k to its duration in 48 kHz samples, which is also how
// far the RTP timestamp of the next packet is ahead of this one's (unless
// DTX left a gap). Never reads outside the view. samples48k may be null.
OpusPayloadError parseOpusPayload(ByteView payload, int* samples48k);

// Sender side of RFC 7587 section 4.1 for one stream: RTP timestamps that
// advance by each frame's 48 kHz sample count, sent or not, and the marker
// bit on the first packet of each talkspurt (the first packet of the stream
// and the first one after DTX frames that were not sent).
// Caller: one per stream, on the encoding thread, one call per encoded frame
// in capture order. Hand the result to RtpSequencer::packet().
class OpusRtpTimeline {
 public:
  struct Frame {
    uint32_t timestamp = 0;  // of the frame's first sample
    bool marker = false;     // meaningful when the frame is sent
  };

  explicit OpusRtpTimeline(uint32_t firstTimestamp) : next_(firstTimestamp) {}

  // The frame just encoded: its timestamp and marker. `sent` is false for a
  // DTX frame the sender drops. samples48k is the frame's duration.
  Frame onFrame(int samples48k, bool sent);
  uint32_t nextTimestamp() const { return next_; }

 private:
  uint32_t next_;
  bool talkspurtStart_ = true;
};

}  // namespace parley::rtp

#endif  // PARLEY_RTP_OPUS_PAYLOAD_H

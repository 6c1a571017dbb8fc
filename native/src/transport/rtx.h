// RTP retransmission payload format (RFC 4588), session-multiplexed: the
// retransmission goes on its own SSRC and payload type (negotiated with
// a=rtpmap:<pt> rtx/<rate> and a=fmtp:<pt> apt=<media pt>), with its own
// sequence numbers, so the media stream's statistics and SRTP indexes stay
// untouched.
//
// RFC 4588 section 4, the RTX packet: the original RTP header with SSRC,
// payload type and sequence number replaced (timestamp, marker, CSRCs and
// extensions kept), and the payload prefixed by the original sequence number:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                         RTP Header                            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |            OSN                |                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
//   |                  Original RTP Packet Payload                  |
//   |                                                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Padding of the original is not carried (it is not payload); an RTX packet
// may carry its own padding, which parsing removes.
#ifndef PARLEY_TRANSPORT_RTX_H
#define PARLEY_TRANSPORT_RTX_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::transport {

inline constexpr size_t kRtxOsnSize = 2;

// Builds the RTX packet of one original RTP packet into *out. false (and
// *out unspecified) when the original is not valid RTP.
bool wrapRtx(const uint8_t* original, size_t size, uint32_t rtxSsrc, uint8_t rtxPayloadType,
             uint16_t rtxSequenceNumber, std::vector<uint8_t>* out);

enum class RtxUnwrapError {
  kOk = 0,
  kMalformedRtp,  // not a valid RTP packet
  kNoOsn,         // payload shorter than the 2-octet OSN (an RTX padding-only probe, or garbage)
};

// Restores the original packet from an RTX packet: mediaSsrc and
// mediaPayloadType (from the stream's configuration) and the OSN as sequence
// number. On error *out is unspecified and must be dropped.
RtxUnwrapError unwrapRtx(const uint8_t* rtx, size_t size, uint32_t mediaSsrc,
                         uint8_t mediaPayloadType, std::vector<uint8_t>* out);

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_RTX_H

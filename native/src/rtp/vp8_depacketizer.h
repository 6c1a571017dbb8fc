// VP8 depacketizer (RFC 7741 sections 4.2-4.3): turns one parsed RTP packet
// of a VP8 stream into the video::VideoPacket the jitter buffer assembles
// frames from. It does not reassemble frames itself.
#ifndef PARLEY_RTP_VP8_DEPACKETIZER_H
#define PARLEY_RTP_VP8_DEPACKETIZER_H

#include <cstddef>
#include <cstdint>

#include "rtp/rtp_packet.h"
#include "rtp/sequence_unwrapper.h"
#include "rtp/vp8_payload_descriptor.h"
#include "video/video_packet.h"

namespace parley::rtp {

// What the depacketizer read from the packet beyond the VideoPacket fields:
// the whole descriptor, and on a frame's first packet the payload header
// (key frames carry the picture size, for size-change events and stats).
struct Vp8PacketInfo {
  Vp8PayloadDescriptor descriptor;
  size_t descriptorSize = 0;
  bool hasPayloadHeader = false;  // true exactly when descriptor.startsFrame()
  Vp8PayloadHeader payloadHeader;
};

// Fills a VideoPacket from an RTP packet: sequence number and timestamp
// extended to 64 bits, marker, frameStart (S=1 and PID=0), keyframe
// (frameStart and P=0), PictureID (-1 when absent; 7-bit IDs as they are),
// arrival time, and the VP8 octets with the descriptor removed.
//
// Caller:
// - demultiplexes first: one depacketizer per SSRC, fed only packets of the
//   VP8 payload type; call reset() (or use a new one) when the SSRC changes;
// - counts and drops packets for which depacketize() returns an error. A
//   packet with an empty payload (kEmpty) is RTP padding (bandwidth probes),
//   not damage: drop it without counting it as malformed;
// - sets VideoPacket::retransmitted itself for packets recovered via RTX
//   (after unwrapping RFC 4588's original sequence number into the header).
// Bad packets never move the unwrappers, so they cannot disturb the
// numbering of the packets around them. Not thread-safe.
class Vp8Depacketizer {
 public:
  // On kOk overwrites every field of *out (retransmitted = false) and, when
  // info is not null, *info. On error leaves *out and *info unspecified.
  Vp8ParseError depacketize(const RtpPacketView& packet, int64_t arrivalTimeUs,
                            video::VideoPacket* out, Vp8PacketInfo* info = nullptr);

  void reset();

 private:
  SequenceNumberUnwrapper sequence_;
  RtpTimestampUnwrapper timestamp_;
};

}  // namespace parley::rtp

#endif  // PARLEY_RTP_VP8_DEPACKETIZER_H

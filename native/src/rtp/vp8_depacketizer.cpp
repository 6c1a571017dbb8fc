#include "rtp/vp8_depacketizer.h"

namespace parley::rtp {

Vp8ParseError Vp8Depacketizer::depacketize(const RtpPacketView& packet, int64_t arrivalTimeUs,
                                           video::VideoPacket* out, Vp8PacketInfo* info) {
  Vp8PacketInfo local;
  Vp8PacketInfo& parsed = info != nullptr ? *info : local;
  Vp8ParseError error =
      parseVp8PayloadDescriptor(packet.payload, &parsed.descriptor, &parsed.descriptorSize);
  if (error != Vp8ParseError::kOk) return error;
  const ByteView vp8 = packet.payload.subview(parsed.descriptorSize);

  // Section 4.3: the payload header is only present at the start of a frame.
  parsed.hasPayloadHeader = parsed.descriptor.startsFrame();
  parsed.payloadHeader = Vp8PayloadHeader();
  if (parsed.hasPayloadHeader) {
    error = parseVp8PayloadHeader(vp8, &parsed.payloadHeader);
    if (error != Vp8ParseError::kOk) return error;
  }

  // Only a valid packet moves the unwrappers.
  out->sequence = sequence_.unwrap(packet.header.sequenceNumber);
  out->rtpTimestamp = timestamp_.unwrap(packet.header.timestamp);
  out->marker = packet.header.marker;
  out->frameStart = parsed.hasPayloadHeader;
  out->keyframe = parsed.hasPayloadHeader && parsed.payloadHeader.keyframe;
  out->pictureId = parsed.descriptor.hasPictureId ? parsed.descriptor.pictureId : -1;
  out->arrivalTimeUs = arrivalTimeUs;
  out->retransmitted = false;
  out->payload.assign(vp8.begin(), vp8.end());
  return Vp8ParseError::kOk;
}

void Vp8Depacketizer::reset() {
  sequence_.reset();
  timestamp_.reset();
}

}  // namespace parley::rtp

#include "transport/rtx.h"

#include <algorithm>

#include "rtp/rtp_packet.h"

namespace parley::transport {

bool wrapRtx(const uint8_t* original, size_t size, uint32_t rtxSsrc, uint8_t rtxPayloadType,
             uint16_t rtxSequenceNumber, std::vector<uint8_t>* out) {
  rtp::RtpPacketView view;
  if (rtp::parseRtpPacket(original, size, &view) != rtp::RtpParseError::kOk) return false;
  rtp::RtpHeader header = view.header;  // extension still points into `original`
  const uint16_t osn = header.sequenceNumber;
  header.ssrc = rtxSsrc;
  header.payloadType = rtxPayloadType;
  header.sequenceNumber = rtxSequenceNumber;
  std::vector<uint8_t> payload(kRtxOsnSize + view.payload.size());
  rtp::storeBe16(payload.data(), osn);
  std::copy(view.payload.begin(), view.payload.end(), payload.begin() + kRtxOsnSize);
  return rtp::writeRtpPacket(header, rtp::ByteView(payload), 0, out) == rtp::RtpWriteError::kOk;
}

RtxUnwrapError unwrapRtx(const uint8_t* rtx, size_t size, uint32_t mediaSsrc,
                         uint8_t mediaPayloadType, std::vector<uint8_t>* out) {
  rtp::RtpPacketView view;
  if (rtp::parseRtpPacket(rtx, size, &view) != rtp::RtpParseError::kOk) {
    return RtxUnwrapError::kMalformedRtp;
  }
  if (view.payload.size() < kRtxOsnSize) return RtxUnwrapError::kNoOsn;
  rtp::RtpHeader header = view.header;
  header.sequenceNumber = rtp::loadBe16(view.payload.data());
  header.ssrc = mediaSsrc;
  header.payloadType = mediaPayloadType;
  if (rtp::writeRtpPacket(header, view.payload.subview(kRtxOsnSize), 0, out) !=
      rtp::RtpWriteError::kOk) {
    return RtxUnwrapError::kMalformedRtp;
  }
  return RtxUnwrapError::kOk;
}

}  // namespace parley::transport

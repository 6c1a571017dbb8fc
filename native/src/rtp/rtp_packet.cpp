// RTP header parsing and writing, RFC 3550 sections 5.1 and 5.3.1; the
// diagrams are in rtp_packet.h.
#include "rtp/rtp_packet.h"

#include <cstring>

namespace parley::rtp {
namespace {

// First octet: V (2 bits), P, X, CC (4 bits). Second octet: M, PT (7 bits).
constexpr uint8_t kPaddingBit = 0x20;
constexpr uint8_t kExtensionBit = 0x10;
constexpr uint8_t kCsrcCountMask = 0x0F;
constexpr uint8_t kMarkerBit = 0x80;
constexpr uint8_t kPayloadTypeMask = 0x7F;

}  // namespace

const char* rtpParseErrorName(RtpParseError error) {
  switch (error) {
    case RtpParseError::kOk:
      return "ok";
    case RtpParseError::kTooShort:
      return "too-short";
    case RtpParseError::kBadVersion:
      return "bad-version";
    case RtpParseError::kCsrcBeyondEnd:
      return "csrc-beyond-end";
    case RtpParseError::kExtensionHeaderBeyondEnd:
      return "extension-header-beyond-end";
    case RtpParseError::kExtensionBeyondEnd:
      return "extension-beyond-end";
    case RtpParseError::kZeroPaddingCount:
      return "zero-padding-count";
    case RtpParseError::kPaddingBeyondPayload:
      return "padding-beyond-payload";
  }
  return "unknown";
}

const char* rtpWriteErrorName(RtpWriteError error) {
  switch (error) {
    case RtpWriteError::kOk:
      return "ok";
    case RtpWriteError::kBadPayloadType:
      return "bad-payload-type";
    case RtpWriteError::kTooManyCsrcs:
      return "too-many-csrcs";
    case RtpWriteError::kBadExtensionSize:
      return "bad-extension-size";
    case RtpWriteError::kBufferTooSmall:
      return "buffer-too-small";
  }
  return "unknown";
}

size_t RtpHeader::size() const {
  size_t size = kRtpFixedHeaderSize + 4 * size_t{csrcCount};
  if (hasExtension) size += kRtpExtensionHeaderSize + extension.size();
  return size;
}

RtpParseError parseRtpPacket(const uint8_t* data, size_t size, RtpPacketView* out) {
  if (data == nullptr || size < kRtpFixedHeaderSize) return RtpParseError::kTooShort;
  if ((data[0] >> 6) != kRtpVersion) return RtpParseError::kBadVersion;

  RtpHeader& header = out->header;
  const bool padding = (data[0] & kPaddingBit) != 0;
  header.hasExtension = (data[0] & kExtensionBit) != 0;
  header.csrcCount = data[0] & kCsrcCountMask;
  header.marker = (data[1] & kMarkerBit) != 0;
  header.payloadType = data[1] & kPayloadTypeMask;
  header.sequenceNumber = loadBe16(data + 2);
  header.timestamp = loadBe32(data + 4);
  header.ssrc = loadBe32(data + 8);

  // Every check below compares against what is left (size - offset), so no
  // sum can overflow and no read goes past the end.
  size_t offset = kRtpFixedHeaderSize;
  const size_t csrcBytes = 4 * size_t{header.csrcCount};
  if (csrcBytes > size - offset) return RtpParseError::kCsrcBeyondEnd;
  header.csrcs.fill(0);
  for (size_t i = 0; i < header.csrcCount; ++i) {
    header.csrcs[i] = loadBe32(data + offset + 4 * i);
  }
  offset += csrcBytes;

  header.extensionProfile = 0;
  header.extension = ByteView();
  if (header.hasExtension) {
    if (size - offset < kRtpExtensionHeaderSize) return RtpParseError::kExtensionHeaderBeyondEnd;
    header.extensionProfile = loadBe16(data + offset);
    const size_t bodyBytes = 4 * size_t{loadBe16(data + offset + 2)};
    offset += kRtpExtensionHeaderSize;
    if (bodyBytes > size - offset) return RtpParseError::kExtensionBeyondEnd;
    header.extension = ByteView(data + offset, bodyBytes);
    offset += bodyBytes;
  }

  size_t payloadEnd = size;
  out->paddingSize = 0;
  if (padding) {
    const uint8_t count = data[size - 1];
    if (count == 0) return RtpParseError::kZeroPaddingCount;
    if (count > size - offset) return RtpParseError::kPaddingBeyondPayload;
    out->paddingSize = count;
    payloadEnd -= count;
  }
  out->headerSize = offset;
  out->payload = ByteView(data + offset, payloadEnd - offset);
  return RtpParseError::kOk;
}

size_t rtpPacketSize(const RtpHeader& header, size_t payloadSize, uint8_t paddingSize) {
  return header.size() + payloadSize + paddingSize;
}

RtpWriteError writeRtpPacket(const RtpHeader& header, ByteView payload, uint8_t paddingSize,
                             uint8_t* out, size_t capacity, size_t* written) {
  if (header.payloadType > kPayloadTypeMask) return RtpWriteError::kBadPayloadType;
  if (header.csrcCount > kRtpMaxCsrcCount) return RtpWriteError::kTooManyCsrcs;
  if (header.hasExtension &&
      (header.extension.size() % 4 != 0 || header.extension.size() > kRtpMaxExtensionBodySize)) {
    return RtpWriteError::kBadExtensionSize;
  }
  const size_t total = rtpPacketSize(header, payload.size(), paddingSize);
  if (out == nullptr || capacity < total) return RtpWriteError::kBufferTooSmall;

  out[0] = static_cast<uint8_t>((kRtpVersion << 6) | (paddingSize > 0 ? kPaddingBit : 0) |
                                (header.hasExtension ? kExtensionBit : 0) | header.csrcCount);
  out[1] = static_cast<uint8_t>((header.marker ? kMarkerBit : 0) | header.payloadType);
  storeBe16(out + 2, header.sequenceNumber);
  storeBe32(out + 4, header.timestamp);
  storeBe32(out + 8, header.ssrc);
  size_t offset = kRtpFixedHeaderSize;
  for (size_t i = 0; i < header.csrcCount; ++i, offset += 4) {
    storeBe32(out + offset, header.csrcs[i]);
  }
  if (header.hasExtension) {
    storeBe16(out + offset, header.extensionProfile);
    storeBe16(out + offset + 2, static_cast<uint16_t>(header.extension.size() / 4));
    offset += kRtpExtensionHeaderSize;
    if (!header.extension.empty()) {
      std::memcpy(out + offset, header.extension.data(), header.extension.size());
    }
    offset += header.extension.size();
  }
  if (!payload.empty()) std::memcpy(out + offset, payload.data(), payload.size());
  offset += payload.size();
  if (paddingSize > 0) {
    std::memset(out + offset, 0, paddingSize - 1u);
    out[offset + paddingSize - 1] = paddingSize;
    offset += paddingSize;
  }
  *written = offset;
  return RtpWriteError::kOk;
}

RtpWriteError writeRtpPacket(const RtpHeader& header, ByteView payload, uint8_t paddingSize,
                             std::vector<uint8_t>* out) {
  out->resize(rtpPacketSize(header, payload.size(), paddingSize));
  size_t written = 0;
  const RtpWriteError error =
      writeRtpPacket(header, payload, paddingSize, out->data(), out->size(), &written);
  out->resize(error == RtpWriteError::kOk ? written : 0);
  return error;
}

}  // namespace parley::rtp

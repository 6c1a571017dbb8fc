// RFC 7741 section 4.2 descriptor and section 4.3 payload header; the
// diagrams are in vp8_payload_descriptor.h.
#include "rtp/vp8_payload_descriptor.h"

namespace parley::rtp {
namespace {

// Required octet: |X|R|N|S|R| PID |
constexpr uint8_t kXBit = 0x80;
constexpr uint8_t kNBit = 0x20;
constexpr uint8_t kSBit = 0x10;
constexpr uint8_t kPidMask = 0x07;
// X octet: |I|L|T|K| RSV |
constexpr uint8_t kIBit = 0x80;
constexpr uint8_t kLBit = 0x40;
constexpr uint8_t kTBit = 0x20;
constexpr uint8_t kKBit = 0x10;
// PictureID first octet: |M| PictureID |
constexpr uint8_t kMBit = 0x80;
// T/K octet: |TID|Y| KEYIDX |
constexpr uint8_t kYBit = 0x20;
constexpr uint8_t kKeyIdxMask = 0x1F;

// Payload header, first octet (LSB first in RFC 6386 terms): P, VER, H, Size0.
constexpr uint8_t kInverseKeyframeBit = 0x01;
constexpr size_t kPayloadHeaderSize = 3;
constexpr size_t kKeyframeHeaderSize = 10;  // 3 tag + 3 start code + 2 width + 2 height
constexpr uint8_t kStartCode[3] = {0x9d, 0x01, 0x2a};

}  // namespace

const char* vp8ParseErrorName(Vp8ParseError error) {
  switch (error) {
    case Vp8ParseError::kOk:
      return "ok";
    case Vp8ParseError::kEmpty:
      return "empty";
    case Vp8ParseError::kTruncatedExtension:
      return "truncated-extension";
    case Vp8ParseError::kTruncatedPictureId:
      return "truncated-picture-id";
    case Vp8ParseError::kTruncatedTl0PicIdx:
      return "truncated-tl0picidx";
    case Vp8ParseError::kTruncatedTidKeyIdx:
      return "truncated-tid-keyidx";
    case Vp8ParseError::kNoVp8Payload:
      return "no-vp8-payload";
    case Vp8ParseError::kTruncatedPayloadHeader:
      return "truncated-payload-header";
    case Vp8ParseError::kTruncatedKeyframeHeader:
      return "truncated-keyframe-header";
    case Vp8ParseError::kBadStartCode:
      return "bad-start-code";
  }
  return "unknown";
}

bool Vp8PayloadDescriptor::operator==(const Vp8PayloadDescriptor& o) const {
  return nonReference == o.nonReference && startOfPartition == o.startOfPartition &&
         partitionIndex == o.partitionIndex && hasPictureId == o.hasPictureId &&
         (!hasPictureId || (longPictureId == o.longPictureId && pictureId == o.pictureId)) &&
         hasTl0PicIdx == o.hasTl0PicIdx && tl0PicIdx == o.tl0PicIdx && hasTid == o.hasTid &&
         tid == o.tid && layerSync == o.layerSync && hasKeyIdx == o.hasKeyIdx && keyIdx == o.keyIdx;
}

Vp8ParseError parseVp8PayloadDescriptor(ByteView payload, Vp8PayloadDescriptor* out, size_t* size) {
  if (payload.empty()) return Vp8ParseError::kEmpty;
  Vp8PayloadDescriptor d;
  size_t offset = 0;
  const uint8_t first = payload[offset++];
  d.nonReference = (first & kNBit) != 0;
  d.startOfPartition = (first & kSBit) != 0;
  d.partitionIndex = first & kPidMask;

  if ((first & kXBit) != 0) {
    if (offset >= payload.size()) return Vp8ParseError::kTruncatedExtension;
    const uint8_t x = payload[offset++];
    d.hasPictureId = (x & kIBit) != 0;
    d.hasTl0PicIdx = (x & kLBit) != 0;
    d.hasTid = (x & kTBit) != 0;
    d.hasKeyIdx = (x & kKBit) != 0;

    if (d.hasPictureId) {
      if (offset >= payload.size()) return Vp8ParseError::kTruncatedPictureId;
      const uint8_t high = payload[offset++];
      d.longPictureId = (high & kMBit) != 0;
      if (d.longPictureId) {
        if (offset >= payload.size()) return Vp8ParseError::kTruncatedPictureId;
        d.pictureId = static_cast<uint16_t>(((high & 0x7F) << 8) | payload[offset++]);
      } else {
        d.pictureId = high & 0x7F;
      }
    }
    if (d.hasTl0PicIdx) {
      if (offset >= payload.size()) return Vp8ParseError::kTruncatedTl0PicIdx;
      d.tl0PicIdx = payload[offset++];
    }
    if (d.hasTid || d.hasKeyIdx) {
      if (offset >= payload.size()) return Vp8ParseError::kTruncatedTidKeyIdx;
      const uint8_t tk = payload[offset++];
      if (d.hasTid) {
        d.tid = tk >> 6;
        d.layerSync = (tk & kYBit) != 0;
      }
      if (d.hasKeyIdx) d.keyIdx = tk & kKeyIdxMask;
    }
  }
  if (offset >= payload.size()) return Vp8ParseError::kNoVp8Payload;
  *out = d;
  *size = offset;
  return Vp8ParseError::kOk;
}

size_t vp8PayloadDescriptorSize(const Vp8PayloadDescriptor& d) {
  size_t size = 1;
  if (!d.hasExtension()) return size;
  ++size;
  if (d.hasPictureId) size += d.longPictureId ? 2 : 1;
  if (d.hasTl0PicIdx) ++size;
  if (d.hasTid || d.hasKeyIdx) ++size;
  return size;
}

size_t writeVp8PayloadDescriptor(const Vp8PayloadDescriptor& d, uint8_t* out, size_t capacity) {
  const size_t size = vp8PayloadDescriptorSize(d);
  if (out == nullptr || capacity < size) return 0;
  size_t offset = 0;
  out[offset++] =
      static_cast<uint8_t>((d.hasExtension() ? kXBit : 0) | (d.nonReference ? kNBit : 0) |
                           (d.startOfPartition ? kSBit : 0) | (d.partitionIndex & kPidMask));
  if (!d.hasExtension()) return offset;
  out[offset++] = static_cast<uint8_t>((d.hasPictureId ? kIBit : 0) | (d.hasTl0PicIdx ? kLBit : 0) |
                                       (d.hasTid ? kTBit : 0) | (d.hasKeyIdx ? kKBit : 0));
  if (d.hasPictureId) {
    if (d.longPictureId) {
      out[offset++] = static_cast<uint8_t>(kMBit | ((d.pictureId >> 8) & 0x7F));
      out[offset++] = static_cast<uint8_t>(d.pictureId);
    } else {
      out[offset++] = static_cast<uint8_t>(d.pictureId & 0x7F);
    }
  }
  if (d.hasTl0PicIdx) out[offset++] = d.tl0PicIdx;
  if (d.hasTid || d.hasKeyIdx) {
    out[offset++] = static_cast<uint8_t>((d.hasTid ? ((d.tid & 0x03) << 6) : 0) |
                                         (d.hasTid && d.layerSync ? kYBit : 0) |
                                         (d.hasKeyIdx ? (d.keyIdx & kKeyIdxMask) : 0));
  }
  return offset;
}

Vp8ParseError parseVp8PayloadHeader(ByteView vp8, Vp8PayloadHeader* out) {
  if (vp8.size() < kPayloadHeaderSize) return Vp8ParseError::kTruncatedPayloadHeader;
  Vp8PayloadHeader h;
  // The 24-bit frame tag is little-endian: bit 0 P, bits 1-3 VER, bit 4 H,
  // bits 5-23 the first partition size.
  const uint32_t tag = uint32_t{vp8[0]} | (uint32_t{vp8[1]} << 8) | (uint32_t{vp8[2]} << 16);
  h.keyframe = (tag & kInverseKeyframeBit) == 0;
  h.version = static_cast<uint8_t>((tag >> 1) & 0x07);
  h.showFrame = ((tag >> 4) & 0x01) != 0;
  h.firstPartitionSize = tag >> 5;
  if (h.keyframe) {
    if (vp8.size() < kKeyframeHeaderSize) return Vp8ParseError::kTruncatedKeyframeHeader;
    if (vp8[3] != kStartCode[0] || vp8[4] != kStartCode[1] || vp8[5] != kStartCode[2]) {
      return Vp8ParseError::kBadStartCode;
    }
    const uint16_t w = static_cast<uint16_t>(vp8[6] | (vp8[7] << 8));
    const uint16_t hgt = static_cast<uint16_t>(vp8[8] | (vp8[9] << 8));
    h.width = w & 0x3FFF;
    h.horizontalScale = static_cast<uint8_t>(w >> 14);
    h.height = hgt & 0x3FFF;
    h.verticalScale = static_cast<uint8_t>(hgt >> 14);
  }
  *out = h;
  return Vp8ParseError::kOk;
}

}  // namespace parley::rtp

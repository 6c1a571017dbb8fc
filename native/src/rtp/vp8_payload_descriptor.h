// VP8 payload descriptor (RFC 7741 section 4.2) and VP8 payload header
// (RFC 7741 section 4.3 with the key frame header of RFC 6386 section 9.1).
//
// RFC 7741 section 4.2, the descriptor at the start of every RTP payload:
//
//         0 1 2 3 4 5 6 7                      0 1 2 3 4 5 6 7
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//        |X|R|N|S|R| PID | (REQUIRED)        |X|R|N|S|R| PID | (REQUIRED)
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//   X:   |I|L|T|K| RSV   | (OPTIONAL)   X:   |I|L|T|K| RSV   | (OPTIONAL)
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//   I:   |M| PictureID   | (OPTIONAL)   I:   |M| PictureID   | (OPTIONAL)
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//   L:   |   TL0PICIDX   | (OPTIONAL)        |   PictureID   |
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//   T/K: |TID|Y| KEYIDX  | (OPTIONAL)   L:   |   TL0PICIDX   | (OPTIONAL)
//        +-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+
//                                     T/K: |TID|Y| KEYIDX  | (OPTIONAL)
//                                          +-+-+-+-+-+-+-+-+
//
// Left: M=0, 7-bit PictureID. Right: M=1, 15-bit PictureID. The T/K octet is
// present when T or K is 1 (its TID/Y part is ignored when T is 0).
//
// RFC 7741 section 4.3, the VP8 payload header: the first 3 octets of the VP8
// frame, present in the packet with S=1 and PID=0 (the frame tag of RFC 6386
// section 9.1, drawn most significant bit first):
//
//      0 1 2 3 4 5 6 7
//     +-+-+-+-+-+-+-+-+
//     |Size0|H| VER |P|
//     +-+-+-+-+-+-+-+-+
//     |     Size1     |
//     +-+-+-+-+-+-+-+-+
//     |     Size2     |
//     +-+-+-+-+-+-+-+-+
//     | Octets 4..N of|
//     | VP8 payload   |
//     :               :
//
// P is the inverse key frame flag (0 = key frame), H the show_frame flag and
// the first partition size is Size0 + 8 * Size1 + 2048 * Size2. A key frame
// continues (RFC 6386 section 9.1) with the start code 0x9d 0x01 0x2a and two
// little-endian 16-bit fields, each a 14-bit size and a 2-bit scale:
//
//     | 0x9d | 0x01 | 0x2a | width (14) + horiz scale (2) | height (14) + vert scale (2) |
#ifndef PARLEY_RTP_VP8_PAYLOAD_DESCRIPTOR_H
#define PARLEY_RTP_VP8_PAYLOAD_DESCRIPTOR_H

#include <cstddef>
#include <cstdint>

#include "rtp/byte_view.h"

namespace parley::rtp {

// Why a VP8 RTP payload cannot be used. The receive path counts the packet
// as malformed and drops it.
enum class Vp8ParseError {
  kOk = 0,
  kEmpty,                    // no octets at all (a padding-only RTP packet)
  kTruncatedExtension,       // X=1 but the I/L/T/K octet is missing
  kTruncatedPictureId,       // I=1 but the PictureID octet(s) are missing
  kTruncatedTl0PicIdx,       // L=1 but TL0PICIDX is missing
  kTruncatedTidKeyIdx,       // T or K is 1 but the TID/Y/KEYIDX octet is missing
  kNoVp8Payload,             // the descriptor takes up the whole payload
  kTruncatedPayloadHeader,   // a frame start holds fewer than 3 VP8 octets
  kTruncatedKeyframeHeader,  // a key frame start holds fewer than 10 VP8 octets
  kBadStartCode,             // a key frame without the 0x9d 0x01 0x2a start code
};

// Short, stable name of an error, for logs and stats.
const char* vp8ParseErrorName(Vp8ParseError error);

// The fields of one RFC 7741 payload descriptor. The has* flags say which
// optional fields are present; the value of an absent field is 0.
struct Vp8PayloadDescriptor {
  bool nonReference = false;      // N: the frame can be discarded
  bool startOfPartition = false;  // S
  uint8_t partitionIndex = 0;     // PID, 0..7
  bool hasPictureId = false;      // I
  bool longPictureId = true;      // M: 15-bit PictureID when true, 7-bit when false
  uint16_t pictureId = 0;         // 0..0x7FFF (M=1) or 0..0x7F (M=0)
  bool hasTl0PicIdx = false;      // L
  uint8_t tl0PicIdx = 0;
  bool hasTid = false;     // T
  uint8_t tid = 0;         // temporal layer index, 0..3
  bool layerSync = false;  // Y
  bool hasKeyIdx = false;  // K
  uint8_t keyIdx = 0;      // 0..31

  // S=1 and PID=0: this packet carries the first octets of a frame.
  bool startsFrame() const { return startOfPartition && partitionIndex == 0; }
  // Whether the X octet is written (any of I, L, T, K).
  bool hasExtension() const { return hasPictureId || hasTl0PicIdx || hasTid || hasKeyIdx; }
  bool operator==(const Vp8PayloadDescriptor& other) const;
  bool operator!=(const Vp8PayloadDescriptor& other) const { return !(*this == other); }
};

// Parses the descriptor at the start of an RTP payload. On kOk sets *out and
// *size (octets taken by the descriptor, always < payload.size()); the VP8
// data is payload.subview(*size). Never reads past payload.size().
Vp8ParseError parseVp8PayloadDescriptor(ByteView payload, Vp8PayloadDescriptor* out, size_t* size);

// Octets writeVp8PayloadDescriptor needs for `descriptor` (1 to 6).
size_t vp8PayloadDescriptorSize(const Vp8PayloadDescriptor& descriptor);

// Writes the descriptor to out[0, capacity); returns the octets written, or 0
// when capacity is too small. Values wider than their field are masked.
size_t writeVp8PayloadDescriptor(const Vp8PayloadDescriptor& descriptor, uint8_t* out,
                                 size_t capacity);

// The VP8 payload header (section 4.3) of a frame's first packet, plus the
// key frame header's picture size.
struct Vp8PayloadHeader {
  bool keyframe = false;            // P == 0
  uint8_t version = 0;              // VER, 0..7
  bool showFrame = false;           // H
  uint32_t firstPartitionSize = 0;  // 19 bits
  // Key frames only (RFC 6386 section 9.1); 0 on interframes.
  int width = 0;
  int height = 0;
  uint8_t horizontalScale = 0;
  uint8_t verticalScale = 0;
};

// Parses the payload header from the VP8 data (descriptor removed) of a
// packet whose descriptor startsFrame(). The caller must not call it on
// continuation packets: their first octets are not a header.
Vp8ParseError parseVp8PayloadHeader(ByteView vp8, Vp8PayloadHeader* out);

}  // namespace parley::rtp

#endif  // PARLEY_RTP_VP8_PAYLOAD_DESCRIPTOR_H

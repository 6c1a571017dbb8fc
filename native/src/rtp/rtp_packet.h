// RTP packet header parser and writer (RFC 3550 section 5.1), codec-agnostic:
// shared by the VP8 (RFC 7741) and Opus (RFC 7587) payload formats.
//
// RFC 3550 section 5.1, the fixed header:
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
//   |                             ....                              |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// RFC 3550 section 5.3.1, the header extension (present when X=1; it follows
// the CSRC list):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      defined by profile       |           length              |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                        header extension                       |
//   |                             ....                              |
//
// "length" counts the 32-bit words of the extension body, excluding the
// four-octet extension header. RFC 8285 elements inside the body are read
// and written by rtp_header_extensions.h.
//
// Padding (P=1, section 5.1): the last octet of the packet holds the number
// of padding octets at the end of the packet, that octet included.
#ifndef PARLEY_RTP_RTP_PACKET_H
#define PARLEY_RTP_RTP_PACKET_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rtp/byte_view.h"

namespace parley::rtp {

inline constexpr uint8_t kRtpVersion = 2;
inline constexpr size_t kRtpFixedHeaderSize = 12;
inline constexpr size_t kRtpMaxCsrcCount = 15;
inline constexpr size_t kRtpExtensionHeaderSize = 4;
// The extension length field counts 32-bit words in 16 bits.
inline constexpr size_t kRtpMaxExtensionBodySize = 0xFFFF * 4;

// Why a buffer is not a well-formed RTP packet. The receive path counts these
// and drops the packet; nothing in a rejected buffer is used.
enum class RtpParseError {
  kOk = 0,
  kTooShort,                  // fewer than the 12 octets of the fixed header
  kBadVersion,                // V is not 2 (RTCP on a muxed port is 2; STUN/DTLS are not)
  kCsrcBeyondEnd,             // CC announces more CSRCs than the packet holds
  kExtensionHeaderBeyondEnd,  // X=1 but no room for the 4-octet extension header
  kExtensionBeyondEnd,        // the extension length runs past the end of the packet
  kZeroPaddingCount,          // P=1 and the pad count octet is 0 (it counts itself)
  kPaddingBeyondPayload,      // P=1 and the pad count exceeds what follows the header
};

// Short, stable name of an error ("too-short", ...), for logs and stats.
const char* rtpParseErrorName(RtpParseError error);

// The header fields of one RTP packet. On the parse side `extension` points
// into the parsed buffer; on the write side it points at the caller's bytes
// (for example an RFC 8285 block from HeaderExtensionBuilder), which must
// stay alive until the packet is written.
struct RtpHeader {
  bool marker = false;
  uint8_t payloadType = 0;  // 7 bits
  uint16_t sequenceNumber = 0;
  uint32_t timestamp = 0;
  uint32_t ssrc = 0;
  uint8_t csrcCount = 0;  // valid entries at the front of csrcs
  std::array<uint32_t, kRtpMaxCsrcCount> csrcs{};
  bool hasExtension = false;  // X bit
  uint16_t extensionProfile = 0;
  // Extension body (without its 4-octet header); a multiple of 4 octets.
  ByteView extension;

  // Octets of the serialized header: fixed part, CSRCs and extension.
  size_t size() const;
};

// One parsed RTP packet: views into the caller's buffer, which must outlive
// it. payload excludes the header, the extension and the padding.
struct RtpPacketView {
  RtpHeader header;
  size_t headerSize = 0;
  ByteView payload;
  uint8_t paddingSize = 0;  // 0 when P=0, else the pad count (1..255)
};

// Parses `size` bytes at `data` as one RTP packet. Never reads outside
// [data, data + size). On kOk fills *out; on any error *out is unspecified.
RtpParseError parseRtpPacket(const uint8_t* data, size_t size, RtpPacketView* out);
inline RtpParseError parseRtpPacket(ByteView packet, RtpPacketView* out) {
  return parseRtpPacket(packet.data(), packet.size(), out);
}

// Why a header cannot be written. The send path treats these as bugs in its
// own configuration, not as network conditions.
enum class RtpWriteError {
  kOk = 0,
  kBadPayloadType,    // payloadType above 127
  kTooManyCsrcs,      // csrcCount above 15
  kBadExtensionSize,  // extension body not a multiple of 4 octets, or too long
  kBufferTooSmall,    // capacity below rtpPacketSize(...)
};

const char* rtpWriteErrorName(RtpWriteError error);

// Size of the packet writeRtpPacket produces for these arguments.
size_t rtpPacketSize(const RtpHeader& header, size_t payloadSize, uint8_t paddingSize);

// Serializes header + payload + paddingSize octets of padding (P=1 and zeros
// ending in the count when paddingSize > 0) into out[0, capacity). On kOk sets
// *written; on error writes nothing usable. The X bit follows hasExtension.
RtpWriteError writeRtpPacket(const RtpHeader& header, ByteView payload, uint8_t paddingSize,
                             uint8_t* out, size_t capacity, size_t* written);
// Same, replacing the contents of *out.
RtpWriteError writeRtpPacket(const RtpHeader& header, ByteView payload, uint8_t paddingSize,
                             std::vector<uint8_t>* out);

}  // namespace parley::rtp

#endif  // PARLEY_RTP_RTP_PACKET_H

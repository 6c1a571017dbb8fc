// RFC 8285 header extension elements inside the RFC 3550 section 5.3.1
// extension block (RtpHeader::extension).
//
// RFC 8285 section 4.2, one-byte header (profile 0xBEDE); each element is
// one octet of ID (1..14) and L (data length - 1), then 1..16 data octets:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |       0xBE    |    0xDE       |           length=3            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  ID   | L=0   |     data      |  ID   |  L=1  |   data...
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//         ...data   |    0 (pad)    |    0 (pad)    |  ID   | L=3   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                          data                                 |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// RFC 8285 section 4.3, two-byte header (profile 0x100 plus 4 application
// bits); each element is an ID octet (1..255), a length octet (0..255), data:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         0x100         |appbits|           length=3            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      ID       |     L=0       |     ID        |     L=1       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |       data    |    0 (pad)    |       ID      |      L=4      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                          data                                 |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// In both forms a zero octet where an element would start is padding.
#ifndef PARLEY_RTP_RTP_HEADER_EXTENSIONS_H
#define PARLEY_RTP_RTP_HEADER_EXTENSIONS_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rtp/byte_view.h"
#include "rtp/rtp_packet.h"

namespace parley::rtp {

inline constexpr uint16_t kOneByteExtensionProfile = 0xBEDE;
inline constexpr uint16_t kTwoByteExtensionProfile = 0x1000;  // low 4 bits: appbits
inline constexpr uint16_t kTwoByteExtensionProfileMask = 0xFFF0;

// The two RFC 8285 element layouts: one-byte carries IDs 1..14 with 1 to 16
// octets of data, two-byte IDs 1..255 with 0 to 255 octets.
enum class HeaderExtensionFormat { kOneByte, kTwoByte };

// The RFC 8285 format a profile value announces; nullopt for other profiles
// (their body is opaque to this layer).
std::optional<HeaderExtensionFormat> headerExtensionFormat(uint16_t profile);

// One element: its local ID (negotiated in SDP with a=extmap) and its data,
// a view into the extension block.
struct HeaderExtensionElement {
  uint8_t id = 0;
  ByteView data;
};

// Why an extension block could not be read to its end. The packet itself is
// still valid RTP: the caller ignores the extensions it could not read, it
// does not drop the packet.
enum class HeaderExtensionError {
  kOk = 0,
  kNotRfc8285,        // the profile is neither 0xBEDE nor 0x100x
  kElementBeyondEnd,  // an element's length runs past the end of the block
};

// Walks the elements of one extension block in order, skipping padding.
// Stops at the end, at a one-byte ID 15 (RFC 8285 section 4.2: stop
// processing), or at the first malformed element; the caller checks error()
// after next() returns false and may keep the elements it got before it.
class HeaderExtensionReader {
 public:
  HeaderExtensionReader(uint16_t profile, ByteView body);
  // The extension block of a parsed header (empty when X=0).
  explicit HeaderExtensionReader(const RtpHeader& header);

  bool next(HeaderExtensionElement* element);
  HeaderExtensionError error() const { return error_; }

 private:
  std::optional<HeaderExtensionFormat> format_;
  ByteView body_;
  size_t offset_ = 0;
  HeaderExtensionError error_ = HeaderExtensionError::kOk;
};

// The data of the first element with `id`, or nullopt when there is none
// (or the block is malformed before it).
std::optional<ByteView> findHeaderExtension(const RtpHeader& header, uint8_t id);

// Builds an RFC 8285 extension block to send. Keeps the block padded to a
// multiple of 4 octets after every add. The caller points an RtpHeader at the
// block with applyTo() and keeps the builder alive (and unchanged) until the
// packet is written.
class HeaderExtensionBuilder {
 public:
  explicit HeaderExtensionBuilder(HeaderExtensionFormat format, uint8_t appBits = 0);

  // Appends one element. Returns false, leaving the block unchanged, when the
  // element does not fit the format: one-byte IDs 1..14 with 1..16 octets of
  // data, two-byte IDs 1..255 with 0..255 octets, block at most 262140 octets.
  bool add(uint8_t id, ByteView data);

  uint16_t profile() const;
  ByteView body() const { return ByteView(bytes_); }
  bool empty() const { return used_ == 0; }
  void clear();
  // Sets X, the profile and the extension view of *header (X=0 when empty).
  void applyTo(RtpHeader* header) const;

 private:
  HeaderExtensionFormat format_;
  uint8_t appBits_;
  std::vector<uint8_t> bytes_;  // elements, then zero padding to 32 bits
  size_t used_ = 0;             // octets before the padding
};

}  // namespace parley::rtp

#endif  // PARLEY_RTP_RTP_HEADER_EXTENSIONS_H

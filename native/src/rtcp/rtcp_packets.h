// RTCP packets (RFC 3550 section 6, RFC 4585 section 6, REMB) as plain
// values: parse a compound packet into a list of typed packets, and write
// packets back. The bit layouts are drawn here; rtcp_packets.cpp follows them.
//
// RFC 3550 section 6.4.1, the common header (first word of every packet) and
// the Sender Report; a Receiver Report (section 6.4.2, PT=201) is the same
// without the sender info (its report blocks follow the SSRC directly):
//
//         0                   1                   2                   3
//         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// header |V=2|P|    RC   |   PT=SR=200   |             length            |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                         SSRC of sender                        |
//        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
// sender |              NTP timestamp, most significant word             |
// info   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |             NTP timestamp, least significant word             |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                         RTP timestamp                         |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                     sender's packet count                     |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                      sender's octet count                     |
//        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
// report |                 SSRC_1 (SSRC of first source)                 |
// block  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   1    | fraction lost |       cumulative number of packets lost       |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |           extended highest sequence number received           |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                      interarrival jitter                      |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                         last SR (LSR)                         |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                   delay since last SR (DLSR)                  |
//        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//
// "length" is the packet's size in 32-bit words minus one, header and
// padding included. With P=1 the last octet counts the padding octets (that
// octet included); section 6.4.1 allows padding only on the last packet of a
// compound (appendix A.2).
//
// RFC 3550 section 6.5, SDES: SC chunks, each an SSRC then items
// (type, length, text), ended by one or more null octets so that the chunk
// ends on a 32-bit boundary (at least one null octet). CNAME is item type 1:
//
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// header |V=2|P|    SC   |  PT=SDES=202  |             length            |
//        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
// chunk  |                          SSRC/CSRC_1                          |
//   1    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |    CNAME=1    |     length    | user and domain name        ...
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// RFC 3550 section 6.6, BYE: SC SSRCs, then optionally a reason (length
// octet and text, zero-padded to a 32-bit boundary):
//
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |V=2|P|    SC   |   PT=BYE=203  |             length            |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        |                           SSRC/CSRC                           |
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//        :                              ...                              :
//        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//  (opt) |     length    |               reason for leaving            ...
//        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// RFC 4585 section 6.1, feedback messages: PT=205 (RTPFB) or 206 (PSFB),
// FMT in place of the count, then the Feedback Control Information (FCI):
//
//     0                   1                   2                   3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |V=2|P|   FMT   |       PT      |          length               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                  SSRC of packet sender                        |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |                  SSRC of media source                         |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    :            Feedback Control Information (FCI)                 :
//
// Generic NACK (RTPFB, FMT=1, section 6.2.1): one or more FCI words, each a
// packet ID and a bitmask of the 16 following lost packets (bit i, counted
// from the least significant, set = PID + i + 1 lost):
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |            PID                |             BLP               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// PLI (PSFB, FMT=1, section 6.3.1): no FCI at all.
//
// REMB (PSFB, FMT=15, draft-alvestrand-rmcat-remb section 2.2; media source
// SSRC is 0): "REMB", the SSRC count, a 6-bit exponent and 18-bit mantissa
// (bitrate = mantissa * 2^exp bits per second), then the SSRCs:
//
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Unique identifier 'R' 'E' 'M' 'B'                            |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  Num SSRC     | BR Exp    |  BR Mantissa                      |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |   SSRC feedback                                               |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |  ...                                                          |
#ifndef PARLEY_RTCP_RTCP_PACKETS_H
#define PARLEY_RTCP_RTCP_PACKETS_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "rtp/byte_view.h"

namespace parley::rtcp {

using rtp::ByteView;

inline constexpr uint8_t kRtcpVersion = 2;
inline constexpr size_t kRtcpHeaderSize = 4;
inline constexpr size_t kReportBlockSize = 24;
inline constexpr size_t kMaxReportBlocks = 31;  // the 5-bit RC field
inline constexpr size_t kMaxSdesChunks = 31;
inline constexpr size_t kMaxByeSsrcs = 31;
inline constexpr size_t kMaxRembSsrcs = 255;
inline constexpr size_t kMaxTextSize = 255;  // SDES item / BYE reason length octet

// Packet types (RFC 3550 section 12.1, RFC 4585 section 6.1).
inline constexpr uint8_t kPtSenderReport = 200;
inline constexpr uint8_t kPtReceiverReport = 201;
inline constexpr uint8_t kPtSdes = 202;
inline constexpr uint8_t kPtBye = 203;
inline constexpr uint8_t kPtApp = 204;
inline constexpr uint8_t kPtRtpfb = 205;
inline constexpr uint8_t kPtPsfb = 206;
// Feedback message types (FMT).
inline constexpr uint8_t kFmtNack = 1;   // RTPFB
inline constexpr uint8_t kFmtPli = 1;    // PSFB
inline constexpr uint8_t kFmtRemb = 15;  // PSFB, application layer feedback
// SDES item types (RFC 3550 section 6.5).
inline constexpr uint8_t kSdesEnd = 0;
inline constexpr uint8_t kSdesCname = 1;

// RFC 5761 section 4: on a port shared by RTP and RTCP, a packet whose
// second octet (RTP's M bit + PT) is 192..223 is RTCP; anything else is RTP
// (whose payload types must then avoid 64..95). Says nothing of validity:
// the caller still parses the packet, and must have told STUN/DTLS apart
// before (their first octet is not 128..191).
bool isRtcp(const uint8_t* data, size_t size);

// Why a buffer is not well-formed RTCP. The receive path counts the error
// and drops the whole compound (RFC 3550 appendix A.2); nothing is used.
enum class RtcpParseError {
  kOk = 0,
  kTooShort,             // fewer than 4 octets where a header should start
  kBadVersion,           // V is not 2
  kLengthBeyondEnd,      // the length field runs past the end of the buffer
  kZeroPaddingCount,     // P=1 and the pad count octet is 0
  kPaddingBeyondPacket,  // P=1 and the pad count exceeds the packet body
  kPaddingNotLast,       // P=1 on a packet that is not last in the compound
  kReportTooShort,       // SR/RR body shorter than its fixed part + RC blocks
  kSdesChunkTruncated,   // an SDES chunk ends before its SSRC, an item or its null octet
  kSdesTrailingOctets,   // non-null octets after the SC chunks
  kByeTooShort,          // fewer octets than SC SSRCs
  kByeReasonBeyondEnd,   // the reason's length octet runs past the packet
  kFeedbackTooShort,     // RTPFB/PSFB without the two SSRCs
  kNackWithoutFci,       // generic NACK with no (or a partial) FCI word
  kPliWithFci,           // PLI carries FCI (section 6.3.1: none)
  kRembTooShort,         // REMB shorter than identifier + bitrate word
  kRembSsrcsBeyondEnd,   // Num SSRC runs past the packet
  kRembBitrateOverflow,  // mantissa * 2^exp does not fit 64 bits
  kEmptyCompound,        // no octets at all
  kFirstNotReport,       // compound starts with neither SR nor RR, and is
                         // not a reduced-size (RFC 5506) feedback-only one
};

// Short, stable name of an error ("too-short", ...), for logs and stats.
const char* rtcpParseErrorName(RtcpParseError error);

// RFC 3550 section 6.4: the first word of every RTCP packet.
struct RtcpHeader {
  bool padding = false;
  uint8_t count = 0;  // RC / SC / FMT, 5 bits
  uint8_t packetType = 0;
  size_t packetSize = 0;  // (length + 1) * 4 octets, header and padding included
};

// One packet of a compound, not yet interpreted: its header and body (the
// octets after the header, padding removed), a view into the caller's buffer.
struct RtcpPacketView {
  RtcpHeader header;
  ByteView body;
};

// Reads the packet at the start of data[0, size): header, length and padding.
// On kOk fills *out (the packet is out->header.packetSize octets; the rest of
// the buffer is the next packet). Never reads outside [data, data + size).
RtcpParseError parseRtcpPacketView(const uint8_t* data, size_t size, RtcpPacketView* out);

// RFC 3550 section 6.4.1: one reception report block.
struct ReportBlock {
  uint32_t ssrc = 0;                     // SSRC_n, the source reported on
  uint8_t fractionLost = 0;              // fixed point, lost / expected * 256
  int32_t cumulativeLost = 0;            // 24-bit signed on the wire (duplicates make it < 0)
  uint32_t extendedHighestSequence = 0;  // cycles << 16 | highest sequence
  uint32_t jitter = 0;                   // interarrival jitter, RTP timestamp units
  uint32_t lastSr = 0;                   // LSR: middle 32 bits of the last SR's NTP time, or 0
  uint32_t delaySinceLastSr = 0;         // DLSR, units of 1/65536 s
  bool operator==(const ReportBlock& o) const;
  bool operator!=(const ReportBlock& o) const { return !(*this == o); }
};

struct SenderReport {
  uint32_t senderSsrc = 0;
  uint64_t ntpTimestamp = 0;  // 32.32 fixed point seconds since 1900
  uint32_t rtpTimestamp = 0;
  uint32_t packetCount = 0;
  uint32_t octetCount = 0;
  std::vector<ReportBlock> reportBlocks;  // at most 31
  bool operator==(const SenderReport& o) const;
};

struct ReceiverReport {
  uint32_t senderSsrc = 0;
  std::vector<ReportBlock> reportBlocks;  // at most 31
  bool operator==(const ReceiverReport& o) const;
};

// One SDES chunk: only CNAME is kept; other items are skipped on parse.
// An empty cname means the chunk had none (and none is written).
struct SdesChunk {
  uint32_t ssrc = 0;
  std::string cname;  // at most 255 octets
  bool operator==(const SdesChunk& o) const { return ssrc == o.ssrc && cname == o.cname; }
};

struct Sdes {
  std::vector<SdesChunk> chunks;  // at most 31
  bool operator==(const Sdes& o) const { return chunks == o.chunks; }
};

struct Bye {
  std::vector<uint32_t> ssrcs;  // at most 31
  std::string reason;           // empty: no reason; at most 255 octets
  bool operator==(const Bye& o) const { return ssrcs == o.ssrcs && reason == o.reason; }
};

// One generic NACK FCI word.
struct NackItem {
  uint16_t pid = 0;  // first lost packet
  uint16_t blp = 0;  // bit i set: pid + i + 1 lost too
  bool operator==(const NackItem& o) const { return pid == o.pid && blp == o.blp; }
};

struct Nack {
  uint32_t senderSsrc = 0;
  uint32_t mediaSsrc = 0;
  std::vector<NackItem> items;  // at least one
  bool operator==(const Nack& o) const;
};

struct Pli {
  uint32_t senderSsrc = 0;
  uint32_t mediaSsrc = 0;
  bool operator==(const Pli& o) const;
};

// Receiver Estimated Maximum Bitrate. On the wire the bitrate is truncated to
// 18 significant bits (the mantissa), so writing rounds it down.
struct Remb {
  uint32_t senderSsrc = 0;
  uint64_t bitrateBps = 0;
  std::vector<uint32_t> ssrcs;  // at most 255
  bool operator==(const Remb& o) const;
};

// Any packet of a compound that this layer understands.
using RtcpPacket = std::variant<SenderReport, ReceiverReport, Sdes, Bye, Nack, Pli, Remb>;

// A parsed compound: the known packets in order, plus how many were skipped
// (APP, XR, other feedback formats, unassigned types): not an error.
struct RtcpCompound {
  std::vector<RtcpPacket> packets;
  size_t skipped = 0;
};

// Parses one compound RTCP packet (RFC 3550 section 6.1). It must start with
// SR or RR, except a reduced-size packet (RFC 5506) made of feedback packets
// (RTPFB/PSFB) only. Every packet must be well-formed, even skipped ones (their
// header and length); one bad packet rejects the compound (appendix A.2). On
// kOk fills *out; on error *out is unspecified. Text is copied, nothing points
// into `data` afterwards.
RtcpParseError parseRtcpCompound(const uint8_t* data, size_t size, RtcpCompound* out);
inline RtcpParseError parseRtcpCompound(ByteView bytes, RtcpCompound* out) {
  return parseRtcpCompound(bytes.data(), bytes.size(), out);
}

// Interprets one packet whose type is known. kOk with *known = false when the
// type or feedback format is not one of RtcpPacket's (skip it).
RtcpParseError parseRtcpPacket(const RtcpPacketView& view, RtcpPacket* out, bool* known);

// Why packets cannot be written: always a bug in the caller's values.
enum class RtcpWriteError {
  kOk = 0,
  kTooManyItems,    // > 31 report blocks / chunks / BYE SSRCs, > 255 REMB SSRCs
  kTextTooLong,     // CNAME or BYE reason over 255 octets
  kEmptyNack,       // a NACK with no FCI word
  kEmptyCompound,   // no packets
  kFirstNotReport,  // a full compound must start with SR or RR
};

const char* rtcpWriteErrorName(RtcpWriteError error);

// Appends one packet (no padding) to *out. On error *out is unchanged.
RtcpWriteError appendRtcpPacket(const RtcpPacket& packet, std::vector<uint8_t>* out);

// Replaces *out with the compound of `packets`, which must start with SR or
// RR (RFC 3550 section 6.1; put SDES with CNAME in it too). On error *out is
// left empty.
RtcpWriteError writeRtcpCompound(const std::vector<RtcpPacket>& packets, std::vector<uint8_t>* out);

// Replaces *out with a reduced-size packet (RFC 5506): the packets as they
// are, no SR/RR required. Only for feedback sent between regular reports,
// and only when the session negotiated a=rtcp-rsize.
RtcpWriteError writeReducedSizeRtcp(const std::vector<RtcpPacket>& packets,
                                    std::vector<uint8_t>* out);

// Generic NACK helpers (RFC 4585 section 6.2.1). buildNackItems packs lost
// sequence numbers, given in sending order (ascending modulo 2^16, so 65535
// then 0 is in order), into as few FCI words as that order allows: a number
// 1..16 after the current PID sets a bit, anything else starts a new word;
// repeats are ignored. expandNackItems lists every sequence number the words
// name, in word order and ascending bit order within a word.
std::vector<NackItem> buildNackItems(const std::vector<uint16_t>& lostSequenceNumbers);
std::vector<uint16_t> expandNackItems(const std::vector<NackItem>& items);

// REMB bitrate field: the smallest exponent whose mantissa fits 18 bits, the
// mantissa truncated (bitrate >> exponent).
struct RembBitrate {
  uint8_t exponent = 0;   // 6 bits
  uint32_t mantissa = 0;  // 18 bits
};
RembBitrate encodeRembBitrate(uint64_t bitrateBps);

}  // namespace parley::rtcp

#endif  // PARLEY_RTCP_RTCP_PACKETS_H

// RTCP packet parsing and writing, RFC 3550 section 6 and RFC 4585 section 6;
// the diagrams are in rtcp_packets.h.
#include "rtcp/rtcp_packets.h"

#include <type_traits>

namespace parley::rtcp {
namespace {

using rtp::loadBe16;
using rtp::loadBe32;
using rtp::storeBe16;
using rtp::storeBe32;

// First octet: V (2 bits), P, RC/SC/FMT (5 bits).
constexpr uint8_t kPaddingBit = 0x20;
constexpr uint8_t kCountMask = 0x1F;
constexpr size_t kSenderInfoSize = 20;
constexpr size_t kFeedbackSsrcsSize = 8;  // sender SSRC + media source SSRC
constexpr uint8_t kRembIdentifier[4] = {'R', 'E', 'M', 'B'};
constexpr uint32_t kRembMantissaMax = (1u << 18) - 1;

// Report block, word 2: | fraction lost | cumulative lost (24-bit signed) |
int32_t signExtend24(uint32_t v) {
  v &= 0xFFFFFF;
  return (v & 0x800000) != 0 ? static_cast<int32_t>(v) - 0x1000000 : static_cast<int32_t>(v);
}

ReportBlock readReportBlock(const uint8_t* p) {
  ReportBlock b;
  b.ssrc = loadBe32(p);
  b.fractionLost = p[4];
  b.cumulativeLost = signExtend24(loadBe32(p + 4));
  b.extendedHighestSequence = loadBe32(p + 8);
  b.jitter = loadBe32(p + 12);
  b.lastSr = loadBe32(p + 16);
  b.delaySinceLastSr = loadBe32(p + 20);
  return b;
}

RtcpParseError readReportBlocks(ByteView blocks, uint8_t count, std::vector<ReportBlock>* out) {
  if (blocks.size() < count * kReportBlockSize) return RtcpParseError::kReportTooShort;
  // Octets after the blocks are profile-specific extensions (section 6.4.1):
  // allowed, and ignored.
  out->clear();
  for (size_t i = 0; i < count; ++i) {
    out->push_back(readReportBlock(blocks.data() + i * kReportBlockSize));
  }
  return RtcpParseError::kOk;
}

RtcpParseError parseSenderReport(const RtcpPacketView& v, SenderReport* sr) {
  if (v.body.size() < 4 + kSenderInfoSize) return RtcpParseError::kReportTooShort;
  const uint8_t* p = v.body.data();
  sr->senderSsrc = loadBe32(p);
  sr->ntpTimestamp = (uint64_t{loadBe32(p + 4)} << 32) | loadBe32(p + 8);
  sr->rtpTimestamp = loadBe32(p + 12);
  sr->packetCount = loadBe32(p + 16);
  sr->octetCount = loadBe32(p + 20);
  return readReportBlocks(v.body.subview(4 + kSenderInfoSize), v.header.count, &sr->reportBlocks);
}

RtcpParseError parseReceiverReport(const RtcpPacketView& v, ReceiverReport* rr) {
  if (v.body.size() < 4) return RtcpParseError::kReportTooShort;
  rr->senderSsrc = loadBe32(v.body.data());
  return readReportBlocks(v.body.subview(4), v.header.count, &rr->reportBlocks);
}

// Section 6.5: chunks start on 32-bit boundaries; the body starts on one.
RtcpParseError parseSdes(const RtcpPacketView& v, Sdes* sdes) {
  const ByteView body = v.body;
  size_t offset = 0;
  sdes->chunks.clear();
  for (size_t c = 0; c < v.header.count; ++c) {
    if (body.size() - offset < 4) return RtcpParseError::kSdesChunkTruncated;
    SdesChunk chunk;
    chunk.ssrc = loadBe32(body.data() + offset);
    offset += 4;
    bool haveCname = false;
    for (;;) {
      if (offset >= body.size()) return RtcpParseError::kSdesChunkTruncated;
      const uint8_t type = body[offset];
      if (type == kSdesEnd) {
        // The null octet(s) run to the next 32-bit boundary.
        const size_t end = (offset + 4) & ~size_t{3};
        if (end > body.size()) return RtcpParseError::kSdesChunkTruncated;
        offset = end;
        break;
      }
      if (body.size() - offset < 2) return RtcpParseError::kSdesChunkTruncated;
      const size_t length = body[offset + 1];
      if (body.size() - offset - 2 < length) return RtcpParseError::kSdesChunkTruncated;
      if (type == kSdesCname && !haveCname) {
        const char* text = reinterpret_cast<const char*>(body.data() + offset + 2);
        chunk.cname.assign(text, length);
        haveCname = true;
      }
      offset += 2 + length;
    }
    sdes->chunks.push_back(std::move(chunk));
  }
  for (; offset < body.size(); ++offset) {
    if (body[offset] != 0) return RtcpParseError::kSdesTrailingOctets;
  }
  return RtcpParseError::kOk;
}

RtcpParseError parseBye(const RtcpPacketView& v, Bye* bye) {
  const ByteView body = v.body;
  const size_t ssrcBytes = 4 * size_t{v.header.count};
  if (body.size() < ssrcBytes) return RtcpParseError::kByeTooShort;
  bye->ssrcs.clear();
  for (size_t i = 0; i < v.header.count; ++i) bye->ssrcs.push_back(loadBe32(body.data() + 4 * i));
  bye->reason.clear();
  if (body.size() > ssrcBytes) {
    const size_t length = body[ssrcBytes];
    if (body.size() - ssrcBytes - 1 < length) return RtcpParseError::kByeReasonBeyondEnd;
    bye->reason.assign(reinterpret_cast<const char*>(body.data() + ssrcBytes + 1), length);
  }
  return RtcpParseError::kOk;
}

RtcpParseError parseNack(const RtcpPacketView& v, Nack* nack) {
  const ByteView fci = v.body.subview(kFeedbackSsrcsSize);
  if (fci.empty() || fci.size() % 4 != 0) return RtcpParseError::kNackWithoutFci;
  nack->senderSsrc = loadBe32(v.body.data());
  nack->mediaSsrc = loadBe32(v.body.data() + 4);
  nack->items.clear();
  for (size_t i = 0; i < fci.size(); i += 4) {
    nack->items.push_back({loadBe16(fci.data() + i), loadBe16(fci.data() + i + 2)});
  }
  return RtcpParseError::kOk;
}

RtcpParseError parsePli(const RtcpPacketView& v, Pli* pli) {
  if (v.body.size() != kFeedbackSsrcsSize) return RtcpParseError::kPliWithFci;
  pli->senderSsrc = loadBe32(v.body.data());
  pli->mediaSsrc = loadBe32(v.body.data() + 4);
  return RtcpParseError::kOk;
}

bool isRemb(const RtcpPacketView& v) {
  const ByteView fci = v.body.subview(kFeedbackSsrcsSize);
  return fci.size() >= 4 && fci[0] == kRembIdentifier[0] && fci[1] == kRembIdentifier[1] &&
         fci[2] == kRembIdentifier[2] && fci[3] == kRembIdentifier[3];
}

RtcpParseError parseRemb(const RtcpPacketView& v, Remb* remb) {
  const ByteView fci = v.body.subview(kFeedbackSsrcsSize);
  if (fci.size() < 8) return RtcpParseError::kRembTooShort;
  remb->senderSsrc = loadBe32(v.body.data());
  const size_t count = fci[4];
  const uint8_t exponent = fci[5] >> 2;
  const uint64_t mantissa = (uint64_t{fci[5] & 0x03u} << 16) | loadBe16(fci.data() + 6);
  if (exponent > 0 && mantissa > (UINT64_MAX >> exponent)) {
    return RtcpParseError::kRembBitrateOverflow;
  }
  remb->bitrateBps = mantissa << exponent;
  if (fci.size() - 8 < 4 * count) return RtcpParseError::kRembSsrcsBeyondEnd;
  remb->ssrcs.clear();
  for (size_t i = 0; i < count; ++i) remb->ssrcs.push_back(loadBe32(fci.data() + 8 + 4 * i));
  return RtcpParseError::kOk;
}

bool isFeedback(uint8_t packetType) { return packetType == kPtRtpfb || packetType == kPtPsfb; }

// ---- Writing ----

void appendBe32(std::vector<uint8_t>* out, uint32_t v) {
  const size_t at = out->size();
  out->resize(at + 4);
  storeBe32(out->data() + at, v);
}

// Writes the header with a placeholder length; finishPacket fills it in.
size_t beginPacket(std::vector<uint8_t>* out, uint8_t count, uint8_t packetType) {
  const size_t start = out->size();
  out->push_back(static_cast<uint8_t>((kRtcpVersion << 6) | (count & kCountMask)));
  out->push_back(packetType);
  out->push_back(0);
  out->push_back(0);
  return start;
}

// Zero-pads to 32 bits and sets the length field (words - 1).
void finishPacket(std::vector<uint8_t>* out, size_t start) {
  while ((out->size() - start) % 4 != 0) out->push_back(0);
  storeBe16(out->data() + start + 2, static_cast<uint16_t>((out->size() - start) / 4 - 1));
}

void appendReportBlocks(const std::vector<ReportBlock>& blocks, std::vector<uint8_t>* out) {
  for (const ReportBlock& b : blocks) {
    appendBe32(out, b.ssrc);
    // Saturate to the 24-bit signed field (section 6.4.1 asks for clamping).
    int32_t lost = b.cumulativeLost;
    if (lost > 0x7FFFFF) lost = 0x7FFFFF;
    if (lost < -0x800000) lost = -0x800000;
    appendBe32(out, (uint32_t{b.fractionLost} << 24) | (static_cast<uint32_t>(lost) & 0xFFFFFF));
    appendBe32(out, b.extendedHighestSequence);
    appendBe32(out, b.jitter);
    appendBe32(out, b.lastSr);
    appendBe32(out, b.delaySinceLastSr);
  }
}

RtcpWriteError check(const SenderReport& p) {
  return p.reportBlocks.size() > kMaxReportBlocks ? RtcpWriteError::kTooManyItems
                                                  : RtcpWriteError::kOk;
}
RtcpWriteError check(const ReceiverReport& p) {
  return p.reportBlocks.size() > kMaxReportBlocks ? RtcpWriteError::kTooManyItems
                                                  : RtcpWriteError::kOk;
}
RtcpWriteError check(const Sdes& p) {
  if (p.chunks.size() > kMaxSdesChunks) return RtcpWriteError::kTooManyItems;
  for (const SdesChunk& c : p.chunks) {
    if (c.cname.size() > kMaxTextSize) return RtcpWriteError::kTextTooLong;
  }
  return RtcpWriteError::kOk;
}
RtcpWriteError check(const Bye& p) {
  if (p.ssrcs.size() > kMaxByeSsrcs) return RtcpWriteError::kTooManyItems;
  return p.reason.size() > kMaxTextSize ? RtcpWriteError::kTextTooLong : RtcpWriteError::kOk;
}
RtcpWriteError check(const Nack& p) {
  // The length field caps a packet at 65536 words: 65533 FCI words.
  if (p.items.size() > 0xFFFF - 2) return RtcpWriteError::kTooManyItems;
  return p.items.empty() ? RtcpWriteError::kEmptyNack : RtcpWriteError::kOk;
}
RtcpWriteError check(const Pli&) { return RtcpWriteError::kOk; }
RtcpWriteError check(const Remb& p) {
  return p.ssrcs.size() > kMaxRembSsrcs ? RtcpWriteError::kTooManyItems : RtcpWriteError::kOk;
}

void write(const SenderReport& p, std::vector<uint8_t>* out) {
  const size_t start =
      beginPacket(out, static_cast<uint8_t>(p.reportBlocks.size()), kPtSenderReport);
  appendBe32(out, p.senderSsrc);
  appendBe32(out, static_cast<uint32_t>(p.ntpTimestamp >> 32));
  appendBe32(out, static_cast<uint32_t>(p.ntpTimestamp));
  appendBe32(out, p.rtpTimestamp);
  appendBe32(out, p.packetCount);
  appendBe32(out, p.octetCount);
  appendReportBlocks(p.reportBlocks, out);
  finishPacket(out, start);
}

void write(const ReceiverReport& p, std::vector<uint8_t>* out) {
  const size_t start =
      beginPacket(out, static_cast<uint8_t>(p.reportBlocks.size()), kPtReceiverReport);
  appendBe32(out, p.senderSsrc);
  appendReportBlocks(p.reportBlocks, out);
  finishPacket(out, start);
}

void write(const Sdes& p, std::vector<uint8_t>* out) {
  const size_t start = beginPacket(out, static_cast<uint8_t>(p.chunks.size()), kPtSdes);
  for (const SdesChunk& c : p.chunks) {
    appendBe32(out, c.ssrc);
    if (!c.cname.empty()) {
      out->push_back(kSdesCname);
      out->push_back(static_cast<uint8_t>(c.cname.size()));
      out->insert(out->end(), c.cname.begin(), c.cname.end());
    }
    // At least one null octet, then up to the next 32-bit boundary.
    out->push_back(kSdesEnd);
    while ((out->size() - start) % 4 != 0) out->push_back(kSdesEnd);
  }
  finishPacket(out, start);
}

void write(const Bye& p, std::vector<uint8_t>* out) {
  const size_t start = beginPacket(out, static_cast<uint8_t>(p.ssrcs.size()), kPtBye);
  for (uint32_t ssrc : p.ssrcs) appendBe32(out, ssrc);
  if (!p.reason.empty()) {
    out->push_back(static_cast<uint8_t>(p.reason.size()));
    out->insert(out->end(), p.reason.begin(), p.reason.end());
  }
  finishPacket(out, start);
}

void write(const Nack& p, std::vector<uint8_t>* out) {
  const size_t start = beginPacket(out, kFmtNack, kPtRtpfb);
  appendBe32(out, p.senderSsrc);
  appendBe32(out, p.mediaSsrc);
  for (const NackItem& item : p.items) appendBe32(out, (uint32_t{item.pid} << 16) | item.blp);
  finishPacket(out, start);
}

void write(const Pli& p, std::vector<uint8_t>* out) {
  const size_t start = beginPacket(out, kFmtPli, kPtPsfb);
  appendBe32(out, p.senderSsrc);
  appendBe32(out, p.mediaSsrc);
  finishPacket(out, start);
}

void write(const Remb& p, std::vector<uint8_t>* out) {
  const size_t start = beginPacket(out, kFmtRemb, kPtPsfb);
  appendBe32(out, p.senderSsrc);
  appendBe32(out, 0);  // media source SSRC: unused, 0 (REMB section 2.2)
  out->insert(out->end(), kRembIdentifier, kRembIdentifier + 4);
  const RembBitrate br = encodeRembBitrate(p.bitrateBps);
  appendBe32(out, (uint32_t{static_cast<uint8_t>(p.ssrcs.size())} << 24) |
                      (uint32_t{br.exponent} << 18) | br.mantissa);
  for (uint32_t ssrc : p.ssrcs) appendBe32(out, ssrc);
  finishPacket(out, start);
}

bool isReport(const RtcpPacket& p) {
  return std::holds_alternative<SenderReport>(p) || std::holds_alternative<ReceiverReport>(p);
}

}  // namespace

bool isRtcp(const uint8_t* data, size_t size) {
  return data != nullptr && size >= 2 && data[1] >= 192 && data[1] <= 223;
}

const char* rtcpParseErrorName(RtcpParseError error) {
  switch (error) {
    case RtcpParseError::kOk:
      return "ok";
    case RtcpParseError::kTooShort:
      return "too-short";
    case RtcpParseError::kBadVersion:
      return "bad-version";
    case RtcpParseError::kLengthBeyondEnd:
      return "length-beyond-end";
    case RtcpParseError::kZeroPaddingCount:
      return "zero-padding-count";
    case RtcpParseError::kPaddingBeyondPacket:
      return "padding-beyond-packet";
    case RtcpParseError::kPaddingNotLast:
      return "padding-not-last";
    case RtcpParseError::kReportTooShort:
      return "report-too-short";
    case RtcpParseError::kSdesChunkTruncated:
      return "sdes-chunk-truncated";
    case RtcpParseError::kSdesTrailingOctets:
      return "sdes-trailing-octets";
    case RtcpParseError::kByeTooShort:
      return "bye-too-short";
    case RtcpParseError::kByeReasonBeyondEnd:
      return "bye-reason-beyond-end";
    case RtcpParseError::kFeedbackTooShort:
      return "feedback-too-short";
    case RtcpParseError::kNackWithoutFci:
      return "nack-without-fci";
    case RtcpParseError::kPliWithFci:
      return "pli-with-fci";
    case RtcpParseError::kRembTooShort:
      return "remb-too-short";
    case RtcpParseError::kRembSsrcsBeyondEnd:
      return "remb-ssrcs-beyond-end";
    case RtcpParseError::kRembBitrateOverflow:
      return "remb-bitrate-overflow";
    case RtcpParseError::kEmptyCompound:
      return "empty-compound";
    case RtcpParseError::kFirstNotReport:
      return "first-not-report";
  }
  return "unknown";
}

const char* rtcpWriteErrorName(RtcpWriteError error) {
  switch (error) {
    case RtcpWriteError::kOk:
      return "ok";
    case RtcpWriteError::kTooManyItems:
      return "too-many-items";
    case RtcpWriteError::kTextTooLong:
      return "text-too-long";
    case RtcpWriteError::kEmptyNack:
      return "empty-nack";
    case RtcpWriteError::kEmptyCompound:
      return "empty-compound";
    case RtcpWriteError::kFirstNotReport:
      return "first-not-report";
  }
  return "unknown";
}

bool ReportBlock::operator==(const ReportBlock& o) const {
  return ssrc == o.ssrc && fractionLost == o.fractionLost && cumulativeLost == o.cumulativeLost &&
         extendedHighestSequence == o.extendedHighestSequence && jitter == o.jitter &&
         lastSr == o.lastSr && delaySinceLastSr == o.delaySinceLastSr;
}
bool SenderReport::operator==(const SenderReport& o) const {
  return senderSsrc == o.senderSsrc && ntpTimestamp == o.ntpTimestamp &&
         rtpTimestamp == o.rtpTimestamp && packetCount == o.packetCount &&
         octetCount == o.octetCount && reportBlocks == o.reportBlocks;
}
bool ReceiverReport::operator==(const ReceiverReport& o) const {
  return senderSsrc == o.senderSsrc && reportBlocks == o.reportBlocks;
}
bool Nack::operator==(const Nack& o) const {
  return senderSsrc == o.senderSsrc && mediaSsrc == o.mediaSsrc && items == o.items;
}
bool Pli::operator==(const Pli& o) const {
  return senderSsrc == o.senderSsrc && mediaSsrc == o.mediaSsrc;
}
bool Remb::operator==(const Remb& o) const {
  return senderSsrc == o.senderSsrc && bitrateBps == o.bitrateBps && ssrcs == o.ssrcs;
}

RtcpParseError parseRtcpPacketView(const uint8_t* data, size_t size, RtcpPacketView* out) {
  if (data == nullptr || size < kRtcpHeaderSize) return RtcpParseError::kTooShort;
  if ((data[0] >> 6) != kRtcpVersion) return RtcpParseError::kBadVersion;
  RtcpHeader& h = out->header;
  h.padding = (data[0] & kPaddingBit) != 0;
  h.count = data[0] & kCountMask;
  h.packetType = data[1];
  h.packetSize = 4 * (size_t{loadBe16(data + 2)} + 1);
  if (h.packetSize > size) return RtcpParseError::kLengthBeyondEnd;
  size_t bodyEnd = h.packetSize;
  if (h.padding) {
    const uint8_t count = data[h.packetSize - 1];
    if (count == 0) return RtcpParseError::kZeroPaddingCount;
    if (count > h.packetSize - kRtcpHeaderSize) return RtcpParseError::kPaddingBeyondPacket;
    bodyEnd -= count;
  }
  out->body = ByteView(data + kRtcpHeaderSize, bodyEnd - kRtcpHeaderSize);
  return RtcpParseError::kOk;
}

RtcpParseError parseRtcpPacket(const RtcpPacketView& v, RtcpPacket* out, bool* known) {
  *known = true;
  switch (v.header.packetType) {
    case kPtSenderReport: {
      SenderReport sr;
      const RtcpParseError e = parseSenderReport(v, &sr);
      if (e == RtcpParseError::kOk) *out = std::move(sr);
      return e;
    }
    case kPtReceiverReport: {
      ReceiverReport rr;
      const RtcpParseError e = parseReceiverReport(v, &rr);
      if (e == RtcpParseError::kOk) *out = std::move(rr);
      return e;
    }
    case kPtSdes: {
      Sdes sdes;
      const RtcpParseError e = parseSdes(v, &sdes);
      if (e == RtcpParseError::kOk) *out = std::move(sdes);
      return e;
    }
    case kPtBye: {
      Bye bye;
      const RtcpParseError e = parseBye(v, &bye);
      if (e == RtcpParseError::kOk) *out = std::move(bye);
      return e;
    }
    case kPtRtpfb:
    case kPtPsfb:
      break;
    default:
      *known = false;
      return RtcpParseError::kOk;
  }
  if (v.body.size() < kFeedbackSsrcsSize) return RtcpParseError::kFeedbackTooShort;
  if (v.header.packetType == kPtRtpfb && v.header.count == kFmtNack) {
    Nack nack;
    const RtcpParseError e = parseNack(v, &nack);
    if (e == RtcpParseError::kOk) *out = std::move(nack);
    return e;
  }
  if (v.header.packetType == kPtPsfb && v.header.count == kFmtPli) {
    Pli pli;
    const RtcpParseError e = parsePli(v, &pli);
    if (e == RtcpParseError::kOk) *out = pli;
    return e;
  }
  // Application layer feedback (FMT=15) is REMB only with its identifier.
  if (v.header.packetType == kPtPsfb && v.header.count == kFmtRemb && isRemb(v)) {
    Remb remb;
    const RtcpParseError e = parseRemb(v, &remb);
    if (e == RtcpParseError::kOk) *out = std::move(remb);
    return e;
  }
  *known = false;
  return RtcpParseError::kOk;
}

RtcpParseError parseRtcpCompound(const uint8_t* data, size_t size, RtcpCompound* out) {
  if (data == nullptr || size == 0) return RtcpParseError::kEmptyCompound;
  out->packets.clear();
  out->skipped = 0;
  bool firstIsReport = false;
  bool feedbackOnly = true;
  size_t offset = 0;
  while (offset < size) {
    RtcpPacketView view;
    const RtcpParseError headerError = parseRtcpPacketView(data + offset, size - offset, &view);
    if (headerError != RtcpParseError::kOk) return headerError;
    if (view.header.padding && offset + view.header.packetSize != size) {
      return RtcpParseError::kPaddingNotLast;
    }
    const uint8_t type = view.header.packetType;
    if (offset == 0) firstIsReport = type == kPtSenderReport || type == kPtReceiverReport;
    if (!isFeedback(type)) feedbackOnly = false;
    RtcpPacket packet;
    bool known = false;
    const RtcpParseError error = parseRtcpPacket(view, &packet, &known);
    if (error != RtcpParseError::kOk) return error;
    if (known) {
      out->packets.push_back(std::move(packet));
    } else {
      ++out->skipped;
    }
    offset += view.header.packetSize;
  }
  if (!firstIsReport && !feedbackOnly) return RtcpParseError::kFirstNotReport;
  return RtcpParseError::kOk;
}

RtcpWriteError appendRtcpPacket(const RtcpPacket& packet, std::vector<uint8_t>* out) {
  return std::visit(
      [out](const auto& p) {
        const RtcpWriteError error = check(p);
        if (error == RtcpWriteError::kOk) write(p, out);
        return error;
      },
      packet);
}

RtcpWriteError writeReducedSizeRtcp(const std::vector<RtcpPacket>& packets,
                                    std::vector<uint8_t>* out) {
  out->clear();
  if (packets.empty()) return RtcpWriteError::kEmptyCompound;
  for (const RtcpPacket& packet : packets) {
    const RtcpWriteError error = appendRtcpPacket(packet, out);
    if (error != RtcpWriteError::kOk) {
      out->clear();
      return error;
    }
  }
  return RtcpWriteError::kOk;
}

RtcpWriteError writeRtcpCompound(const std::vector<RtcpPacket>& packets,
                                 std::vector<uint8_t>* out) {
  out->clear();
  if (packets.empty()) return RtcpWriteError::kEmptyCompound;
  if (!isReport(packets.front())) return RtcpWriteError::kFirstNotReport;
  return writeReducedSizeRtcp(packets, out);
}

std::vector<NackItem> buildNackItems(const std::vector<uint16_t>& lost) {
  std::vector<NackItem> items;
  for (uint16_t seq : lost) {
    if (!items.empty()) {
      NackItem& last = items.back();
      const uint16_t distance = static_cast<uint16_t>(seq - last.pid);
      if (distance == 0) continue;
      if (distance <= 16) {
        last.blp = static_cast<uint16_t>(last.blp | (1u << (distance - 1)));
        continue;
      }
    }
    items.push_back({seq, 0});
  }
  return items;
}

std::vector<uint16_t> expandNackItems(const std::vector<NackItem>& items) {
  std::vector<uint16_t> seqs;
  for (const NackItem& item : items) {
    seqs.push_back(item.pid);
    for (unsigned bit = 0; bit < 16; ++bit) {
      if ((item.blp & (1u << bit)) != 0) seqs.push_back(static_cast<uint16_t>(item.pid + bit + 1));
    }
  }
  return seqs;
}

RembBitrate encodeRembBitrate(uint64_t bitrateBps) {
  RembBitrate br;
  while ((bitrateBps >> br.exponent) > kRembMantissaMax) ++br.exponent;
  br.mantissa = static_cast<uint32_t>(bitrateBps >> br.exponent);
  return br;
}

}  // namespace parley::rtcp

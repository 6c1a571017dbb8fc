// libFuzzer target: the compound RTCP parser and the packet writers
// (RFC 3550 section 6, RFC 4585 section 6, RFC 5506, REMB), plus the NACK
// FCI helpers.
//
// For every input that parses, writes each parsed packet back on its own,
// checks that the octets are well-formed (32-bit multiple, length field
// right) and parse to the same fields; writes the whole list back as a
// compound (or reduced-size) packet and checks it parses to the same list;
// and checks that NACK items expand and repack to the same sequence numbers.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.h"
#include "rtcp/rtcp_packets.h"

namespace {

using parley::rtcp::Nack;
using parley::rtcp::NackItem;
using parley::rtcp::RtcpCompound;
using parley::rtcp::RtcpPacket;
using parley::rtcp::RtcpPacketView;
using parley::rtcp::RtcpParseError;
using parley::rtcp::RtcpWriteError;

void checkPacket(const RtcpPacket& packet) {
  std::vector<uint8_t> written;
  FUZZ_CHECK(parley::rtcp::appendRtcpPacket(packet, &written) == RtcpWriteError::kOk);
  FUZZ_CHECK(written.size() >= parley::rtcp::kRtcpHeaderSize && written.size() % 4 == 0);
  FUZZ_CHECK(parley::rtcp::isRtcp(written.data(), written.size()));

  RtcpPacketView view;
  FUZZ_CHECK(parley::rtcp::parseRtcpPacketView(written.data(), written.size(), &view) ==
             RtcpParseError::kOk);
  FUZZ_CHECK(view.header.packetSize == written.size());
  FUZZ_CHECK(!view.header.padding);
  RtcpPacket again;
  bool known = false;
  FUZZ_CHECK(parley::rtcp::parseRtcpPacket(view, &again, &known) == RtcpParseError::kOk);
  FUZZ_CHECK(known);
  FUZZ_CHECK(again == packet);
}

std::vector<uint16_t> sortedUnique(std::vector<uint16_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Expanding the FCI words and packing the numbers again names the same set
// of sequence numbers (the packing may differ: words of the input can overlap).
void checkNack(const Nack& nack) {
  const std::vector<uint16_t> expanded = parley::rtcp::expandNackItems(nack.items);
  FUZZ_CHECK(expanded.size() >= nack.items.size() && expanded.size() <= 17 * nack.items.size());
  const std::vector<NackItem> repacked = parley::rtcp::buildNackItems(expanded);
  FUZZ_CHECK(repacked.size() <= expanded.size());
  FUZZ_CHECK(sortedUnique(expanded) == sortedUnique(parley::rtcp::expandNackItems(repacked)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The demultiplexer must accept any bytes.
  (void)parley::rtcp::isRtcp(data, size);

  RtcpCompound compound;
  const RtcpParseError error = parley::rtcp::parseRtcpCompound(data, size, &compound);
  FUZZ_CHECK(parley::rtcp::rtcpParseErrorName(error) != nullptr);
  if (error != RtcpParseError::kOk) return 0;
  FUZZ_CHECK(compound.packets.size() + compound.skipped <= size / 4);

  for (const RtcpPacket& packet : compound.packets) {
    checkPacket(packet);
    if (const Nack* nack = std::get_if<Nack>(&packet)) checkNack(*nack);
  }

  if (compound.packets.empty()) return 0;
  std::vector<uint8_t> written;
  const bool startsWithReport = compound.packets.front().index() <= 1;  // SR or RR
  const RtcpWriteError writeError =
      startsWithReport ? parley::rtcp::writeRtcpCompound(compound.packets, &written)
                       : parley::rtcp::writeReducedSizeRtcp(compound.packets, &written);
  FUZZ_CHECK(writeError == RtcpWriteError::kOk);
  RtcpCompound again;
  FUZZ_CHECK(parley::rtcp::parseRtcpCompound(written, &again) == RtcpParseError::kOk);
  FUZZ_CHECK(again.skipped == 0);
  FUZZ_CHECK(again.packets == compound.packets);
  return 0;
}

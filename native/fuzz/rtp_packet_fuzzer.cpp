// libFuzzer target: the RTP header parser and writer (RFC 3550 section 5.1)
// and the RFC 8285 header extension reader and builder.
//
// For every input that parses, checks that the parts add up to the input,
// that writing the parsed packet back gives the same octets (the padding's
// content aside) and that they parse to the same fields, and that the
// extension elements rebuild into a block that reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "fuzz_check.h"
#include "rtp/rtp_header_extensions.h"
#include "rtp/rtp_packet.h"

namespace {

using parley::rtp::ByteView;
using parley::rtp::HeaderExtensionBuilder;
using parley::rtp::HeaderExtensionElement;
using parley::rtp::HeaderExtensionReader;
using parley::rtp::RtpHeader;
using parley::rtp::RtpPacketView;
using parley::rtp::RtpParseError;
using parley::rtp::RtpWriteError;

bool sameBytes(ByteView a, ByteView b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool sameHeader(const RtpHeader& a, const RtpHeader& b) {
  return a.marker == b.marker && a.payloadType == b.payloadType &&
         a.sequenceNumber == b.sequenceNumber && a.timestamp == b.timestamp && a.ssrc == b.ssrc &&
         a.csrcCount == b.csrcCount && a.csrcs == b.csrcs && a.hasExtension == b.hasExtension &&
         a.extensionProfile == b.extensionProfile && sameBytes(a.extension, b.extension);
}

struct Element {
  uint8_t id;
  ByteView data;
};

std::vector<Element> readElements(HeaderExtensionReader reader) {
  std::vector<Element> elements;
  HeaderExtensionElement element;
  while (reader.next(&element)) elements.push_back({element.id, element.data});
  return elements;
}

void checkExtensions(const RtpHeader& header) {
  const auto format = parley::rtp::headerExtensionFormat(header.extensionProfile);
  const std::vector<Element> elements = readElements(HeaderExtensionReader(header));
  for (const Element& e : elements) {
    FUZZ_CHECK(e.id != 0);
    FUZZ_CHECK(e.data.data() >= header.extension.begin() && e.data.end() <= header.extension.end());
  }
  if (!format) {
    FUZZ_CHECK(elements.empty());
    return;
  }
  HeaderExtensionBuilder builder(*format, static_cast<uint8_t>(header.extensionProfile & 0x0F));
  for (const Element& e : elements) FUZZ_CHECK(builder.add(e.id, e.data));
  FUZZ_CHECK(builder.body().size() % 4 == 0);
  FUZZ_CHECK(builder.body().size() <= header.extension.size());
  FUZZ_CHECK(builder.profile() == header.extensionProfile);
  const std::vector<Element> rebuilt =
      readElements(HeaderExtensionReader(builder.profile(), builder.body()));
  FUZZ_CHECK(rebuilt.size() == elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    FUZZ_CHECK(rebuilt[i].id == elements[i].id);
    FUZZ_CHECK(sameBytes(rebuilt[i].data, elements[i].data));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  RtpPacketView view;
  const RtpParseError error = parley::rtp::parseRtpPacket(data, size, &view);
  FUZZ_CHECK(parley::rtp::rtpParseErrorName(error) != nullptr);
  if (error != RtpParseError::kOk) return 0;

  FUZZ_CHECK(view.headerSize == view.header.size());
  FUZZ_CHECK(view.headerSize + view.payload.size() + view.paddingSize == size);
  FUZZ_CHECK(view.payload.data() == data + view.headerSize);
  FUZZ_CHECK(view.header.csrcCount <= parley::rtp::kRtpMaxCsrcCount);
  FUZZ_CHECK(view.header.payloadType <= 127);

  std::vector<uint8_t> written;
  FUZZ_CHECK(parley::rtp::writeRtpPacket(view.header, view.payload, view.paddingSize, &written) ==
             RtpWriteError::kOk);
  FUZZ_CHECK(written.size() == size);
  const size_t unpadded = size - view.paddingSize;
  FUZZ_CHECK(std::memcmp(written.data(), data, unpadded) == 0);
  FUZZ_CHECK(written.back() == data[size - 1] || view.paddingSize == 0);

  RtpPacketView again;
  FUZZ_CHECK(parley::rtp::parseRtpPacket(written, &again) == RtpParseError::kOk);
  FUZZ_CHECK(sameHeader(again.header, view.header));
  FUZZ_CHECK(sameBytes(again.payload, view.payload));
  FUZZ_CHECK(again.paddingSize == view.paddingSize);

  if (view.header.hasExtension) checkExtensions(view.header);
  return 0;
}

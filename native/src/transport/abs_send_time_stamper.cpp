#include "transport/abs_send_time_stamper.h"

#include <algorithm>
#include <cstddef>

#include "rtp/rtp_header_extensions.h"
#include "rtp/rtp_packet.h"

namespace parley::transport {

bool stampAbsSendTime(std::vector<uint8_t>* packet, uint8_t id, uint32_t absSendTime24) {
  rtp::RtpPacketView view;
  if (rtp::parseRtpPacket(rtp::ByteView(*packet), &view) != rtp::RtpParseError::kOk) return false;
  const uint8_t value[3] = {static_cast<uint8_t>(absSendTime24 >> 16),
                            static_cast<uint8_t>(absSendTime24 >> 8),
                            static_cast<uint8_t>(absSendTime24)};
  if (auto existing = rtp::findHeaderExtension(view.header, id);
      existing && existing->size() == 3) {
    // The view points into *packet: overwrite the three octets where they are.
    const size_t offset = static_cast<size_t>(existing->data() - packet->data());
    std::copy(value, value + 3, packet->begin() + static_cast<std::ptrdiff_t>(offset));
    return true;
  }
  rtp::HeaderExtensionFormat format = rtp::HeaderExtensionFormat::kOneByte;
  uint8_t appBits = 0;
  if (view.header.hasExtension) {
    auto known = rtp::headerExtensionFormat(view.header.extensionProfile);
    if (!known) return false;
    format = *known;
    if (format == rtp::HeaderExtensionFormat::kTwoByte) {
      appBits = static_cast<uint8_t>(view.header.extensionProfile & 0x0F);
    }
  }
  rtp::HeaderExtensionBuilder builder(format, appBits);
  rtp::HeaderExtensionReader reader(view.header);
  rtp::HeaderExtensionElement element;
  while (reader.next(&element)) {
    if (element.id != id && !builder.add(element.id, element.data)) return false;
  }
  if (!builder.add(id, rtp::ByteView(value, 3))) return false;
  rtp::RtpHeader header = view.header;
  builder.applyTo(&header);
  std::vector<uint8_t> rewritten;
  if (rtp::writeRtpPacket(header, view.payload, view.paddingSize, &rewritten) !=
      rtp::RtpWriteError::kOk) {
    return false;
  }
  packet->swap(rewritten);
  return true;
}

bool readAbsSendTime(const uint8_t* data, size_t size, uint8_t id, uint32_t* absSendTime24) {
  rtp::RtpPacketView view;
  if (rtp::parseRtpPacket(data, size, &view) != rtp::RtpParseError::kOk) return false;
  auto element = rtp::findHeaderExtension(view.header, id);
  if (!element || element->size() != 3) return false;
  const rtp::ByteView& v = *element;
  *absSendTime24 = (uint32_t{v[0]} << 16) | (uint32_t{v[1]} << 8) | uint32_t{v[2]};
  return true;
}

}  // namespace parley::transport

// libFuzzer target: RTP parse -> VP8 depacketize (RFC 7741), plus the VP8
// payload descriptor and payload header parsers on the raw input.
//
// Checks that accepted packets keep their invariants (the VP8 octets are the
// payload minus the descriptor, keyframe implies frameStart, PictureIDs in
// range), that descriptors written back parse to the same fields, and that a
// re-serialized RTP packet depacketizes to the same VideoPacket.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "fuzz_check.h"
#include "rtp/rtp_packet.h"
#include "rtp/vp8_depacketizer.h"
#include "rtp/vp8_payload_descriptor.h"
#include "video/video_packet.h"

namespace {

using parley::rtp::ByteView;
using parley::rtp::Vp8Depacketizer;
using parley::rtp::Vp8PacketInfo;
using parley::rtp::Vp8ParseError;
using parley::rtp::Vp8PayloadDescriptor;
using parley::rtp::Vp8PayloadHeader;

void checkDescriptorRoundTrip(ByteView payload) {
  Vp8PayloadDescriptor descriptor;
  size_t size = 0;
  const Vp8ParseError error = parley::rtp::parseVp8PayloadDescriptor(payload, &descriptor, &size);
  FUZZ_CHECK(parley::rtp::vp8ParseErrorName(error) != nullptr);
  if (error != Vp8ParseError::kOk) return;
  FUZZ_CHECK(size >= 1 && size <= 6 && size < payload.size());
  // An X octet without I/L/T/K parses but is not written back.
  FUZZ_CHECK(parley::rtp::vp8PayloadDescriptorSize(descriptor) <= size);

  uint8_t buffer[8] = {};
  const size_t written = parley::rtp::writeVp8PayloadDescriptor(descriptor, buffer, sizeof(buffer));
  FUZZ_CHECK(written == parley::rtp::vp8PayloadDescriptorSize(descriptor));
  buffer[written] = 0x00;  // one VP8 octet
  Vp8PayloadDescriptor again;
  size_t againSize = 0;
  FUZZ_CHECK(parley::rtp::parseVp8PayloadDescriptor(ByteView(buffer, written + 1), &again,
                                                    &againSize) == Vp8ParseError::kOk);
  FUZZ_CHECK(againSize == written);
  FUZZ_CHECK(again == descriptor);
}

void checkPayloadHeader(ByteView vp8) {
  Vp8PayloadHeader header;
  if (parley::rtp::parseVp8PayloadHeader(vp8, &header) != Vp8ParseError::kOk) return;
  FUZZ_CHECK(header.version <= 7 && header.firstPartitionSize < (1u << 19));
  FUZZ_CHECK(header.width >= 0 && header.width < (1 << 14));
  FUZZ_CHECK(header.height >= 0 && header.height < (1 << 14));
  FUZZ_CHECK(header.keyframe || (header.width == 0 && header.height == 0));
}

bool samePacket(const parley::video::VideoPacket& a, const parley::video::VideoPacket& b) {
  return a.sequence == b.sequence && a.rtpTimestamp == b.rtpTimestamp && a.marker == b.marker &&
         a.frameStart == b.frameStart && a.keyframe == b.keyframe && a.pictureId == b.pictureId &&
         a.arrivalTimeUs == b.arrivalTimeUs && a.payload == b.payload;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The payload parsers on their own, whatever the RTP header says.
  checkDescriptorRoundTrip(ByteView(data, size));
  checkPayloadHeader(ByteView(data, size));

  parley::rtp::RtpPacketView view;
  if (parley::rtp::parseRtpPacket(data, size, &view) != parley::rtp::RtpParseError::kOk) return 0;
  checkDescriptorRoundTrip(view.payload);

  Vp8Depacketizer depacketizer;
  parley::video::VideoPacket packet;
  Vp8PacketInfo info;
  const Vp8ParseError error = depacketizer.depacketize(view, 42, &packet, &info);
  if (error != Vp8ParseError::kOk) return 0;

  FUZZ_CHECK(info.descriptorSize + packet.payload.size() == view.payload.size());
  FUZZ_CHECK(packet.payload.empty() == false);
  FUZZ_CHECK(std::memcmp(packet.payload.data(), view.payload.data() + info.descriptorSize,
                         packet.payload.size()) == 0);
  FUZZ_CHECK(packet.frameStart == info.descriptor.startsFrame());
  FUZZ_CHECK(!packet.keyframe || packet.frameStart);
  FUZZ_CHECK(packet.pictureId >= -1 && packet.pictureId <= 0x7FFF);
  FUZZ_CHECK(packet.sequence == view.header.sequenceNumber);  // first packet unwraps to itself
  FUZZ_CHECK(packet.rtpTimestamp == view.header.timestamp);
  FUZZ_CHECK(packet.marker == view.header.marker);
  FUZZ_CHECK(packet.arrivalTimeUs == 42 && !packet.retransmitted);
  if (packet.frameStart) checkPayloadHeader(ByteView(packet.payload));

  // The same packet again (a duplicate) maps to the same numbers.
  parley::video::VideoPacket duplicate;
  FUZZ_CHECK(depacketizer.depacketize(view, 42, &duplicate) == Vp8ParseError::kOk);
  FUZZ_CHECK(samePacket(packet, duplicate));

  // Re-serialized, it depacketizes to the same VideoPacket.
  std::vector<uint8_t> written;
  FUZZ_CHECK(parley::rtp::writeRtpPacket(view.header, view.payload, view.paddingSize, &written) ==
             parley::rtp::RtpWriteError::kOk);
  parley::rtp::RtpPacketView again;
  FUZZ_CHECK(parley::rtp::parseRtpPacket(written, &again) == parley::rtp::RtpParseError::kOk);
  Vp8Depacketizer fresh;
  parley::video::VideoPacket reparsed;
  FUZZ_CHECK(fresh.depacketize(again, 42, &reparsed) == Vp8ParseError::kOk);
  FUZZ_CHECK(samePacket(packet, reparsed));
  return 0;
}

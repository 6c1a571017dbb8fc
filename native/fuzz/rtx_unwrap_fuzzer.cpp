// libFuzzer target: RFC 4588 retransmission packets (native/src/transport/rtx.h)
// as the receive path unwraps them.
//
// Checks that an unwrapped packet is valid RTP carrying the stream's SSRC and
// payload type, and that wrapping it
// again gives back an RTX packet that unwraps to the same octets.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.h"
#include "rtp/rtp_packet.h"
#include "transport/rtx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using parley::transport::RtxUnwrapError;
  constexpr uint32_t kMediaSsrc = 0x11223344;
  constexpr uint8_t kMediaPayloadType = 96;
  std::vector<uint8_t> original;
  if (parley::transport::unwrapRtx(data, size, kMediaSsrc, kMediaPayloadType, &original) !=
      RtxUnwrapError::kOk) {
    return 0;
  }
  parley::rtp::RtpPacketView view;
  FUZZ_CHECK(parley::rtp::parseRtpPacket(original.data(), original.size(), &view) ==
             parley::rtp::RtpParseError::kOk);
  FUZZ_CHECK(view.header.ssrc == kMediaSsrc);
  FUZZ_CHECK(view.header.payloadType == kMediaPayloadType);
  std::vector<uint8_t> rtx;
  FUZZ_CHECK(parley::transport::wrapRtx(original.data(), original.size(), 0x55667788, 97, 1, &rtx));
  std::vector<uint8_t> again;
  FUZZ_CHECK(parley::transport::unwrapRtx(rtx.data(), rtx.size(), kMediaSsrc, kMediaPayloadType,
                                          &again) == RtxUnwrapError::kOk);
  FUZZ_CHECK(again == original);
  return 0;
}

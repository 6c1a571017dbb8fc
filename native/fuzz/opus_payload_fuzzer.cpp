// libFuzzer target: the RFC 7587 Opus payload check (RFC 6716 section 3.4
// packet rules) that the audio receive path runs on every packet.
//
// Checks that an accepted payload has a duration within RFC 7587 section 4.2
// (2.5 to 120 ms) and that the verdict does not depend on bytes beyond the
// view (the same bytes copied into a tight buffer give the same answer).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.h"
#include "rtp/opus_payload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using parley::rtp::ByteView;
  using parley::rtp::OpusPayloadError;
  int samples = -1;
  const OpusPayloadError result = parley::rtp::parseOpusPayload(ByteView(data, size), &samples);
  if (result == OpusPayloadError::kOk) {
    FUZZ_CHECK(size > 0 && size <= parley::rtp::kOpusMaxPayloadSize);
    FUZZ_CHECK(samples >= parley::rtp::kOpusMinPacketSamples);
    FUZZ_CHECK(samples <= parley::rtp::kOpusMaxPacketSamples);
  }
  const std::vector<uint8_t> copy(data, data + size);
  int again = -1;
  FUZZ_CHECK(parley::rtp::parseOpusPayload(ByteView(copy.data(), copy.size()), &again) == result);
  FUZZ_CHECK(result != OpusPayloadError::kOk || again == samples);
  return 0;
}

// libFuzzer target: SRTP and SRTCP unprotect (native/src/srtp, through the
// system libsrtp2) for both supported suites, with fixed keys.
//
// The first input octet picks the suite (bit 0), RTP or RTCP (bit 1) and the
// mode (bit 2); the rest is the packet.
//   - raw: the packet goes straight to a long-lived inbound session, as bytes
//     from the network would. Nothing may crash or read outside the packet,
//     and an accepted packet may only shrink.
//   - round trip: a fresh outbound session protects the packet (if it is
//     well-formed enough to protect) and a fresh inbound one unprotects it,
//     which must give back exactly the input; then one octet (chosen by the
//     input) is flipped and the packet must no longer be accepted.
// The round trip uses fresh sessions per input so that inputs stay
// independent and authenticated SSRCs do not pile up streams in libsrtp.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "fuzz_check.h"
#include "srtp/srtp_session.h"

namespace {

using parley::srtp::CryptoSuite;
using parley::srtp::SrtpDirection;
using parley::srtp::SrtpError;
using parley::srtp::SrtpMasterKey;
using parley::srtp::SrtpSession;

SrtpMasterKey fixedKey(CryptoSuite suite) {
  SrtpMasterKey key{suite,
                    std::vector<uint8_t>(parley::srtp::cryptoSuiteInfo(suite).keyAndSaltLength())};
  for (size_t i = 0; i < key.keyAndSalt.size(); ++i)
    key.keyAndSalt[i] = static_cast<uint8_t>(0xA0 + i);
  return key;
}

std::unique_ptr<SrtpSession> inbound[2];

SrtpError unprotect(SrtpSession& session, bool rtcp, uint8_t* data, size_t* length) {
  return rtcp ? session.unprotectRtcp(data, length) : session.unprotectRtp(data, length);
}

void roundTrip(CryptoSuite suite, bool rtcp, const uint8_t* data, size_t size) {
  auto sender = SrtpSession::create(SrtpDirection::kOutbound, fixedKey(suite));
  auto receiver = SrtpSession::create(SrtpDirection::kInbound, fixedKey(suite));
  FUZZ_CHECK(sender != nullptr && receiver != nullptr);
  std::vector<uint8_t> buffer(data, data + size);
  buffer.resize(size + parley::srtp::kSrtpRtcpHeadroom);
  size_t length = size;
  const SrtpError protectError = rtcp ? sender->protectRtcp(buffer.data(), buffer.size(), &length)
                                      : sender->protectRtp(buffer.data(), buffer.size(), &length);
  if (protectError != SrtpError::kOk) {
    FUZZ_CHECK(protectError == SrtpError::kMalformed);
    return;
  }
  FUZZ_CHECK(length > size && length <= size + parley::srtp::kSrtpRtcpHeadroom);
  // An exact-size copy, so that ASan sees any read past the packet.
  const std::vector<uint8_t> protectedPacket(buffer.begin(), buffer.begin() + length);

  std::vector<uint8_t> tampered = protectedPacket;
  tampered[size == 0 ? 0 : data[0] % tampered.size()] ^= 0x01;
  size_t tamperedLength = tampered.size();
  FUZZ_CHECK(unprotect(*receiver, rtcp, tampered.data(), &tamperedLength) != SrtpError::kOk);

  std::vector<uint8_t> received = protectedPacket;
  size_t receivedLength = received.size();
  const SrtpError error = unprotect(*receiver, rtcp, received.data(), &receivedLength);
  FUZZ_CHECK(error == SrtpError::kOk);
  FUZZ_CHECK(receivedLength == size);
  FUZZ_CHECK(size == 0 || std::memcmp(received.data(), data, size) == 0);
  // And only once.
  received = protectedPacket;
  receivedLength = received.size();
  FUZZ_CHECK(unprotect(*receiver, rtcp, received.data(), &receivedLength) == SrtpError::kReplay);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  inbound[0] =
      SrtpSession::create(SrtpDirection::kInbound, fixedKey(CryptoSuite::kAesCm128HmacSha1_80));
  inbound[1] = SrtpSession::create(SrtpDirection::kInbound, fixedKey(CryptoSuite::kAeadAes128Gcm));
  FUZZ_CHECK(inbound[0] != nullptr && inbound[1] != nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const int suiteIndex = control & 0x01;
  const bool rtcp = (control & 0x02) != 0;
  const bool roundTripMode = (control & 0x04) != 0;
  ++data;
  --size;
  const CryptoSuite suite =
      suiteIndex == 0 ? CryptoSuite::kAesCm128HmacSha1_80 : CryptoSuite::kAeadAes128Gcm;

  if (roundTripMode) {
    roundTrip(suite, rtcp, data, size);
    return 0;
  }
  std::vector<uint8_t> packet(data, data + size);
  size_t length = packet.size();
  const SrtpError error = unprotect(*inbound[suiteIndex], rtcp, packet.data(), &length);
  FUZZ_CHECK(parley::srtp::srtpErrorName(error) != nullptr);
  if (error == SrtpError::kOk) FUZZ_CHECK(length <= size);
  return 0;
}

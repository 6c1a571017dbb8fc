// The SRTP crypto suites Parley supports, with the key, salt and tag lengths
// each one fixes. The names are the SDES names (RFC 4568 section 6.2 and
// RFC 7714 section 14.1), which are also what logs and stats print.
//
//   suite                    master key  master salt  SRTP tag  SRTCP tag
//   AES_CM_128_HMAC_SHA1_80  16 octets   14 octets    10        10   RFC 3711, RFC 4568 6.2.1
//   AEAD_AES_128_GCM         16 octets   12 octets    16        16   RFC 7714
//
// The SDES "inline:" key is the master key followed by the master salt
// (RFC 4568 section 6.1), so it is 30 octets for the first suite and 28 for
// the second.
#ifndef PARLEY_SRTP_CRYPTO_SUITE_H
#define PARLEY_SRTP_CRYPTO_SUITE_H

#include <cstddef>
#include <optional>
#include <string_view>

namespace parley::srtp {

enum class CryptoSuite {
  kAesCm128HmacSha1_80,  // RFC 3711 default transforms, 80-bit HMAC-SHA1 tag
  kAeadAes128Gcm,        // RFC 7714 AES-GCM, 16-octet tag
};

struct CryptoSuiteInfo {
  CryptoSuite suite;
  std::string_view sdesName;  // RFC 4568 / RFC 7714 crypto-suite token
  size_t masterKeyLength;     // octets
  size_t masterSaltLength;    // octets
  size_t srtpTagLength;       // octets appended to each SRTP packet
  // Octets appended to each SRTCP packet: the 4-octet E flag + SRTCP index
  // and the tag. AES-CM puts the index before the tag (RFC 3711 section
  // 3.4), AEAD after it (RFC 7714 section 9).
  size_t srtcpTrailerLength;

  constexpr size_t keyAndSaltLength() const { return masterKeyLength + masterSaltLength; }
};

inline constexpr CryptoSuiteInfo kCryptoSuites[] = {
    {CryptoSuite::kAesCm128HmacSha1_80, "AES_CM_128_HMAC_SHA1_80", 16, 14, 10, 4 + 10},
    {CryptoSuite::kAeadAes128Gcm, "AEAD_AES_128_GCM", 16, 12, 16, 4 + 16},
};

// The lengths of a supported suite (every enumerator has an entry).
constexpr const CryptoSuiteInfo& cryptoSuiteInfo(CryptoSuite suite) {
  return suite == CryptoSuite::kAesCm128HmacSha1_80 ? kCryptoSuites[0] : kCryptoSuites[1];
}

inline std::string_view cryptoSuiteName(CryptoSuite suite) {
  return cryptoSuiteInfo(suite).sdesName;
}

// The suite with exactly this SDES name (compared case-sensitively, as every
// implementation writes the registered tokens), or nothing for any other.
inline std::optional<CryptoSuite> cryptoSuiteFromName(std::string_view name) {
  for (const CryptoSuiteInfo& info : kCryptoSuites) {
    if (info.sdesName == name) return info.suite;
  }
  return std::nullopt;
}

// The largest key||salt of any supported suite.
inline constexpr size_t kMaxKeyAndSaltLength = 30;

}  // namespace parley::srtp

#endif  // PARLEY_SRTP_CRYPTO_SUITE_H

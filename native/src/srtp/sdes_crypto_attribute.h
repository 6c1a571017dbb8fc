// SDP Security Descriptions (SDES, RFC 4568): the a=crypto attribute that
// carries an SRTP master key in the offer/answer, its parser and formatter,
// and fresh master keys from the operating system's CSPRNG.
//
// RFC 4568 section 9.1 (ABNF, abridged to what this file reads):
//
//   "a=crypto:" tag 1*WSP crypto-suite 1*WSP key-params *(1*WSP session-param)
//   tag          = 1*9DIGIT
//   key-params   = key-param *(";" key-param)
//   key-param    = key-method ":" key-info         ; key-method "inline"
//   key-info     = key-salt ["|" lifetime] ["|" mki]   (section 6.1)
//   key-salt     = 1*(base64)                      ; master key || master salt
//   lifetime     = ["2^"] 1*(DIGIT)                ; packets
//   mki          = mki-value ":" mki-length        ; mki-length 1*3DIGIT, 1..128
//
// for example
//
//   a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4
//
// The parser is strict: a line it accepts names a suite of crypto_suite.h and
// carries exactly that suite's key||salt length. It accepts a lifetime and an
// MKI and reports them, but Parley keys sessions without MKI (SrtpSession has
// no MKI support): the negotiating code should answer a line without MKI, and
// must not key a session from one with MKI (its packets would carry MKI
// octets the session cannot strip). Session parameters (section 6.3, e.g.
// UNENCRYPTED_SRTP, KDR=) are kept verbatim for the caller to judge: Parley
// supports none of them, so the answerer should not pick a line that has any.
#ifndef PARLEY_SRTP_SDES_CRYPTO_ATTRIBUTE_H
#define PARLEY_SRTP_SDES_CRYPTO_ATTRIBUTE_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "srtp/crypto_suite.h"

namespace parley::srtp {

// Why a line is not an a=crypto attribute Parley can use. The signalling
// layer skips such a line (and rejects the offer if none is left).
enum class SdesParseError {
  kOk = 0,
  kNotCryptoAttribute,  // does not start with "a=crypto:" (or "crypto:")
  kBadTag,              // tag missing, not 1 to 9 digits, or not followed by whitespace
  kMissingSuite,        // nothing after the tag
  kUnknownSuite,        // a suite name crypto_suite.h does not list
  kMissingKeyParams,    // nothing after the suite
  kNotInline,           // key-method is not "inline:" (RFC 4568 defines only inline)
  kMultipleKeys,        // more than one key-param (";"): only used with MKI; unsupported
  kBadBase64,           // key-salt is not canonical, padded base64 (RFC 4648 section 4)
  kWrongKeyLength,      // key-salt decodes to other than the suite's key||salt length
  kBadLifetime,         // lifetime not ["2^"]digits, zero, or beyond 2^48 (RFC 3711 9.2)
  kBadMki,              // MKI not value:length, length outside 1..128, value too big
  kBadKeyInfo,          // more "|" fields than key-salt, lifetime, MKI, or out of order
};

// Short, stable name of an error ("bad-base64", ...), for logs.
const char* sdesParseErrorName(SdesParseError error);

// An SRTP master key with its suite: what keys an SrtpSession.
struct SrtpMasterKey {
  CryptoSuite suite = CryptoSuite::kAesCm128HmacSha1_80;
  // Master key followed by master salt: cryptoSuiteInfo(suite).keyAndSaltLength() octets.
  std::vector<uint8_t> keyAndSalt;
};

// RFC 4568 section 6.1 lifetime: a packet count written as decimal or as a
// power of two ("2^31"); `powerOfTwo` only keeps the spelling for formatting.
struct SdesLifetime {
  uint64_t packets = 0;
  bool powerOfTwo = false;
};

// RFC 4568 section 6.1 MKI: the index value and its length in octets.
struct SdesMki {
  uint64_t value = 0;
  uint8_t length = 0;  // 1..128
};

// One parsed a=crypto line.
struct SdesCryptoAttribute {
  uint32_t tag = 1;  // 0..999999999; the answer repeats the offer's tag
  SrtpMasterKey key;
  std::optional<SdesLifetime> lifetime;
  std::optional<SdesMki> mki;
  std::vector<std::string> sessionParams;  // verbatim, in order
};

// Parses one SDP attribute line, "a=crypto:..." (the "a=" may be left out),
// without its line ending. On kOk fills *out; otherwise *out is unspecified.
SdesParseError parseSdesCryptoAttribute(std::string_view line, SdesCryptoAttribute* out);

// Writes the attribute as "a=crypto:<tag> <suite> inline:<base64>[|lifetime]
// [|mki:len][ <session-param>...]". The caller keeps the fields valid (a key
// of the suite's length, a tag below 10^9): the result parses back to them.
std::string formatSdesCryptoAttribute(const SdesCryptoAttribute& attribute);

// Fills `key` with a fresh master key||salt for `suite` from the kernel's
// CSPRNG (getrandom(2)). False, leaving *key unchanged, if the kernel could
// not provide the bytes: the caller must then not offer SDES at all.
bool generateSrtpMasterKey(CryptoSuite suite, SrtpMasterKey* key);

// RFC 4648 section 4 base64 with padding, as RFC 4568 writes key-salt.
std::string encodeBase64(const uint8_t* data, size_t size);
// Strict decoding: length a multiple of 4, only the standard alphabet, "="
// only as the last one or two characters, unused bits zero. False on any
// other input (then *out is unspecified).
bool decodeBase64(std::string_view text, std::vector<uint8_t>* out);

}  // namespace parley::srtp

#endif  // PARLEY_SRTP_SDES_CRYPTO_ATTRIBUTE_H

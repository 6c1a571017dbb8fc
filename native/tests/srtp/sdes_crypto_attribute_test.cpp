#include "srtp/sdes_crypto_attribute.h"

#include <gtest/gtest.h>

#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace parley::srtp {
namespace {

using Bytes = std::vector<uint8_t>;

// 0x00, 0x01, ... (count octets): keys whose base64 is easy to check by hand.
Bytes ramp(size_t count) {
  Bytes bytes(count);
  std::iota(bytes.begin(), bytes.end(), 0);
  return bytes;
}

// base64 of ramp(30), ramp(28), ramp(29) and ramp(31).
constexpr char kRamp30[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd";
constexpr char kRamp28[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGw==";
constexpr char kRamp29[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxw=";
constexpr char kRamp31[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==";

std::string cm(const std::string& keyInfo) {
  return "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + keyInfo;
}
std::string gcm(const std::string& keyInfo) {
  return "a=crypto:1 AEAD_AES_128_GCM inline:" + keyInfo;
}

// ---- Lines that parse -----------------------------------------------------

struct GoodCase {
  std::string name;
  std::string line;
  uint32_t tag;
  CryptoSuite suite;
  Bytes keyAndSalt;
  std::optional<uint64_t> lifetime;
  std::optional<SdesMki> mki;
  std::vector<std::string> sessionParams;
};

void PrintTo(const GoodCase& c, std::ostream* os) { *os << c.name; }

std::vector<GoodCase> goodCases() {
  const std::string r30 = kRamp30;
  const std::string r28 = kRamp28;
  return {
      {"aes_cm_key_only", cm(r30), 1, CryptoSuite::kAesCm128HmacSha1_80, ramp(30), {}, {}, {}},
      {"gcm_key_only", gcm(r28), 1, CryptoSuite::kAeadAes128Gcm, ramp(28), {}, {}, {}},
      {"without_a_equals",
       "crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + r30,
       7,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       {},
       {},
       {}},
      {"nine_digit_tag",
       "a=crypto:999999999 AEAD_AES_128_GCM inline:" + r28,
       999999999,
       CryptoSuite::kAeadAes128Gcm,
       ramp(28),
       {},
       {},
       {}},
      {"lifetime_power_of_two",
       cm(r30 + "|2^20"),
       1,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       uint64_t{1} << 20,
       {},
       {}},
      {"lifetime_decimal",
       gcm(r28 + "|1000000"),
       1,
       CryptoSuite::kAeadAes128Gcm,
       ramp(28),
       1000000,
       {},
       {}},
      {"lifetime_2_pow_48_is_the_maximum",
       cm(r30 + "|2^48"),
       1,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       uint64_t{1} << 48,
       {},
       {}},
      {"mki_only",
       cm(r30 + "|1:4"),
       1,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       {},
       SdesMki{1, 4},
       {}},
      {"lifetime_and_mki",
       cm(r30 + "|2^20|1:32"),
       1,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       uint64_t{1} << 20,
       SdesMki{1, 32},
       {}},
      {"mki_value_fills_one_octet",
       gcm(r28 + "|255:1"),
       1,
       CryptoSuite::kAeadAes128Gcm,
       ramp(28),
       {},
       SdesMki{255, 1},
       {}},
      {"mki_length_128",
       gcm(r28 + "|2^31|3:128"),
       1,
       CryptoSuite::kAeadAes128Gcm,
       ramp(28),
       uint64_t{1} << 31,
       SdesMki{3, 128},
       {}},
      {"session_params_kept",
       cm(r30) + " KDR=1 UNENCRYPTED_SRTCP",
       1,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       {},
       {},
       {"KDR=1", "UNENCRYPTED_SRTCP"}},
      {"tabs_and_runs_of_spaces",
       "a=crypto:2\tAES_CM_128_HMAC_SHA1_80   inline:" + r30,
       2,
       CryptoSuite::kAesCm128HmacSha1_80,
       ramp(30),
       {},
       {},
       {}},
  };
}

class SrtpSdesGoodTest : public testing::TestWithParam<GoodCase> {};

TEST_P(SrtpSdesGoodTest, ParsesFields) {
  const GoodCase& c = GetParam();
  SdesCryptoAttribute attribute;
  ASSERT_EQ(parseSdesCryptoAttribute(c.line, &attribute), SdesParseError::kOk)
      << sdesParseErrorName(parseSdesCryptoAttribute(c.line, &attribute));
  EXPECT_EQ(attribute.tag, c.tag);
  EXPECT_EQ(attribute.key.suite, c.suite);
  EXPECT_EQ(attribute.key.keyAndSalt, c.keyAndSalt);
  ASSERT_EQ(attribute.lifetime.has_value(), c.lifetime.has_value());
  if (c.lifetime) {
    EXPECT_EQ(attribute.lifetime->packets, *c.lifetime);
  }
  ASSERT_EQ(attribute.mki.has_value(), c.mki.has_value());
  if (c.mki) {
    EXPECT_EQ(attribute.mki->value, c.mki->value);
    EXPECT_EQ(attribute.mki->length, c.mki->length);
  }
  EXPECT_EQ(attribute.sessionParams, c.sessionParams);
}

TEST_P(SrtpSdesGoodTest, FormatThenParseGivesTheSameAttribute) {
  SdesCryptoAttribute parsed;
  ASSERT_EQ(parseSdesCryptoAttribute(GetParam().line, &parsed), SdesParseError::kOk);
  const std::string formatted = formatSdesCryptoAttribute(parsed);
  SdesCryptoAttribute again;
  ASSERT_EQ(parseSdesCryptoAttribute(formatted, &again), SdesParseError::kOk) << formatted;
  EXPECT_EQ(again.tag, parsed.tag);
  EXPECT_EQ(again.key.suite, parsed.key.suite);
  EXPECT_EQ(again.key.keyAndSalt, parsed.key.keyAndSalt);
  ASSERT_EQ(again.lifetime.has_value(), parsed.lifetime.has_value());
  if (parsed.lifetime) {
    EXPECT_EQ(again.lifetime->packets, parsed.lifetime->packets);
    EXPECT_EQ(again.lifetime->powerOfTwo, parsed.lifetime->powerOfTwo);
  }
  ASSERT_EQ(again.mki.has_value(), parsed.mki.has_value());
  if (parsed.mki) {
    EXPECT_EQ(again.mki->value, parsed.mki->value);
    EXPECT_EQ(again.mki->length, parsed.mki->length);
  }
  EXPECT_EQ(again.sessionParams, parsed.sessionParams);
  // Formatting is canonical: a second round gives the same text.
  EXPECT_EQ(formatSdesCryptoAttribute(again), formatted);
}

INSTANTIATE_TEST_SUITE_P(Lines, SrtpSdesGoodTest, testing::ValuesIn(goodCases()),
                         [](const testing::TestParamInfo<GoodCase>& info) {
                           return info.param.name;
                         });

// ---- Lines that do not ----------------------------------------------------

struct BadCase {
  std::string name;
  std::string line;
  SdesParseError error;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

std::vector<BadCase> badCases() {
  const std::string r30 = kRamp30;
  const std::string r28 = kRamp28;
  using E = SdesParseError;
  return {
      {"empty", "", E::kNotCryptoAttribute},
      {"other_attribute", "a=fingerprint:sha-256 AB:CD", E::kNotCryptoAttribute},
      {"upper_case_attribute_name", "a=CRYPTO:1 AES_CM_128_HMAC_SHA1_80 inline:" + r30,
       E::kNotCryptoAttribute},
      {"missing_tag", "a=crypto: AES_CM_128_HMAC_SHA1_80 inline:" + r30, E::kBadTag},
      {"ten_digit_tag", "a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + r30, E::kBadTag},
      {"tag_not_digits", "a=crypto:x1 AES_CM_128_HMAC_SHA1_80 inline:" + r30, E::kBadTag},
      {"tag_runs_into_suite", "a=crypto:1AES_CM_128_HMAC_SHA1_80 inline:" + r30, E::kBadTag},
      {"missing_suite", "a=crypto:1", E::kMissingSuite},
      {"unknown_suite_32_bit_tag", "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + r30,
       E::kUnknownSuite},
      {"unknown_suite_256_gcm", "a=crypto:1 AEAD_AES_256_GCM inline:" + r30, E::kUnknownSuite},
      {"suite_in_lower_case", "a=crypto:1 aes_cm_128_hmac_sha1_80 inline:" + r30, E::kUnknownSuite},
      {"missing_key_params", "a=crypto:1 AES_CM_128_HMAC_SHA1_80", E::kMissingKeyParams},
      {"missing_key_params_trailing_space", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 ",
       E::kMissingKeyParams},
      {"missing_inline", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 " + r30, E::kNotInline},
      {"other_key_method", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 uri:" + r30, E::kNotInline},
      {"two_key_params", cm(r30 + "|2^20|1:4;inline:" + r30 + "|2^20|2:4"), E::kMultipleKeys},
      {"empty_key", cm(""), E::kBadBase64},
      {"base64_bad_character", cm("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGx*d"), E::kBadBase64},
      {"base64_length_not_multiple_of_4", cm(r30.substr(0, 39)), E::kBadBase64},
      {"base64_padding_in_middle", cm("AA==AwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd"), E::kBadBase64},
      {"base64_non_zero_pad_bits", gcm("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGx=="), E::kBadBase64},
      {"base64_url_alphabet", cm("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGx-_"), E::kBadBase64},
      {"aes_cm_key_29_octets", cm(kRamp29), E::kWrongKeyLength},
      {"aes_cm_key_31_octets", cm(kRamp31), E::kWrongKeyLength},
      {"aes_cm_suite_with_gcm_length_key", cm(r28), E::kWrongKeyLength},
      {"gcm_suite_with_aes_cm_length_key", gcm(r30), E::kWrongKeyLength},
      {"lifetime_zero", cm(r30 + "|0"), E::kBadLifetime},
      {"lifetime_2_pow_49", cm(r30 + "|2^49"), E::kBadLifetime},
      {"lifetime_not_digits", cm(r30 + "|2^x"), E::kBadLifetime},
      {"lifetime_empty", cm(r30 + "|"), E::kBadLifetime},
      {"lifetime_overflows_64_bits", cm(r30 + "|99999999999999999999999"), E::kBadLifetime},
      {"mki_length_zero", cm(r30 + "|1:0"), E::kBadMki},
      {"mki_length_129", cm(r30 + "|1:129"), E::kBadMki},
      {"mki_length_four_digits", cm(r30 + "|1:0004"), E::kBadMki},
      {"mki_value_too_big_for_length", cm(r30 + "|256:1"), E::kBadMki},
      {"mki_value_missing", cm(r30 + "|:4"), E::kBadMki},
      {"mki_before_lifetime", cm(r30 + "|1:4|2^20"), E::kBadKeyInfo},
      {"two_lifetimes", cm(r30 + "|2^20|2^10"), E::kBadKeyInfo},
      {"two_mkis", cm(r30 + "|1:4|2:4"), E::kBadKeyInfo},
      {"four_key_info_fields", cm(r30 + "|2^20|1:4|1:4"), E::kBadKeyInfo},
  };
}

class SrtpSdesBadTest : public testing::TestWithParam<BadCase> {};

TEST_P(SrtpSdesBadTest, IsRejectedWithItsError) {
  const BadCase& c = GetParam();
  SdesCryptoAttribute attribute;
  const SdesParseError error = parseSdesCryptoAttribute(c.line, &attribute);
  EXPECT_EQ(error, c.error) << "got " << sdesParseErrorName(error) << " for \"" << c.line << '"';
}

INSTANTIATE_TEST_SUITE_P(Lines, SrtpSdesBadTest, testing::ValuesIn(badCases()),
                         [](const testing::TestParamInfo<BadCase>& info) {
                           return info.param.name;
                         });

// ---- Formatting, base64 and key generation -------------------------------

TEST(SrtpSdesFormatTest, WritesTheRfc4568Shape) {
  SdesCryptoAttribute attribute;
  attribute.tag = 3;
  attribute.key = {CryptoSuite::kAeadAes128Gcm, ramp(28)};
  attribute.lifetime = SdesLifetime{uint64_t{1} << 31, true};
  attribute.mki = SdesMki{5, 2};
  EXPECT_EQ(formatSdesCryptoAttribute(attribute),
            std::string("a=crypto:3 AEAD_AES_128_GCM inline:") + kRamp28 + "|2^31|5:2");
}

TEST(SrtpSdesBase64Test, RoundTripsEveryLengthUpTo40) {
  for (size_t n = 1; n <= 40; ++n) {
    const Bytes bytes = ramp(n);
    Bytes decoded;
    ASSERT_TRUE(decodeBase64(encodeBase64(bytes.data(), bytes.size()), &decoded)) << n;
    EXPECT_EQ(decoded, bytes) << n;
  }
}

TEST(SrtpSdesBase64Test, Rfc4648TestVectors) {
  // RFC 4648 section 10.
  const std::pair<const char*, const char*> vectors[] = {
      {"f", "Zg=="},        {"fo", "Zm8="},        {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    const std::string text = plain;
    EXPECT_EQ(encodeBase64(reinterpret_cast<const uint8_t*>(text.data()), text.size()), encoded);
    Bytes decoded;
    ASSERT_TRUE(decodeBase64(encoded, &decoded)) << encoded;
    EXPECT_EQ(std::string(decoded.begin(), decoded.end()), text);
  }
}

TEST(SrtpSdesKeyGenerationTest, GivesTheSuiteLengthAndFreshKeys) {
  for (const CryptoSuiteInfo& info : kCryptoSuites) {
    SrtpMasterKey first;
    SrtpMasterKey second;
    ASSERT_TRUE(generateSrtpMasterKey(info.suite, &first));
    ASSERT_TRUE(generateSrtpMasterKey(info.suite, &second));
    EXPECT_EQ(first.suite, info.suite);
    EXPECT_EQ(first.keyAndSalt.size(), info.keyAndSaltLength());
    // Two 224-bit or 240-bit draws collide with probability ~2^-224.
    EXPECT_NE(first.keyAndSalt, second.keyAndSalt);
  }
}

TEST(SrtpSdesKeyGenerationTest, GeneratedKeyFormatsAndParsesBack) {
  SdesCryptoAttribute attribute;
  ASSERT_TRUE(generateSrtpMasterKey(CryptoSuite::kAeadAes128Gcm, &attribute.key));
  SdesCryptoAttribute parsed;
  ASSERT_EQ(parseSdesCryptoAttribute(formatSdesCryptoAttribute(attribute), &parsed),
            SdesParseError::kOk);
  EXPECT_EQ(parsed.key.keyAndSalt, attribute.key.keyAndSalt);
}

TEST(SrtpCryptoSuiteTest, LengthsAndNames) {
  const CryptoSuiteInfo& cm = cryptoSuiteInfo(CryptoSuite::kAesCm128HmacSha1_80);
  EXPECT_EQ(cm.keyAndSaltLength(), 30u);
  EXPECT_EQ(cm.srtpTagLength, 10u);
  EXPECT_EQ(cm.srtcpTrailerLength, 14u);
  const CryptoSuiteInfo& gcm = cryptoSuiteInfo(CryptoSuite::kAeadAes128Gcm);
  EXPECT_EQ(gcm.keyAndSaltLength(), 28u);
  EXPECT_EQ(gcm.srtpTagLength, 16u);
  EXPECT_EQ(gcm.srtcpTrailerLength, 20u);
  EXPECT_EQ(cryptoSuiteFromName("AEAD_AES_128_GCM"), CryptoSuite::kAeadAes128Gcm);
  EXPECT_EQ(cryptoSuiteFromName("AES_CM_128_HMAC_SHA1_80"), CryptoSuite::kAesCm128HmacSha1_80);
  EXPECT_EQ(cryptoSuiteFromName("AES_CM_128_HMAC_SHA1_32"), std::nullopt);
}

}  // namespace
}  // namespace parley::srtp

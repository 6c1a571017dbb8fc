#include "srtp/sdes_crypto_attribute.h"

#include <sys/random.h>

#include <cerrno>
#include <charconv>
#include <utility>

namespace parley::srtp {
namespace {

constexpr std::string_view kAttributePrefix = "a=crypto:";
constexpr std::string_view kInline = "inline:";
// RFC 3711 section 9.2: at most 2^48 SRTP packets under one master key.
constexpr uint64_t kMaxLifetime = uint64_t{1} << 48;
constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool isWsp(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!isDigit(c)) return false;
  }
  return true;
}

// Decimal digits only (no sign, no spaces); false on overflow.
bool parseDecimal(std::string_view s, uint64_t* value) {
  if (!allDigits(s)) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && end == s.data() + s.size();
}

// Splits off the next run of non-whitespace; skips the whitespace before it.
std::string_view nextToken(std::string_view* rest) {
  size_t start = 0;
  while (start < rest->size() && isWsp((*rest)[start])) ++start;
  size_t end = start;
  while (end < rest->size() && !isWsp((*rest)[end])) ++end;
  const std::string_view token = rest->substr(start, end - start);
  rest->remove_prefix(end);
  return token;
}

int base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

SdesParseError parseLifetime(std::string_view text, SdesLifetime* out) {
  const bool powerOfTwo = text.substr(0, 2) == "2^";
  if (powerOfTwo) text.remove_prefix(2);
  uint64_t number = 0;
  if (!parseDecimal(text, &number)) return SdesParseError::kBadLifetime;
  if (powerOfTwo) {
    if (number > 48) return SdesParseError::kBadLifetime;
    number = uint64_t{1} << number;
  }
  if (number == 0 || number > kMaxLifetime) return SdesParseError::kBadLifetime;
  *out = {number, powerOfTwo};
  return SdesParseError::kOk;
}

SdesParseError parseMki(std::string_view text, SdesMki* out) {
  const size_t colon = text.find(':');
  uint64_t value = 0;
  uint64_t length = 0;
  if (colon == std::string_view::npos || !parseDecimal(text.substr(0, colon), &value)) {
    return SdesParseError::kBadMki;
  }
  const std::string_view lengthText = text.substr(colon + 1);
  if (lengthText.size() > 3 || !parseDecimal(lengthText, &length)) return SdesParseError::kBadMki;
  if (length < 1 || length > 128) return SdesParseError::kBadMki;
  // The value must fit in `length` octets.
  if (length < 8 && value >> (8 * length) != 0) return SdesParseError::kBadMki;
  *out = {value, static_cast<uint8_t>(length)};
  return SdesParseError::kOk;
}

// key-info = key-salt ["|" lifetime] ["|" mki] (RFC 4568 section 6.1).
SdesParseError parseKeyInfo(std::string_view keyInfo, SdesCryptoAttribute* out) {
  std::vector<std::string_view> fields;
  for (;;) {
    const size_t bar = keyInfo.find('|');
    fields.push_back(keyInfo.substr(0, bar));
    if (bar == std::string_view::npos) break;
    keyInfo.remove_prefix(bar + 1);
  }
  if (fields.size() > 3) return SdesParseError::kBadKeyInfo;

  if (!decodeBase64(fields[0], &out->key.keyAndSalt)) return SdesParseError::kBadBase64;
  if (out->key.keyAndSalt.size() != cryptoSuiteInfo(out->key.suite).keyAndSaltLength()) {
    return SdesParseError::kWrongKeyLength;
  }
  out->lifetime.reset();
  out->mki.reset();
  for (size_t i = 1; i < fields.size(); ++i) {
    // An MKI has a colon, a lifetime has none; the lifetime comes first.
    if (fields[i].find(':') != std::string_view::npos) {
      if (out->mki) return SdesParseError::kBadKeyInfo;
      SdesMki mki;
      if (const SdesParseError e = parseMki(fields[i], &mki); e != SdesParseError::kOk) return e;
      out->mki = mki;
    } else {
      if (out->lifetime || out->mki) return SdesParseError::kBadKeyInfo;
      SdesLifetime lifetime;
      if (const SdesParseError e = parseLifetime(fields[i], &lifetime); e != SdesParseError::kOk) {
        return e;
      }
      out->lifetime = lifetime;
    }
  }
  return SdesParseError::kOk;
}

}  // namespace

const char* sdesParseErrorName(SdesParseError error) {
  switch (error) {
    case SdesParseError::kOk:
      return "ok";
    case SdesParseError::kNotCryptoAttribute:
      return "not-crypto-attribute";
    case SdesParseError::kBadTag:
      return "bad-tag";
    case SdesParseError::kMissingSuite:
      return "missing-suite";
    case SdesParseError::kUnknownSuite:
      return "unknown-suite";
    case SdesParseError::kMissingKeyParams:
      return "missing-key-params";
    case SdesParseError::kNotInline:
      return "not-inline";
    case SdesParseError::kMultipleKeys:
      return "multiple-keys";
    case SdesParseError::kBadBase64:
      return "bad-base64";
    case SdesParseError::kWrongKeyLength:
      return "wrong-key-length";
    case SdesParseError::kBadLifetime:
      return "bad-lifetime";
    case SdesParseError::kBadMki:
      return "bad-mki";
    case SdesParseError::kBadKeyInfo:
      return "bad-key-info";
  }
  return "unknown";
}

SdesParseError parseSdesCryptoAttribute(std::string_view line, SdesCryptoAttribute* out) {
  if (line.substr(0, 2) == "a=") line.remove_prefix(2);
  if (line.substr(0, kAttributePrefix.size() - 2) != kAttributePrefix.substr(2)) {
    return SdesParseError::kNotCryptoAttribute;
  }
  line.remove_prefix(kAttributePrefix.size() - 2);

  // The tag follows the colon directly and ends at whitespace.
  if (line.empty() || isWsp(line[0])) return SdesParseError::kBadTag;
  const std::string_view tag = nextToken(&line);
  uint64_t tagValue = 0;
  if (tag.size() > 9 || !parseDecimal(tag, &tagValue)) return SdesParseError::kBadTag;
  out->tag = static_cast<uint32_t>(tagValue);

  const std::string_view suiteName = nextToken(&line);
  if (suiteName.empty()) return SdesParseError::kMissingSuite;
  const std::optional<CryptoSuite> suite = cryptoSuiteFromName(suiteName);
  if (!suite) return SdesParseError::kUnknownSuite;
  out->key.suite = *suite;

  const std::string_view keyParams = nextToken(&line);
  if (keyParams.empty()) return SdesParseError::kMissingKeyParams;
  if (keyParams.substr(0, kInline.size()) != kInline) return SdesParseError::kNotInline;
  if (keyParams.find(';') != std::string_view::npos) return SdesParseError::kMultipleKeys;
  if (const SdesParseError e = parseKeyInfo(keyParams.substr(kInline.size()), out);
      e != SdesParseError::kOk) {
    return e;
  }

  out->sessionParams.clear();
  for (std::string_view param = nextToken(&line); !param.empty(); param = nextToken(&line)) {
    out->sessionParams.emplace_back(param);
  }
  return SdesParseError::kOk;
}

std::string formatSdesCryptoAttribute(const SdesCryptoAttribute& attribute) {
  std::string line(kAttributePrefix);
  line += std::to_string(attribute.tag);
  line += ' ';
  line += cryptoSuiteName(attribute.key.suite);
  line += ' ';
  line += kInline;
  line += encodeBase64(attribute.key.keyAndSalt.data(), attribute.key.keyAndSalt.size());
  if (attribute.lifetime) {
    line += '|';
    if (attribute.lifetime->powerOfTwo) {
      int exponent = 0;
      while ((uint64_t{1} << exponent) < attribute.lifetime->packets) ++exponent;
      line += "2^" + std::to_string(exponent);
    } else {
      line += std::to_string(attribute.lifetime->packets);
    }
  }
  if (attribute.mki) {
    line += '|';
    line += std::to_string(attribute.mki->value) + ':' + std::to_string(attribute.mki->length);
  }
  for (const std::string& param : attribute.sessionParams) {
    line += ' ';
    line += param;
  }
  return line;
}

bool generateSrtpMasterKey(CryptoSuite suite, SrtpMasterKey* key) {
  std::vector<uint8_t> bytes(cryptoSuiteInfo(suite).keyAndSaltLength());
  size_t filled = 0;
  while (filled < bytes.size()) {
    // Blocks only until the kernel's pool is initialised at boot; requests of
    // at most 256 octets are never cut short by signals once it is.
    const ssize_t n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    filled += static_cast<size_t>(n);
  }
  key->suite = suite;
  key->keyAndSalt = std::move(bytes);
  return true;
}

std::string encodeBase64(const uint8_t* data, size_t size) {
  std::string text;
  text.reserve((size + 2) / 3 * 4);
  for (size_t i = 0; i < size; i += 3) {
    const size_t left = size - i;
    const uint32_t group = (uint32_t{data[i]} << 16) | (left > 1 ? uint32_t{data[i + 1]} << 8 : 0) |
                           (left > 2 ? uint32_t{data[i + 2]} : 0);
    text += kBase64Alphabet[(group >> 18) & 0x3F];
    text += kBase64Alphabet[(group >> 12) & 0x3F];
    text += left > 1 ? kBase64Alphabet[(group >> 6) & 0x3F] : '=';
    text += left > 2 ? kBase64Alphabet[group & 0x3F] : '=';
  }
  return text;
}

bool decodeBase64(std::string_view text, std::vector<uint8_t>* out) {
  out->clear();
  if (text.empty() || text.size() % 4 != 0) return false;
  size_t padding = 0;
  if (text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  out->reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    const size_t digits = last ? 4 - padding : 4;
    uint32_t group = 0;
    for (size_t j = 0; j < 4; ++j) {
      int value = 0;
      if (j < digits) {
        value = base64Value(text[i + j]);
        if (value < 0) return false;  // includes a "=" before the end
      }
      group = (group << 6) | static_cast<uint32_t>(value);
    }
    out->push_back(static_cast<uint8_t>(group >> 16));
    if (digits > 2) out->push_back(static_cast<uint8_t>(group >> 8));
    if (digits > 3) out->push_back(static_cast<uint8_t>(group));
    // Canonical form: the bits the padding drops must be zero.
    if (digits == 2 && (group & 0xFFFF) != 0) return false;
    if (digits == 3 && (group & 0xFF) != 0) return false;
  }
  return true;
}

}  // namespace parley::srtp

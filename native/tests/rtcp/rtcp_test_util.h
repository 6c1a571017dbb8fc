// Helpers shared by the RTCP tests: byte literals built word by word.
#ifndef PARLEY_TESTS_RTCP_RTCP_TEST_UTIL_H
#define PARLEY_TESTS_RTCP_RTCP_TEST_UTIL_H

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace parley::rtcp::test {

using Bytes = std::vector<uint8_t>;

// Concatenates byte lists: cat({header, w32(ssrc)}).
inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// One 32-bit word, big-endian.
inline Bytes w32(uint32_t v) {
  return {static_cast<uint8_t>(v >> 24), static_cast<uint8_t>(v >> 16),
          static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
}

// The common header: V=2, P, count, PT and the length field (words - 1).
inline Bytes header(uint8_t count, uint8_t packetType, uint16_t length, bool padding = false) {
  return {static_cast<uint8_t>(0x80 | (padding ? 0x20 : 0) | count), packetType,
          static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
}

// The octets of a string (no terminator).
inline Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

}  // namespace parley::rtcp::test

#endif  // PARLEY_TESTS_RTCP_RTCP_TEST_UTIL_H

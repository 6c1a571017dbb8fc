// Helpers shared by the RTP tests: byte literals and the testdata folder.
#ifndef PARLEY_TESTS_RTP_RTP_TEST_UTIL_H
#define PARLEY_TESTS_RTP_RTP_TEST_UTIL_H

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley::rtp::test {

using Bytes = std::vector<uint8_t>;

// Concatenates byte lists: cat({0x80, 0x60}, payload).
inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// `count` octets 0, 1, 2, ... (mod 256), offset by `seed`.
inline Bytes ramp(size_t count, uint8_t seed = 0) {
  Bytes out(count);
  for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint8_t>(seed + i);
  return out;
}

// Reads a file of native/tests/rtp/testdata.
inline Bytes readTestdata(const std::string& name) {
  const std::string path = std::string(PARLEY_RTP_TESTDATA_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace parley::rtp::test

#endif  // PARLEY_TESTS_RTP_RTP_TEST_UTIL_H

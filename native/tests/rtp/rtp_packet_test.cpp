#include "rtp/rtp_packet.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;
using test::cat;
using test::ramp;

// Fixed header of a packet: V=2 with the given first-octet flags (P, X, CC),
// M|PT, sequence 0x1234, timestamp 0x01020304, SSRC 0xdeadbeef.
// clang-format off
Bytes fixed(uint8_t flags, uint8_t markerPt = 0x60) {
  return {static_cast<uint8_t>(0x80 | flags), markerPt, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04,
          0xde, 0xad, 0xbe, 0xef};
}
// clang-format on

// ---- Well-formed packets -------------------------------------------------

struct GoodCase {
  std::string name;
  Bytes packet;
  bool marker;
  uint8_t payloadType;
  std::vector<uint32_t> csrcs;
  bool hasExtension;
  uint16_t extensionProfile;
  Bytes extension;
  Bytes payload;
  uint8_t paddingSize;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const GoodCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<GoodCase> goodCases() {
  return {
      {"minimal_with_payload", cat({fixed(0x00), {0xab, 0xcd}}), false, 96, {}, false, 0, {},
       {0xab, 0xcd}, 0},
      {"header_only_empty_payload", fixed(0x00), false, 96, {}, false, 0, {}, {}, 0},
      {"marker_and_payload_type_127", cat({fixed(0x00, 0xff), {0x01}}), true, 127, {}, false, 0,
       {}, {0x01}, 0},
      {"payload_type_0_no_marker", cat({fixed(0x00, 0x00), {0x01}}), false, 0, {}, false, 0, {},
       {0x01}, 0},
      {"two_csrcs",
       cat({fixed(0x02), {0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22}, {0x42}}), false, 96,
       {0x11111111, 0x22222222}, false, 0, {}, {0x42}, 0},
      {"fifteen_csrcs", cat({fixed(0x0f), Bytes(60, 0x07), {0x42, 0x43}}), false, 96,
       std::vector<uint32_t>(15, 0x07070707), false, 0, {}, {0x42, 0x43}, 0},
      {"one_byte_extension",
       cat({fixed(0x10), {0xbe, 0xde, 0x00, 0x01}, {0x10, 0xaa, 0x00, 0x00}, {0x55}}), false, 96,
       {}, true, 0xbede, {0x10, 0xaa, 0x00, 0x00}, {0x55}, 0},
      {"extension_with_empty_body", cat({fixed(0x10), {0x12, 0x34, 0x00, 0x00}, {0x55}}), false,
       96, {}, true, 0x1234, {}, {0x55}, 0},
      {"two_byte_extension_two_words",
       cat({fixed(0x10), {0x10, 0x03, 0x00, 0x02}, {0x01, 0x03, 0x0a, 0x0b, 0x0c, 0x00, 0x00, 0x00},
            {0x66}}),
       false, 96, {}, true, 0x1003, {0x01, 0x03, 0x0a, 0x0b, 0x0c, 0x00, 0x00, 0x00}, {0x66}, 0},
      {"padding_three", cat({fixed(0x20), {0x01, 0x02, 0x03}, {0x00, 0x00, 0x03}}), false, 96, {},
       false, 0, {}, {0x01, 0x02, 0x03}, 3},
      {"padding_count_only", cat({fixed(0x20), {0x01}, {0x01}}), false, 96, {}, false, 0, {},
       {0x01}, 1},
      {"padding_only_packet", cat({fixed(0x20), {0x00, 0x00, 0x00, 0x04}}), false, 96, {}, false,
       0, {}, {}, 4},
      {"padding_bytes_need_not_be_zero", cat({fixed(0x20), {0x09}, {0xff, 0xee, 0x03}}), false,
       96, {}, false, 0, {}, {0x09}, 3},
      {"csrc_extension_padding_marker",
       cat({fixed(0x31, 0xe0), {0xca, 0xfe, 0xba, 0xbe}, {0xbe, 0xde, 0x00, 0x01},
            {0x21, 0x01, 0x02, 0x00}, {0x77, 0x88}, {0x00, 0x02}}),
       true, 96, {0xcafebabe}, true, 0xbede, {0x21, 0x01, 0x02, 0x00}, {0x77, 0x88}, 2},
  };
}
// clang-format on

class RtpPacketParseGoodTest : public ::testing::TestWithParam<GoodCase> {};

TEST_P(RtpPacketParseGoodTest, ParsesEveryField) {
  const GoodCase& c = GetParam();
  RtpPacketView view;
  ASSERT_EQ(parseRtpPacket(c.packet.data(), c.packet.size(), &view), RtpParseError::kOk);
  const RtpHeader& h = view.header;
  EXPECT_EQ(h.marker, c.marker);
  EXPECT_EQ(h.payloadType, c.payloadType);
  EXPECT_EQ(h.sequenceNumber, 0x1234);
  EXPECT_EQ(h.timestamp, 0x01020304u);
  EXPECT_EQ(h.ssrc, 0xdeadbeefu);
  ASSERT_EQ(h.csrcCount, c.csrcs.size());
  for (size_t i = 0; i < c.csrcs.size(); ++i) EXPECT_EQ(h.csrcs[i], c.csrcs[i]) << i;
  EXPECT_EQ(h.hasExtension, c.hasExtension);
  EXPECT_EQ(h.extensionProfile, c.extensionProfile);
  EXPECT_EQ(h.extension.toVector(), c.extension);
  EXPECT_EQ(view.payload.toVector(), c.payload);
  EXPECT_EQ(view.paddingSize, c.paddingSize);
  EXPECT_EQ(view.headerSize, h.size());
  EXPECT_EQ(view.headerSize + view.payload.size() + view.paddingSize, c.packet.size());
}

// Writing the parsed header and payload back gives the same octets (padding
// content aside: the writer pads with zeros).
TEST_P(RtpPacketParseGoodTest, WritesBackTheSameOctets) {
  const GoodCase& c = GetParam();
  RtpPacketView view;
  ASSERT_EQ(parseRtpPacket(c.packet, &view), RtpParseError::kOk);
  Bytes written;
  ASSERT_EQ(writeRtpPacket(view.header, view.payload, view.paddingSize, &written),
            RtpWriteError::kOk);
  ASSERT_EQ(written.size(), c.packet.size());
  const size_t unpadded = c.packet.size() - c.paddingSize;
  EXPECT_EQ(Bytes(written.begin(), written.begin() + unpadded),
            Bytes(c.packet.begin(), c.packet.begin() + unpadded));
  EXPECT_EQ(written.back(), c.packet.back());
}

INSTANTIATE_TEST_SUITE_P(Table, RtpPacketParseGoodTest, ::testing::ValuesIn(goodCases()),
                         [](const auto& info) { return info.param.name; });

// ---- Malformed packets ---------------------------------------------------

struct BadCase {
  std::string name;
  Bytes packet;
  RtpParseError error;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<BadCase> badCases() {
  return {
      {"empty", {}, RtpParseError::kTooShort},
      {"one_octet", {0x80}, RtpParseError::kTooShort},
      {"eleven_octets", {0x80, 0x60, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, 0xde, 0xad, 0xbe},
       RtpParseError::kTooShort},
      {"version_0", cat({{0x00, 0x60}, Bytes(10, 0)}), RtpParseError::kBadVersion},
      {"version_1", cat({{0x40, 0x60}, Bytes(10, 0)}), RtpParseError::kBadVersion},
      {"version_3", cat({{0xc0, 0x60}, Bytes(10, 0)}), RtpParseError::kBadVersion},
      {"stun_binding_request", cat({{0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42}, Bytes(12)}),
       RtpParseError::kBadVersion},
      {"one_csrc_missing", fixed(0x01), RtpParseError::kCsrcBeyondEnd},
      {"csrc_cut_short", cat({fixed(0x01), {0x01, 0x02, 0x03}}), RtpParseError::kCsrcBeyondEnd},
      {"fifteen_csrcs_fourteen_present", cat({fixed(0x0f), Bytes(56, 0x07)}),
       RtpParseError::kCsrcBeyondEnd},
      {"extension_header_missing", fixed(0x10), RtpParseError::kExtensionHeaderBeyondEnd},
      {"extension_header_cut", cat({fixed(0x10), {0xbe, 0xde, 0x00}}),
       RtpParseError::kExtensionHeaderBeyondEnd},
      {"extension_header_after_csrc_missing", cat({fixed(0x11), {1, 2, 3, 4}, {0xbe, 0xde}}),
       RtpParseError::kExtensionHeaderBeyondEnd},
      {"extension_body_cut", cat({fixed(0x10), {0xbe, 0xde, 0x00, 0x02}, {0x10, 0xaa, 0, 0}}),
       RtpParseError::kExtensionBeyondEnd},
      {"extension_length_ffff", cat({fixed(0x10), {0xbe, 0xde, 0xff, 0xff}, Bytes(64)}),
       RtpParseError::kExtensionBeyondEnd},
      {"padding_count_zero", cat({fixed(0x20), {0x01, 0x02, 0x00}}),
       RtpParseError::kZeroPaddingCount},
      {"padding_beyond_payload", cat({fixed(0x20), {0x01, 0x02, 0x04}}),
       RtpParseError::kPaddingBeyondPayload},
      {"padding_bit_on_bare_header", fixed(0x20), RtpParseError::kPaddingBeyondPayload},
      {"padding_into_csrc", cat({fixed(0x21), {1, 2, 3, 4}, {0x00, 0x03}}),
       RtpParseError::kPaddingBeyondPayload},
      {"padding_into_extension",
       cat({fixed(0x30), {0xbe, 0xde, 0x00, 0x01}, {0x10, 0xaa, 0, 0}, {0x06}}),
       RtpParseError::kPaddingBeyondPayload},
      {"padding_255_in_short_packet", cat({fixed(0x20), Bytes(10), {0xff}}),
       RtpParseError::kPaddingBeyondPayload},
  };
}
// clang-format on

class RtpPacketParseBadTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(RtpPacketParseBadTest, RejectsWithTheRightError) {
  const BadCase& c = GetParam();
  RtpPacketView view;
  EXPECT_EQ(parseRtpPacket(c.packet.data(), c.packet.size(), &view), c.error)
      << "expected " << rtpParseErrorName(c.error);
}

INSTANTIATE_TEST_SUITE_P(Table, RtpPacketParseBadTest, ::testing::ValuesIn(badCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtpPacketTest, NullBufferIsTooShort) {
  RtpPacketView view;
  EXPECT_EQ(parseRtpPacket(nullptr, 0, &view), RtpParseError::kTooShort);
}

TEST(RtpPacketTest, EveryErrorHasADistinctName) {
  std::vector<std::string> names;
  for (int e = 0; e <= static_cast<int>(RtpParseError::kPaddingBeyondPayload); ++e) {
    names.push_back(rtpParseErrorName(static_cast<RtpParseError>(e)));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = i + 1; j < names.size(); ++j) EXPECT_NE(names[i], names[j]);
  }
}

// Every prefix of a packet with CSRCs and an extension either fails with an
// error or parses with the payload truncated; nothing is read past the end
// (the sanitizer build checks the reads).
TEST(RtpPacketTest, EveryPrefixOfAPacketIsHandled) {
  const Bytes packet = cat({fixed(0x12),
                            {1, 2, 3, 4, 5, 6, 7, 8},
                            {0xbe, 0xde, 0x00, 0x01},
                            {0x10, 0xaa, 0x00, 0x00},
                            ramp(20)});
  const size_t headerSize = 12 + 8 + 4 + 4;
  for (size_t n = 0; n <= packet.size(); ++n) {
    const Bytes prefix(packet.begin(), packet.begin() + n);
    RtpPacketView view;
    const RtpParseError error = parseRtpPacket(prefix.data(), prefix.size(), &view);
    if (n < headerSize) {
      EXPECT_NE(error, RtpParseError::kOk) << n;
    } else {
      ASSERT_EQ(error, RtpParseError::kOk) << n;
      EXPECT_EQ(view.payload.size(), n - headerSize);
    }
  }
}

}  // namespace
}  // namespace parley::rtp

#include "rtp/vp8_payload_descriptor.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;
using test::cat;

// A descriptor built field by field, for the expectations below.
// clang-format off
struct D {
  Vp8PayloadDescriptor d;
  D& n() { d.nonReference = true; return *this; }
  D& s() { d.startOfPartition = true; return *this; }
  D& pid(uint8_t v) { d.partitionIndex = v; return *this; }
  D& picture(uint16_t v, bool m) {
    d.hasPictureId = true; d.longPictureId = m; d.pictureId = v; return *this;
  }
  D& picture7(uint16_t v) { return picture(v, false); }
  D& picture15(uint16_t v) { return picture(v, true); }
  D& tl0(uint8_t v) { d.hasTl0PicIdx = true; d.tl0PicIdx = v; return *this; }
  D& tid(uint8_t v, bool y) { d.hasTid = true; d.tid = v; d.layerSync = y; return *this; }
  D& key(uint8_t v) { d.hasKeyIdx = true; d.keyIdx = v; return *this; }
};
// clang-format on

struct DescriptorCase {
  std::string name;
  Bytes descriptor;  // followed in the payload by two VP8 octets
  Vp8PayloadDescriptor expected;
  // Whether writing `expected` gives `descriptor` back (not when the input
  // has reserved bits set or an X octet without fields).
  bool canonical;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const DescriptorCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<DescriptorCase> descriptorCases() {
  return {
      // RFC 7741 section 4.6 examples.
      {"rfc7741_keyframe_single_packet_picture_id_17", {0x90, 0x80, 0x11},
       D().s().picture7(17).d, true},
      {"rfc7741_interframe_single_packet_no_picture_id", {0x10}, D().s().d, true},
      {"rfc7741_first_partition_packet_long_picture_id_4711", {0x90, 0x80, 0x92, 0x67},
       D().s().picture15(4711).d, true},
      {"rfc7741_second_partition_start", {0x91, 0x80, 0x92, 0x67},
       D().s().pid(1).picture15(4711).d, true},
      {"rfc7741_second_partition_continuation", {0x81, 0x80, 0x92, 0x67},
       D().pid(1).picture15(4711).d, true},
      // Field combinations.
      {"minimal_continuation", {0x00}, D().d, true},
      {"non_reference_partition_7", {0x27}, D().n().pid(7).d, true},
      {"picture_id_7bit_max", {0x90, 0x80, 0x7f}, D().s().picture7(127).d, true},
      {"picture_id_15bit_zero", {0x90, 0x80, 0x80, 0x00}, D().s().picture15(0).d, true},
      {"picture_id_15bit_max", {0x90, 0x80, 0xff, 0xff}, D().s().picture15(0x7fff).d, true},
      {"tl0picidx_only", {0x90, 0x40, 0xab}, D().s().tl0(0xab).d, true},
      {"tid_with_layer_sync", {0x90, 0x20, 0x60}, D().s().tid(1, true).d, true},
      {"tid_3_no_sync", {0x90, 0x20, 0xc0}, D().s().tid(3, false).d, true},
      {"keyidx_only", {0x90, 0x10, 0x1f}, D().s().key(31).d, true},
      {"tid_and_keyidx_share_an_octet", {0x90, 0x30, 0xe5}, D().s().tid(3, true).key(5).d, true},
      {"all_fields", {0xb0, 0xf0, 0x81, 0x00, 0x07, 0x45},
       D().n().s().picture15(256).tl0(7).tid(1, false).key(5).d, true},
      {"all_fields_short_picture_id", {0x80, 0xf0, 0x05, 0xff, 0x3f},
       D().picture7(5).tl0(0xff).tid(0, true).key(31).d, true},
      {"keyidx_ignores_tid_bits_when_t_is_0", {0x90, 0x10, 0xff}, D().s().key(31).d, false},
      {"reserved_bits_ignored", {0xd8, 0x8f, 0x05}, D().s().picture7(5).d, false},
      {"x_octet_without_fields", {0x90, 0x00}, D().s().d, false},
  };
}
// clang-format on

class Vp8PayloadDescriptorTableTest : public ::testing::TestWithParam<DescriptorCase> {};

TEST_P(Vp8PayloadDescriptorTableTest, Parses) {
  const DescriptorCase& c = GetParam();
  const Bytes payload = cat({c.descriptor, {0xaa, 0xbb}});
  Vp8PayloadDescriptor parsed;
  size_t size = 0;
  ASSERT_EQ(parseVp8PayloadDescriptor(payload, &parsed, &size), Vp8ParseError::kOk);
  EXPECT_EQ(size, c.descriptor.size());
  EXPECT_EQ(parsed, c.expected);
  EXPECT_EQ(parsed.startsFrame(), c.expected.startOfPartition && c.expected.partitionIndex == 0);
}

TEST_P(Vp8PayloadDescriptorTableTest, WritesAndReparses) {
  const DescriptorCase& c = GetParam();
  uint8_t out[8] = {};
  const size_t size = writeVp8PayloadDescriptor(c.expected, out, sizeof(out));
  ASSERT_EQ(size, vp8PayloadDescriptorSize(c.expected));
  if (c.canonical) {
    EXPECT_EQ(Bytes(out, out + size), c.descriptor);
  }
  out[size] = 0xaa;  // one VP8 octet
  Vp8PayloadDescriptor reparsed;
  size_t reparsedSize = 0;
  ASSERT_EQ(parseVp8PayloadDescriptor(ByteView(out, size + 1), &reparsed, &reparsedSize),
            Vp8ParseError::kOk);
  EXPECT_EQ(reparsedSize, size);
  EXPECT_EQ(reparsed, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, Vp8PayloadDescriptorTableTest,
                         ::testing::ValuesIn(descriptorCases()),
                         [](const auto& info) { return info.param.name; });

struct BadDescriptorCase {
  std::string name;
  Bytes payload;
  Vp8ParseError error;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const BadDescriptorCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<BadDescriptorCase> badDescriptorCases() {
  return {
      {"empty", {}, Vp8ParseError::kEmpty},
      {"x_octet_missing", {0x80}, Vp8ParseError::kTruncatedExtension},
      {"picture_id_missing", {0x90, 0x80}, Vp8ParseError::kTruncatedPictureId},
      {"long_picture_id_second_octet_missing", {0x90, 0x80, 0x80},
       Vp8ParseError::kTruncatedPictureId},
      {"tl0picidx_missing", {0x90, 0x40}, Vp8ParseError::kTruncatedTl0PicIdx},
      {"tl0picidx_missing_after_picture_id", {0x90, 0xc0, 0x81, 0x00},
       Vp8ParseError::kTruncatedTl0PicIdx},
      {"tid_octet_missing", {0x90, 0x20}, Vp8ParseError::kTruncatedTidKeyIdx},
      {"keyidx_octet_missing", {0x90, 0x10}, Vp8ParseError::kTruncatedTidKeyIdx},
      {"descriptor_only_minimal", {0x10}, Vp8ParseError::kNoVp8Payload},
      {"descriptor_only_extended", {0x90, 0xf0, 0x81, 0x00, 0x07, 0x45},
       Vp8ParseError::kNoVp8Payload},
  };
}
// clang-format on

class Vp8PayloadDescriptorBadTest : public ::testing::TestWithParam<BadDescriptorCase> {};

TEST_P(Vp8PayloadDescriptorBadTest, Rejects) {
  const BadDescriptorCase& c = GetParam();
  Vp8PayloadDescriptor parsed;
  size_t size = 0;
  EXPECT_EQ(parseVp8PayloadDescriptor(c.payload, &parsed, &size), c.error)
      << "expected " << vp8ParseErrorName(c.error);
}

INSTANTIATE_TEST_SUITE_P(Table, Vp8PayloadDescriptorBadTest,
                         ::testing::ValuesIn(badDescriptorCases()),
                         [](const auto& info) { return info.param.name; });

TEST(Vp8PayloadDescriptorTest, WriterNeedsRoom) {
  const Vp8PayloadDescriptor d = D().s().picture15(300).tl0(1).d;
  uint8_t out[8];
  EXPECT_EQ(vp8PayloadDescriptorSize(d), 5u);
  EXPECT_EQ(writeVp8PayloadDescriptor(d, out, 4), 0u);
  EXPECT_EQ(writeVp8PayloadDescriptor(d, nullptr, 8), 0u);
  EXPECT_EQ(writeVp8PayloadDescriptor(d, out, 5), 5u);
}

TEST(Vp8PayloadDescriptorTest, WriterMasksOversizedValues) {
  Vp8PayloadDescriptor d = D().picture15(0xffff).d;
  d.partitionIndex = 0xff;
  uint8_t out[8];
  ASSERT_EQ(writeVp8PayloadDescriptor(d, out, sizeof(out)), 4u);
  EXPECT_EQ(Bytes(out, out + 4), (Bytes{0x87, 0x80, 0xff, 0xff}));
}

// ---- VP8 payload header (section 4.3) -----------------------------------

struct HeaderCase {
  std::string name;
  Bytes vp8;
  Vp8ParseError error;
  Vp8PayloadHeader expected;  // checked when error is kOk
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const HeaderCase& c, std::ostream* os) { *os << c.name; }

Vp8PayloadHeader header(bool key, uint8_t version, bool show, uint32_t partition, int w = 0,
                        int h = 0, uint8_t hs = 0, uint8_t vs = 0) {
  Vp8PayloadHeader out;
  out.keyframe = key;
  out.version = version;
  out.showFrame = show;
  out.firstPartitionSize = partition;
  out.width = w;
  out.height = h;
  out.horizontalScale = hs;
  out.verticalScale = vs;
  return out;
}

// clang-format off
std::vector<HeaderCase> headerCases() {
  return {
      // The tag and header of testdata/vp8_keyframe_176x144.bin.
      {"libvpx_keyframe_176x144",
       {0x10, 0x7f, 0x00, 0x9d, 0x01, 0x2a, 0xb0, 0x00, 0x90, 0x00, 0x39},
       Vp8ParseError::kOk, header(true, 0, true, 1016, 176, 144)},
      {"libvpx_interframe", {0x31, 0x3a, 0x00, 0xe3}, Vp8ParseError::kOk,
       header(false, 0, true, 465)},
      {"interframe_three_octets", {0x01, 0x00, 0x00}, Vp8ParseError::kOk,
       header(false, 0, false, 0)},
      {"keyframe_scaled_1280x720", {0x50, 0x2c, 0x01, 0x9d, 0x01, 0x2a, 0x00, 0x45, 0xd0, 0x82},
       Vp8ParseError::kOk, header(true, 0, true, 2402, 1280, 720, 1, 2)},
      {"max_partition_size_and_version", {0xff, 0xff, 0xff}, Vp8ParseError::kOk,
       header(false, 7, true, 0x7ffff)},
      {"keyframe_version_3_hidden", {0x06, 0x00, 0x00, 0x9d, 0x01, 0x2a, 0x10, 0x00, 0x10, 0x00},
       Vp8ParseError::kOk, header(true, 3, false, 0, 16, 16)},
      {"empty", {}, Vp8ParseError::kTruncatedPayloadHeader, {}},
      {"two_octets", {0x31, 0x3a}, Vp8ParseError::kTruncatedPayloadHeader, {}},
      {"keyframe_nine_octets", {0x10, 0x7f, 0x00, 0x9d, 0x01, 0x2a, 0xb0, 0x00, 0x90},
       Vp8ParseError::kTruncatedKeyframeHeader, {}},
      {"keyframe_bad_start_code", {0x10, 0x7f, 0x00, 0x9d, 0x01, 0x2b, 0xb0, 0x00, 0x90, 0x00},
       Vp8ParseError::kBadStartCode, {}},
  };
}
// clang-format on

class Vp8PayloadHeaderTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(Vp8PayloadHeaderTest, Parses) {
  const HeaderCase& c = GetParam();
  Vp8PayloadHeader parsed;
  ASSERT_EQ(parseVp8PayloadHeader(c.vp8, &parsed), c.error)
      << "expected " << vp8ParseErrorName(c.error);
  if (c.error != Vp8ParseError::kOk) return;
  EXPECT_EQ(parsed.keyframe, c.expected.keyframe);
  EXPECT_EQ(parsed.version, c.expected.version);
  EXPECT_EQ(parsed.showFrame, c.expected.showFrame);
  EXPECT_EQ(parsed.firstPartitionSize, c.expected.firstPartitionSize);
  EXPECT_EQ(parsed.width, c.expected.width);
  EXPECT_EQ(parsed.height, c.expected.height);
  EXPECT_EQ(parsed.horizontalScale, c.expected.horizontalScale);
  EXPECT_EQ(parsed.verticalScale, c.expected.verticalScale);
}

INSTANTIATE_TEST_SUITE_P(Table, Vp8PayloadHeaderTest, ::testing::ValuesIn(headerCases()),
                         [](const auto& info) { return info.param.name; });

TEST(Vp8PayloadHeaderFixtureTest, ReadsTheLibvpxKeyframe) {
  Vp8PayloadHeader parsed;
  ASSERT_EQ(parseVp8PayloadHeader(test::readTestdata("vp8_keyframe_176x144.bin"), &parsed),
            Vp8ParseError::kOk);
  EXPECT_TRUE(parsed.keyframe);
  EXPECT_EQ(parsed.width, 176);
  EXPECT_EQ(parsed.height, 144);
  ASSERT_EQ(parseVp8PayloadHeader(test::readTestdata("vp8_interframe_176x144.bin"), &parsed),
            Vp8ParseError::kOk);
  EXPECT_FALSE(parsed.keyframe);
  EXPECT_EQ(parsed.width, 0);
}

}  // namespace
}  // namespace parley::rtp

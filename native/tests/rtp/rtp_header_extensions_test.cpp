#include "rtp/rtp_header_extensions.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;

struct Element {
  uint8_t id;
  Bytes data;
  bool operator==(const Element& o) const { return id == o.id && data == o.data; }
};

std::ostream& operator<<(std::ostream& os, const Element& e) {
  return os << "{id " << int{e.id} << ", " << e.data.size() << " octets}";
}

struct ReadCase {
  std::string name;
  uint16_t profile;
  Bytes body;
  std::vector<Element> elements;
  HeaderExtensionError error;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const ReadCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<ReadCase> readCases() {
  return {
      // RFC 8285 section 4.2's figure: ID L=0 (1 octet), ID L=1 (2 octets),
      // two padding octets, ID L=3 (4 octets).
      {"one_byte_rfc8285_figure", 0xbede,
       {0x10, 0xaa, 0x21, 0xbb, 0xcc, 0x00, 0x00, 0x33, 0x01, 0x02, 0x03, 0x04},
       {{1, {0xaa}}, {2, {0xbb, 0xcc}}, {3, {0x01, 0x02, 0x03, 0x04}}},
       HeaderExtensionError::kOk},
      {"one_byte_sixteen_octets", 0xbede, test::cat({{0xef}, test::ramp(16)}),
       {{14, test::ramp(16)}}, HeaderExtensionError::kOk},
      {"one_byte_id15_stops_processing", 0xbede, {0x10, 0xaa, 0xf3, 0x20, 0xbb, 0x00},
       {{1, {0xaa}}}, HeaderExtensionError::kOk},
      {"one_byte_id0_with_length_is_padding", 0xbede, {0x05, 0x10, 0xaa, 0x00},
       {{1, {0xaa}}}, HeaderExtensionError::kOk},
      {"one_byte_all_padding", 0xbede, {0x00, 0x00, 0x00, 0x00}, {}, HeaderExtensionError::kOk},
      {"one_byte_element_beyond_end", 0xbede, {0x10, 0xaa, 0x23, 0xbb, 0xcc, 0xdd},
       {{1, {0xaa}}}, HeaderExtensionError::kElementBeyondEnd},
      // RFC 8285 section 4.3's figure: ID L=0, ID L=1, padding, ID L=4.
      {"two_byte_rfc8285_figure", 0x1000,
       {0x01, 0x00, 0x02, 0x01, 0xaa, 0x00, 0x03, 0x04, 0x01, 0x02, 0x03, 0x04},
       {{1, {}}, {2, {0xaa}}, {3, {0x01, 0x02, 0x03, 0x04}}}, HeaderExtensionError::kOk},
      {"two_byte_appbits_and_id_255", 0x100f, {0xff, 0x02, 0x12, 0x34}, {{255, {0x12, 0x34}}},
       HeaderExtensionError::kOk},
      {"two_byte_id15_is_ordinary", 0x1000, {0x0f, 0x01, 0x77, 0x00}, {{15, {0x77}}},
       HeaderExtensionError::kOk},
      {"two_byte_length_octet_missing", 0x1000, {0x01, 0x01, 0xaa, 0x00, 0x00, 0x00, 0x00, 0x07},
       {{1, {0xaa}}}, HeaderExtensionError::kElementBeyondEnd},
      {"two_byte_data_beyond_end", 0x1000, {0x01, 0x05, 0xaa, 0xbb}, {},
       HeaderExtensionError::kElementBeyondEnd},
      {"other_profile", 0x1234, {0x10, 0xaa, 0x00, 0x00}, {}, HeaderExtensionError::kNotRfc8285},
      {"empty_body", 0xbede, {}, {}, HeaderExtensionError::kOk},
  };
}
// clang-format on

class RtpHeaderExtensionsReadTest : public ::testing::TestWithParam<ReadCase> {};

TEST_P(RtpHeaderExtensionsReadTest, ReadsTheElements) {
  const ReadCase& c = GetParam();
  HeaderExtensionReader reader(c.profile, c.body);
  std::vector<Element> elements;
  HeaderExtensionElement element;
  while (reader.next(&element)) elements.push_back({element.id, element.data.toVector()});
  EXPECT_EQ(elements, c.elements);
  EXPECT_EQ(reader.error(), c.error);
  EXPECT_FALSE(reader.next(&element)) << "stays at the end";
}

INSTANTIATE_TEST_SUITE_P(Table, RtpHeaderExtensionsReadTest, ::testing::ValuesIn(readCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtpHeaderExtensionsTest, FormatFromProfile) {
  EXPECT_EQ(headerExtensionFormat(0xbede), HeaderExtensionFormat::kOneByte);
  EXPECT_EQ(headerExtensionFormat(0x1000), HeaderExtensionFormat::kTwoByte);
  EXPECT_EQ(headerExtensionFormat(0x100a), HeaderExtensionFormat::kTwoByte);
  EXPECT_EQ(headerExtensionFormat(0x1010), std::nullopt);
  EXPECT_EQ(headerExtensionFormat(0x0000), std::nullopt);
}

TEST(RtpHeaderExtensionsTest, OneByteBuilderEnforcesTheFormat) {
  HeaderExtensionBuilder builder(HeaderExtensionFormat::kOneByte);
  EXPECT_TRUE(builder.empty());
  EXPECT_FALSE(builder.add(0, Bytes{1})) << "ID 0 is padding";
  EXPECT_FALSE(builder.add(15, Bytes{1})) << "ID 15 is reserved";
  EXPECT_FALSE(builder.add(1, Bytes{})) << "at least one octet";
  EXPECT_FALSE(builder.add(1, test::ramp(17))) << "at most sixteen octets";
  EXPECT_TRUE(builder.empty());
  ASSERT_TRUE(builder.add(1, Bytes{0xaa}));
  EXPECT_EQ(builder.body().toVector(), (Bytes{0x10, 0xaa, 0x00, 0x00}));
  ASSERT_TRUE(builder.add(14, test::ramp(16)));
  EXPECT_EQ(builder.body().size(), 20u);
  EXPECT_EQ(builder.body()[2], 0xef) << "second element follows the first, padding removed";
  EXPECT_EQ(builder.profile(), 0xbede);
}

TEST(RtpHeaderExtensionsTest, TwoByteBuilderEnforcesTheFormat) {
  HeaderExtensionBuilder builder(HeaderExtensionFormat::kTwoByte, 0x3);
  EXPECT_FALSE(builder.add(0, Bytes{1}));
  EXPECT_FALSE(builder.add(1, test::ramp(256)));
  ASSERT_TRUE(builder.add(1, Bytes{}));
  ASSERT_TRUE(builder.add(255, test::ramp(255)));
  EXPECT_EQ(builder.profile(), 0x1003);
  EXPECT_EQ(builder.body().size() % 4, 0u);
  HeaderExtensionReader reader(builder.profile(), builder.body());
  HeaderExtensionElement element;
  ASSERT_TRUE(reader.next(&element));
  EXPECT_EQ(element.id, 1);
  EXPECT_TRUE(element.data.empty());
  ASSERT_TRUE(reader.next(&element));
  EXPECT_EQ(element.id, 255);
  EXPECT_EQ(element.data.toVector(), test::ramp(255));
  EXPECT_FALSE(reader.next(&element));
  EXPECT_EQ(reader.error(), HeaderExtensionError::kOk);
}

TEST(RtpHeaderExtensionsTest, ApplyToSetsTheHeader) {
  HeaderExtensionBuilder builder(HeaderExtensionFormat::kOneByte);
  RtpHeader header;
  builder.applyTo(&header);
  EXPECT_FALSE(header.hasExtension);
  builder.add(4, Bytes{1, 2});
  builder.applyTo(&header);
  EXPECT_TRUE(header.hasExtension);
  EXPECT_EQ(header.extensionProfile, 0xbede);
  EXPECT_EQ(header.extension.data(), builder.body().data());
  EXPECT_EQ(findHeaderExtension(header, 4)->toVector(), (Bytes{1, 2}));
  EXPECT_FALSE(findHeaderExtension(header, 5).has_value());
  builder.clear();
  builder.applyTo(&header);
  EXPECT_FALSE(header.hasExtension);
  EXPECT_FALSE(findHeaderExtension(header, 4).has_value());
}

}  // namespace
}  // namespace parley::rtp

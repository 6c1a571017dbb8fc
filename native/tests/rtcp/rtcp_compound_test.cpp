// Compound RTCP packets (RFC 3550 section 6.1, appendix A.2) and
// reduced-size RTCP (RFC 5506): parsing with skipped types, the rules on the
// first packet and on padding, and building.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtcp/rtcp_packets.h"
#include "rtcp_test_util.h"

namespace parley::rtcp {
namespace {

using test::Bytes;
using test::cat;
using test::header;
using test::text;
using test::w32;

const Bytes kRr = cat({header(0, 201, 1), w32(0x1111)});
const Bytes kSr = cat({header(0, 200, 6), w32(0x2222), w32(0xE0000000), w32(0x40000000), w32(3000),
                       w32(10), w32(12000)});
const Bytes kSdes = cat({header(1, 202, 3), w32(0x1111), {1, 3}, text("bob"), {0, 0, 0}});
const Bytes kApp = cat({header(3, 204, 3), w32(0x1111), text("TEST"), w32(0x12345678)});
const Bytes kXr = cat({header(0, 207, 1), w32(0x1111)});
const Bytes kTwcc = cat({header(15, 205, 3), w32(0x1111), w32(0x3333), w32(0)});
const Bytes kPli = cat({header(1, 206, 2), w32(0x1111), w32(0x3333)});
const Bytes kNack = cat({header(1, 205, 3), w32(0x1111), w32(0x3333), w32(0x00640001)});
const Bytes kBye = cat({header(1, 203, 1), w32(0x1111)});
const Bytes kPaddedRr = cat({header(0, 201, 2, true), w32(0x1111), {0, 0, 0, 4}});

// What a parsed compound holds, one letter per packet: S(R), R(R), D (SDES),
// B(YE), N(ACK), P(LI), M (REMB).
std::string shape(const RtcpCompound& compound) {
  std::string s;
  for (const RtcpPacket& p : compound.packets) s += "SRDBNPM"[p.index()];
  return s;
}

struct CompoundCase {
  std::string name;
  Bytes bytes;
  RtcpParseError error;
  std::string shape;  // when kOk
  size_t skipped;     // when kOk
};

void PrintTo(const CompoundCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<CompoundCase> compoundCases() {
  using E = RtcpParseError;
  return {
      {"rr_alone", kRr, E::kOk, "R", 0},
      {"sr_sdes", cat({kSr, kSdes}), E::kOk, "SD", 0},
      {"rr_sdes_bye", cat({kRr, kSdes, kBye}), E::kOk, "RDB", 0},
      {"app_in_the_middle_skipped", cat({kSr, kApp, kSdes}), E::kOk, "SD", 1},
      {"xr_and_twcc_skipped", cat({kRr, kXr, kSdes, kTwcc, kPli}), E::kOk, "RDP", 2},
      {"unassigned_type_skipped", cat({kRr, header(0, 210, 0), kSdes}), E::kOk, "RD", 1},
      {"sr_with_feedback", cat({kSr, kSdes, kNack, kPli}), E::kOk, "SDNP", 0},
      {"padding_on_last", cat({kRr, kPaddedRr}), E::kOk, "RR", 0},
      {"reduced_size_pli", kPli, E::kOk, "P", 0},
      {"reduced_size_nack_pli", cat({kNack, kPli}), E::kOk, "NP", 0},
      {"reduced_size_unknown_feedback", kTwcc, E::kOk, "", 1},
      {"empty", {}, E::kEmptyCompound, "", 0},
      {"starts_with_sdes", cat({kSdes, kRr}), E::kFirstNotReport, "", 0},
      {"starts_with_bye", kBye, E::kFirstNotReport, "", 0},
      {"reduced_size_with_app", cat({kPli, kApp}), E::kFirstNotReport, "", 0},
      {"padding_not_last", cat({kPaddedRr, kSdes}), E::kPaddingNotLast, "", 0},
      {"second_packet_truncated", cat({kRr, Bytes(kSdes.begin(), kSdes.end() - 4)}),
       E::kLengthBeyondEnd, "", 0},
      {"trailing_octets_after_last", cat({kRr, {0x80, 201}}), E::kTooShort, "", 0},
      {"bad_version_in_second", cat({kRr, {0x40, 202, 0, 0}}), E::kBadVersion, "", 0},
      {"malformed_known_packet_in_middle", cat({kRr, header(1, 206, 3), w32(1), w32(2), w32(3), kSdes}),
       E::kPliWithFci, "", 0},
  };
}
// clang-format on

class RtcpCompoundTableTest : public ::testing::TestWithParam<CompoundCase> {};

TEST_P(RtcpCompoundTableTest, Parses) {
  const CompoundCase& c = GetParam();
  RtcpCompound compound;
  const RtcpParseError error = parseRtcpCompound(c.bytes, &compound);
  ASSERT_EQ(error, c.error) << rtcpParseErrorName(error);
  if (error != RtcpParseError::kOk) return;
  EXPECT_EQ(shape(compound), c.shape);
  EXPECT_EQ(compound.skipped, c.skipped);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpCompoundTableTest, ::testing::ValuesIn(compoundCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtcpCompoundTest, UnknownTypeInTheMiddleKeepsTheFieldsAround) {
  RtcpCompound compound;
  ASSERT_EQ(parseRtcpCompound(cat({kSr, kApp, kSdes, kPli}), &compound), RtcpParseError::kOk);
  ASSERT_EQ(shape(compound), "SDP");
  EXPECT_EQ(compound.skipped, 1u);
  const auto& sr = std::get<SenderReport>(compound.packets[0]);
  EXPECT_EQ(sr.senderSsrc, 0x2222u);
  EXPECT_EQ(sr.ntpTimestamp, 0xE0000000'40000000ull);
  EXPECT_EQ(sr.rtpTimestamp, 3000u);
  EXPECT_EQ(sr.packetCount, 10u);
  EXPECT_EQ(sr.octetCount, 12000u);
  EXPECT_EQ(std::get<Sdes>(compound.packets[1]).chunks.at(0).cname, "bob");
  EXPECT_EQ(std::get<Pli>(compound.packets[2]).mediaSsrc, 0x3333u);
}

TEST(RtcpCompoundTest, BuildsAndReparses) {
  SenderReport sr;
  sr.senderSsrc = 0xAAAA;
  sr.ntpTimestamp = 0xE1000000'00010000ull;
  sr.rtpTimestamp = 123456;
  sr.packetCount = 50;
  sr.octetCount = 60000;
  sr.reportBlocks.push_back({0xBBBB, 25, -3, 70000, 42, 0x12345678, 65536});
  const std::vector<RtcpPacket> packets = {
      sr,
      Sdes{{{0xAAAA, "parley@host"}}},
      Nack{0xAAAA, 0xBBBB, buildNackItems({65534, 65535, 0, 3})},
      Pli{0xAAAA, 0xBBBB},
      Remb{0xAAAA, 2500000, {0xBBBB, 0xCCCC}},
      Bye{{0xAAAA}, "hang up"},
  };
  Bytes written;
  ASSERT_EQ(writeRtcpCompound(packets, &written), RtcpWriteError::kOk);
  EXPECT_TRUE(isRtcp(written.data(), written.size()));
  RtcpCompound parsed;
  ASSERT_EQ(parseRtcpCompound(written, &parsed), RtcpParseError::kOk);
  EXPECT_EQ(parsed.skipped, 0u);
  // REMB rounds 2,500,000 down to 18 significant bits: 2^4 * 156250 is exact.
  EXPECT_EQ(parsed.packets, packets);
}

TEST(RtcpCompoundTest, RefusesToBuildWithoutReportFirst) {
  Bytes written = {1};
  EXPECT_EQ(writeRtcpCompound({Pli{1, 2}}, &written), RtcpWriteError::kFirstNotReport);
  EXPECT_TRUE(written.empty());
  EXPECT_EQ(writeRtcpCompound({}, &written), RtcpWriteError::kEmptyCompound);
  EXPECT_EQ(writeRtcpCompound({ReceiverReport{}, Nack{1, 2, {}}}, &written),
            RtcpWriteError::kEmptyNack);
  EXPECT_TRUE(written.empty());
}

TEST(RtcpCompoundTest, ReducedSizeFeedbackRoundTrips) {
  const std::vector<RtcpPacket> packets = {Pli{1, 2}, Nack{1, 2, {{10, 0x0003}}}};
  Bytes written;
  ASSERT_EQ(writeReducedSizeRtcp(packets, &written), RtcpWriteError::kOk);
  EXPECT_EQ(written, cat({header(1, 206, 2), w32(1), w32(2), header(1, 205, 3), w32(1), w32(2),
                          w32(0x000A0003)}));
  RtcpCompound parsed;
  ASSERT_EQ(parseRtcpCompound(written, &parsed), RtcpParseError::kOk);
  EXPECT_EQ(parsed.packets, packets);
}

}  // namespace
}  // namespace parley::rtcp

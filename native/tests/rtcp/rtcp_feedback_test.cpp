// RFC 4585 generic NACK FCI packing and unpacking, and the REMB bitrate's
// exponent/mantissa encoding (draft-alvestrand-rmcat-remb section 2.2).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtcp/rtcp_packets.h"

namespace parley::rtcp {
namespace {

struct NackCase {
  std::string name;
  std::vector<uint16_t> lost;      // in sending order
  std::vector<NackItem> items;     // what buildNackItems packs them into
  std::vector<uint16_t> expanded;  // what expandNackItems gives back
};

void PrintTo(const NackCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<NackCase> nackCases() {
  return {
      {"nothing_lost", {}, {}, {}},
      {"single_loss", {100}, {{100, 0x0000}}, {100}},
      {"two_adjacent", {100, 101}, {{100, 0x0001}}, {100, 101}},
      {"every_other", {100, 102, 104}, {{100, 0x000A}}, {100, 102, 104}},
      // PID + 16 is the last bit of the word (bit 15).
      {"run_of_17_fills_one_word",
       {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26},
       {{10, 0xFFFF}},
       {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26}},
      {"run_of_18_spills_into_second_word",
       {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27},
       {{10, 0xFFFF}, {27, 0x0000}},
       {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27}},
      {"pid_plus_16_only", {500, 516}, {{500, 0x8000}}, {500, 516}},
      {"pid_plus_17_new_word", {500, 517}, {{500, 0x0000}, {517, 0x0000}}, {500, 517}},
      {"two_far_apart_runs", {1000, 1001, 1003, 2000, 2002},
       {{1000, 0x0005}, {2000, 0x0002}}, {1000, 1001, 1003, 2000, 2002}},
      // 65535 -> 0 is one step: 0 and 1 are bits 0 and 1 of PID 65535.
      {"wrap_65535_to_0", {65535, 0, 1}, {{65535, 0x0003}}, {65535, 0, 1}},
      {"wrap_within_bitmask", {65530, 65534, 3}, {{65530, 0x0108}}, {65530, 65534, 3}},
      {"wrap_pid_at_zero", {65534, 65535, 0, 20}, {{65534, 0x0003}, {20, 0x0000}},
       {65534, 65535, 0, 20}},
      {"repeats_ignored", {7, 7, 8, 8}, {{7, 0x0001}}, {7, 8}},
      // Out of order input: a number behind the PID starts a new word.
      {"backwards_starts_new_word", {50, 40}, {{50, 0x0000}, {40, 0x0000}}, {50, 40}},
  };
}
// clang-format on

class RtcpNackTableTest : public ::testing::TestWithParam<NackCase> {};

TEST_P(RtcpNackTableTest, Packs) { EXPECT_EQ(buildNackItems(GetParam().lost), GetParam().items); }

TEST_P(RtcpNackTableTest, Expands) {
  EXPECT_EQ(expandNackItems(GetParam().items), GetParam().expanded);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpNackTableTest, ::testing::ValuesIn(nackCases()),
                         [](const auto& info) { return info.param.name; });

struct RembCase {
  std::string name;
  uint64_t bitrateBps;
  uint8_t exponent;
  uint32_t mantissa;  // wire bitrate = mantissa << exponent
};

void PrintTo(const RembCase& c, std::ostream* os) { *os << c.name; }

// The exponent is the smallest that brings the bitrate under 2^18 = 262144.
// clang-format off
std::vector<RembCase> rembCases() {
  return {
      {"zero", 0, 0, 0},
      {"bps_1000", 1000, 0, 1000},
      {"largest_exponent_0", 262143, 0, 262143},
      {"smallest_exponent_1", 262144, 1, 131072},
      // 300,000 / 2 = 150,000 exactly.
      {"kbps_300", 300000, 1, 150000},
      // 1,000,000 / 4 = 250,000 (1,000,000 / 2 = 500,000 is too wide).
      {"mbps_1", 1000000, 2, 250000},
      // 2,500,000 / 16 = 156,250.
      {"mbps_2_5", 2500000, 4, 156250},
      // 10,000,000 / 64 = 156,250.
      {"mbps_10", 10000000, 6, 156250},
      // 1,000,001 / 4 = 250,000.25: truncated, the wire says 1,000,000.
      {"rounds_down", 1000001, 2, 250000},
      // 2^32 - 1 = 0xFFFFFFFF: >> 14 = 0x3FFFF.
      {"max_uint32", 0xFFFFFFFFull, 14, 0x3FFFF},
      // 2^64 - 1: >> 46 = 0x3FFFF.
      {"max_uint64", UINT64_MAX, 46, 0x3FFFF},
  };
}
// clang-format on

class RtcpRembTableTest : public ::testing::TestWithParam<RembCase> {};

TEST_P(RtcpRembTableTest, Encodes) {
  const RembCase& c = GetParam();
  const RembBitrate br = encodeRembBitrate(c.bitrateBps);
  EXPECT_EQ(br.exponent, c.exponent);
  EXPECT_EQ(br.mantissa, c.mantissa);
}

TEST_P(RtcpRembTableTest, RoundTripsToTheTruncatedBitrate) {
  const RembCase& c = GetParam();
  std::vector<uint8_t> written;
  ASSERT_EQ(appendRtcpPacket(Remb{1, c.bitrateBps, {2}}, &written), RtcpWriteError::kOk);
  ASSERT_EQ(written.size(), 24u);
  // The bitrate word: | Num SSRC | exp (6) | mantissa (18) |
  EXPECT_EQ(written[16], 1);
  EXPECT_EQ(written[17] >> 2, c.exponent);
  EXPECT_EQ(((written[17] & 0x03u) << 16) | (written[18] << 8) | written[19], c.mantissa);
  RtcpCompound parsed;
  ASSERT_EQ(parseRtcpCompound(written, &parsed), RtcpParseError::kOk);
  EXPECT_EQ(std::get<Remb>(parsed.packets.at(0)).bitrateBps, uint64_t{c.mantissa} << c.exponent);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpRembTableTest, ::testing::ValuesIn(rembCases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace parley::rtcp

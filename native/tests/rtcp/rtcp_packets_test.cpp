// One RTCP packet at a time: SR, RR, SDES, BYE, NACK, PLI, REMB, well-formed
// (parse, write back, reparse) and malformed (each RtcpParseError), and the
// RFC 5761 RTP/RTCP demultiplexing test.
#include "rtcp/rtcp_packets.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rtcp_test_util.h"

namespace parley::rtcp {
namespace {

using test::Bytes;
using test::cat;
using test::header;
using test::text;
using test::w32;

// Parses a buffer holding exactly one packet.
RtcpParseError parseOne(const Bytes& bytes, RtcpPacket* out, bool* known) {
  RtcpPacketView view;
  const RtcpParseError error = parseRtcpPacketView(bytes.data(), bytes.size(), &view);
  if (error != RtcpParseError::kOk) return error;
  EXPECT_EQ(view.header.packetSize, bytes.size());
  return parseRtcpPacket(view, out, known);
}

ReportBlock block(uint32_t ssrc, uint8_t fraction, int32_t lost, uint32_t highest, uint32_t jitter,
                  uint32_t lsr, uint32_t dlsr) {
  return {ssrc, fraction, lost, highest, jitter, lsr, dlsr};
}

// The wire form of block(...) above, lost given as its 24-bit pattern.
Bytes blockBytes(uint32_t ssrc, uint8_t fraction, uint32_t lost24, uint32_t highest,
                 uint32_t jitter, uint32_t lsr, uint32_t dlsr) {
  return cat({w32(ssrc), w32((uint32_t{fraction} << 24) | lost24), w32(highest), w32(jitter),
              w32(lsr), w32(dlsr)});
}

SenderReport senderReport(std::vector<ReportBlock> blocks) {
  SenderReport sr;
  sr.senderSsrc = 0x11223344;
  sr.ntpTimestamp = 0xE1A2B3C4'80000000ull;
  sr.rtpTimestamp = 90000;
  sr.packetCount = 1000;
  sr.octetCount = 1200000;
  sr.reportBlocks = std::move(blocks);
  return sr;
}

Bytes senderInfoBytes() {
  return cat(
      {w32(0x11223344), w32(0xE1A2B3C4), w32(0x80000000), w32(90000), w32(1000), w32(1200000)});
}

struct GoodCase {
  std::string name;
  Bytes bytes;
  RtcpPacket expected;
  // Whether writing `expected` gives `bytes` back (not for inputs with
  // padding, extensions or items this layer drops).
  bool canonical;
};

void PrintTo(const GoodCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<GoodCase> goodCases() {
  const ReportBlock b1 = block(0xCAFE0001, 64, 1234, 0x0001FFFF, 311, 0xB7052030, 0x00054000);
  const Bytes b1Bytes = blockBytes(0xCAFE0001, 64, 1234, 0x0001FFFF, 311, 0xB7052030, 0x00054000);
  const ReportBlock maxLost = block(2, 255, 0x7FFFFF, 7, 0, 0, 0);
  const Bytes maxLostBytes = blockBytes(2, 255, 0x7FFFFF, 7, 0, 0, 0);
  const ReportBlock minLost = block(3, 0, -0x800000, 8, 0, 0, 0);
  const Bytes minLostBytes = blockBytes(3, 0, 0x800000, 8, 0, 0, 0);
  const ReportBlock minusOne = block(4, 0, -1, 9, 0, 0, 0);
  const Bytes minusOneBytes = blockBytes(4, 0, 0xFFFFFF, 9, 0, 0, 0);
  return {
      {"sr_without_blocks", cat({header(0, 200, 6), senderInfoBytes()}), senderReport({}), true},
      {"sr_one_block", cat({header(1, 200, 12), senderInfoBytes(), b1Bytes}),
       senderReport({b1}), true},
      {"rr_empty", cat({header(0, 201, 1), w32(0xAABBCCDD)}),
       ReceiverReport{0xAABBCCDD, {}}, true},
      {"rr_cumulative_lost_extremes",
       cat({header(3, 201, 19), w32(1), maxLostBytes, minLostBytes, minusOneBytes}),
       ReceiverReport{1, {maxLost, minLost, minusOne}}, true},
      {"rr_profile_extension_ignored",
       cat({header(1, 201, 8), w32(1), b1Bytes, w32(0xDEADBEEF)}),
       ReceiverReport{1, {b1}}, false},
      {"rr_padded", cat({header(0, 201, 2, true), w32(5), {0, 0, 0, 4}}),
       ReceiverReport{5, {}}, false},
      // CNAME "alice": 4 SSRC + 2 + 5 text + 1 null = 12 octets.
      {"sdes_cname_one_null", cat({header(1, 202, 3), w32(7), {1, 5}, text("alice"), {0}}),
       Sdes{{{7, "alice"}}}, true},
      // CNAME "bob": 4 + 2 + 3 = 9, then 3 nulls to the boundary.
      {"sdes_cname_three_nulls", cat({header(1, 202, 3), w32(7), {1, 3}, text("bob"), {0, 0, 0}}),
       Sdes{{{7, "bob"}}}, true},
      // CNAME "ab": 4 + 2 + 2 = 8 ends on a boundary: a whole null word follows.
      {"sdes_cname_null_word", cat({header(1, 202, 3), w32(7), {1, 2}, text("ab"), {0, 0, 0, 0}}),
       Sdes{{{7, "ab"}}}, true},
      {"sdes_two_chunks",
       cat({header(2, 202, 6), w32(7), {1, 3}, text("bob"), {0, 0, 0},
            w32(8), {1, 5}, text("carol"), {0}}),
       Sdes{{{7, "bob"}, {8, "carol"}}}, true},
      {"sdes_other_items_skipped",
       cat({header(1, 202, 5), w32(7), {2, 4}, text("Name"), {1, 3}, text("bob"), {6, 1}, text("x"),
            {0, 0}}),
       Sdes{{{7, "bob"}}}, false},
      {"sdes_chunk_without_cname", cat({header(1, 202, 2), w32(9), {0, 0, 0, 0}}),
       Sdes{{{9, ""}}}, true},
      {"sdes_no_chunks", header(0, 202, 0), Sdes{}, true},
      {"bye_one_ssrc", cat({header(1, 203, 1), w32(0x01020304)}), Bye{{0x01020304}, ""}, true},
      {"bye_two_ssrcs", cat({header(2, 203, 2), w32(1), w32(2)}), Bye{{1, 2}, ""}, true},
      // Reason "done": 1 length octet + 4 text, zero-padded to 8.
      {"bye_with_reason", cat({header(1, 203, 3), w32(1), {4}, text("done"), {0, 0, 0}}),
       Bye{{1}, "done"}, true},
      {"nack_one_item", cat({header(1, 205, 3), w32(0xA), w32(0xB), w32(0x00640005)}),
       Nack{0xA, 0xB, {{100, 0x0005}}}, true},
      {"nack_two_items", cat({header(1, 205, 4), w32(0xA), w32(0xB), w32(0xFFFF8000), w32(0x00100000)}),
       Nack{0xA, 0xB, {{0xFFFF, 0x8000}, {16, 0}}}, true},
      {"pli", cat({header(1, 206, 2), w32(0xA), w32(0xB)}), Pli{0xA, 0xB}, true},
      // 1,000,000 bps: 2^2 * 250000 (250000 < 2^18 = 262144, 500000 is not).
      {"remb_one_ssrc",
       cat({header(15, 206, 5), w32(0xA), w32(0), text("REMB"), {1, 2 << 2 | 0x03}, {0xD0, 0x90},
            w32(0xB)}),
       Remb{0xA, 1000000, {0xB}}, true},
      {"remb_no_ssrcs", cat({header(15, 206, 4), w32(0xA), w32(0), text("REMB"), w32(0x00001000)}),
       Remb{0xA, 0x1000, {}}, true},
  };
}
// clang-format on

class RtcpPacketTableTest : public ::testing::TestWithParam<GoodCase> {};

TEST_P(RtcpPacketTableTest, Parses) {
  const GoodCase& c = GetParam();
  RtcpPacket parsed;
  bool known = false;
  ASSERT_EQ(parseOne(c.bytes, &parsed, &known), RtcpParseError::kOk);
  ASSERT_TRUE(known);
  EXPECT_TRUE(parsed == c.expected);
}

TEST_P(RtcpPacketTableTest, WritesAndReparses) {
  const GoodCase& c = GetParam();
  Bytes written;
  ASSERT_EQ(appendRtcpPacket(c.expected, &written), RtcpWriteError::kOk);
  EXPECT_EQ(written.size() % 4, 0u);
  if (c.canonical) {
    EXPECT_EQ(written, c.bytes);
  }
  RtcpPacket reparsed;
  bool known = false;
  ASSERT_EQ(parseOne(written, &reparsed, &known), RtcpParseError::kOk);
  ASSERT_TRUE(known);
  EXPECT_TRUE(reparsed == c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpPacketTableTest, ::testing::ValuesIn(goodCases()),
                         [](const auto& info) { return info.param.name; });

struct BadCase {
  std::string name;
  Bytes bytes;
  RtcpParseError error;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

// clang-format off
std::vector<BadCase> badCases() {
  return {
      {"three_octets", {0x80, 201, 0}, RtcpParseError::kTooShort},
      {"version_1", cat({{0x40, 201, 0, 1}, w32(1)}), RtcpParseError::kBadVersion},
      {"version_0", cat({{0x00, 201, 0, 1}, w32(1)}), RtcpParseError::kBadVersion},
      {"length_one_word_too_many", cat({header(0, 201, 2), w32(1)}), RtcpParseError::kLengthBeyondEnd},
      {"length_max_on_short_buffer", cat({header(0, 201, 0xFFFF), w32(1)}),
       RtcpParseError::kLengthBeyondEnd},
      {"zero_padding_count", cat({header(0, 201, 1, true), {0, 0, 0, 0}}),
       RtcpParseError::kZeroPaddingCount},
      {"padding_covers_header", cat({header(0, 201, 1, true), {0, 0, 0, 9}}),
       RtcpParseError::kPaddingBeyondPacket},
      {"padding_eats_rr_ssrc", cat({header(0, 201, 1, true), {0, 0, 0, 4}}),
       RtcpParseError::kReportTooShort},
      {"sr_sender_info_cut", cat({header(0, 200, 5), w32(1), w32(2), w32(3), w32(4), w32(5)}),
       RtcpParseError::kReportTooShort},
      {"sr_block_missing", cat({header(1, 200, 6), senderInfoBytes()}), RtcpParseError::kReportTooShort},
      {"rr_without_ssrc", header(0, 201, 0), RtcpParseError::kReportTooShort},
      {"rr_second_block_missing",
       cat({header(2, 201, 7), w32(1), blockBytes(2, 0, 0, 0, 0, 0, 0)}),
       RtcpParseError::kReportTooShort},
      {"sdes_chunk_missing", header(1, 202, 0), RtcpParseError::kSdesChunkTruncated},
      {"sdes_item_beyond_end", cat({header(1, 202, 2), w32(7), {1, 10, 'a', 'b'}}),
       RtcpParseError::kSdesChunkTruncated},
      {"sdes_no_null_octet", cat({header(1, 202, 2), w32(7), {1, 2, 'a', 'b'}}),
       RtcpParseError::kSdesChunkTruncated},
      {"sdes_second_chunk_missing", cat({header(2, 202, 2), w32(7), {0, 0, 0, 0}}),
       RtcpParseError::kSdesChunkTruncated},
      {"sdes_trailing_octets", cat({header(1, 202, 3), w32(7), {0, 0, 0, 0}, w32(0x01000000)}),
       RtcpParseError::kSdesTrailingOctets},
      {"bye_second_ssrc_missing", cat({header(2, 203, 1), w32(1)}), RtcpParseError::kByeTooShort},
      {"bye_reason_beyond_end", cat({header(1, 203, 2), w32(1), {9, 'a', 'b', 'c'}}),
       RtcpParseError::kByeReasonBeyondEnd},
      {"rtpfb_media_ssrc_missing", cat({header(1, 205, 1), w32(0xA)}), RtcpParseError::kFeedbackTooShort},
      {"psfb_empty", header(1, 206, 0), RtcpParseError::kFeedbackTooShort},
      {"nack_without_fci", cat({header(1, 205, 2), w32(0xA), w32(0xB)}), RtcpParseError::kNackWithoutFci},
      {"nack_half_fci_word", cat({header(1, 205, 3, true), w32(0xA), w32(0xB), {0, 100, 0, 2}}),
       RtcpParseError::kNackWithoutFci},
      {"pli_with_fci", cat({header(1, 206, 3), w32(0xA), w32(0xB), w32(0)}), RtcpParseError::kPliWithFci},
      {"remb_bitrate_word_missing", cat({header(15, 206, 3), w32(0xA), w32(0), text("REMB")}),
       RtcpParseError::kRembTooShort},
      {"remb_ssrcs_beyond_end",
       cat({header(15, 206, 5), w32(0xA), w32(0), text("REMB"), w32(0x02001000), w32(0xB)}),
       RtcpParseError::kRembSsrcsBeyondEnd},
      // Exponent 63, mantissa 2: 2 * 2^63 = 2^64.
      {"remb_bitrate_overflow",
       cat({header(15, 206, 4), w32(0xA), w32(0), text("REMB"), w32((63u << 18) | 2)}),
       RtcpParseError::kRembBitrateOverflow},
  };
}
// clang-format on

class RtcpPacketBadTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(RtcpPacketBadTest, Rejects) {
  const BadCase& c = GetParam();
  RtcpPacket parsed;
  bool known = false;
  EXPECT_EQ(parseOne(c.bytes, &parsed, &known), c.error) << rtcpParseErrorName(c.error);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpPacketBadTest, ::testing::ValuesIn(badCases()),
                         [](const auto& info) { return info.param.name; });

struct UnknownCase {
  std::string name;
  Bytes bytes;
};

void PrintTo(const UnknownCase& c, std::ostream* os) { *os << c.name; }

// Well-formed packets this layer does not interpret: parsed as kOk, not known.
std::vector<UnknownCase> unknownCases() {
  return {
      {"app", cat({header(0, 204, 2), w32(1), text("NAME")})},
      {"xr", cat({header(0, 207, 1), w32(1)})},
      {"transport_cc", cat({header(15, 205, 3), w32(0xA), w32(0xB), w32(0)})},
      {"fir", cat({header(4, 206, 4), w32(0xA), w32(0), w32(0xB), w32(0x01000000)})},
      {"afb_not_remb", cat({header(15, 206, 3), w32(0xA), w32(0), text("ABCD")})},
  };
}

class RtcpPacketUnknownTest : public ::testing::TestWithParam<UnknownCase> {};

TEST_P(RtcpPacketUnknownTest, IsSkipped) {
  RtcpPacket parsed;
  bool known = true;
  EXPECT_EQ(parseOne(GetParam().bytes, &parsed, &known), RtcpParseError::kOk);
  EXPECT_FALSE(known);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpPacketUnknownTest, ::testing::ValuesIn(unknownCases()),
                         [](const auto& info) { return info.param.name; });

struct WriteErrorCase {
  std::string name;
  RtcpPacket packet;
  RtcpWriteError error;
};

void PrintTo(const WriteErrorCase& c, std::ostream* os) { *os << c.name; }

std::vector<WriteErrorCase> writeErrorCases() {
  return {
      {"rr_32_blocks", ReceiverReport{1, std::vector<ReportBlock>(32)},
       RtcpWriteError::kTooManyItems},
      {"sr_32_blocks", senderReport(std::vector<ReportBlock>(32)), RtcpWriteError::kTooManyItems},
      {"sdes_32_chunks", Sdes{std::vector<SdesChunk>(32)}, RtcpWriteError::kTooManyItems},
      {"sdes_cname_256", Sdes{{{1, std::string(256, 'x')}}}, RtcpWriteError::kTextTooLong},
      {"bye_32_ssrcs", Bye{std::vector<uint32_t>(32), ""}, RtcpWriteError::kTooManyItems},
      {"bye_reason_256", Bye{{1}, std::string(256, 'x')}, RtcpWriteError::kTextTooLong},
      {"nack_empty", Nack{1, 2, {}}, RtcpWriteError::kEmptyNack},
      {"remb_256_ssrcs", Remb{1, 1000, std::vector<uint32_t>(256)}, RtcpWriteError::kTooManyItems},
  };
}

class RtcpPacketWriteErrorTest : public ::testing::TestWithParam<WriteErrorCase> {};

TEST_P(RtcpPacketWriteErrorTest, RefusesAndLeavesBufferAlone) {
  Bytes out = {1, 2, 3, 4};
  EXPECT_EQ(appendRtcpPacket(GetParam().packet, &out), GetParam().error);
  EXPECT_EQ(out, (Bytes{1, 2, 3, 4}));
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpPacketWriteErrorTest, ::testing::ValuesIn(writeErrorCases()),
                         [](const auto& info) { return info.param.name; });

TEST(RtcpPacketTest, LimitsAreWritable) {
  Bytes out;
  EXPECT_EQ(appendRtcpPacket(ReceiverReport{1, std::vector<ReportBlock>(31)}, &out),
            RtcpWriteError::kOk);
  EXPECT_EQ(out.size(), 8u + 31 * 24);
  out.clear();
  EXPECT_EQ(appendRtcpPacket(Sdes{{{1, std::string(255, 'x')}}}, &out), RtcpWriteError::kOk);
  EXPECT_EQ(out.size(), 4u + 4 + 2 + 255 + 3);  // 264: the chunk padded with 3 nulls
}

TEST(RtcpPacketTest, CumulativeLostSaturatesOnWrite) {
  Bytes out;
  ReceiverReport rr{1, {block(2, 0, 0x7FFFFFFF, 0, 0, 0, 0), block(3, 0, -0x7FFFFFFF, 0, 0, 0, 0)}};
  ASSERT_EQ(appendRtcpPacket(rr, &out), RtcpWriteError::kOk);
  RtcpPacket parsed;
  bool known = false;
  ASSERT_EQ(parseOne(out, &parsed, &known), RtcpParseError::kOk);
  const auto& blocks = std::get<ReceiverReport>(parsed).reportBlocks;
  EXPECT_EQ(blocks[0].cumulativeLost, 0x7FFFFF);
  EXPECT_EQ(blocks[1].cumulativeLost, -0x800000);
}

struct DemuxCase {
  std::string name;
  Bytes bytes;
  bool rtcp;
};

void PrintTo(const DemuxCase& c, std::ostream* os) { *os << c.name; }

// RFC 5761 section 4: the second octet decides.
std::vector<DemuxCase> demuxCases() {
  return {
      {"sr_200", {0x80, 200, 0, 6}, true},
      {"rr_201", {0x81, 201, 0, 7}, true},
      {"psfb_206", {0x8F, 206, 0, 4}, true},
      {"lowest_192", {0x80, 192}, true},
      {"highest_223", {0x80, 223}, true},
      {"rtp_pt_96", {0x80, 96, 0, 1}, false},
      {"rtp_pt_96_marker", {0x80, 0x80 | 96, 0, 1}, false},
      {"rtp_pt_111_marker", {0x80, 0x80 | 111, 0, 1}, false},
      {"rtp_pt_63_marker_191", {0x80, 191, 0, 1}, false},
      {"rtp_pt_96_with_marker_224", {0x80, 224, 0, 1}, false},
      {"one_octet", {0x80}, false},
      {"empty", {}, false},
  };
}

class RtcpDemuxTest : public ::testing::TestWithParam<DemuxCase> {};

TEST_P(RtcpDemuxTest, TellsRtcpFromRtp) {
  const DemuxCase& c = GetParam();
  EXPECT_EQ(isRtcp(c.bytes.data(), c.bytes.size()), c.rtcp);
}

INSTANTIATE_TEST_SUITE_P(Table, RtcpDemuxTest, ::testing::ValuesIn(demuxCases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace parley::rtcp

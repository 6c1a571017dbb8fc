#include "rtp/sequence_unwrapper.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace parley::rtp {
namespace {

struct SequenceCase {
  std::string name;
  std::vector<uint16_t> wire;
  std::vector<int64_t> unwrapped;
};

// Names the case in test listings (and in ctest's test names).
void PrintTo(const SequenceCase& c, std::ostream* os) { *os << c.name; }

std::vector<SequenceCase> sequenceCases() {
  return {
      {"in_order", {0, 1, 2, 3}, {0, 1, 2, 3}},
      {"first_value_kept", {40000, 40001}, {40000, 40001}},
      {"forward_across_wrap", {65533, 65534, 65535, 0, 1}, {65533, 65534, 65535, 65536, 65537}},
      {"reordered_across_wrap", {65534, 0, 65535, 1, 2}, {65534, 65536, 65535, 65537, 65538}},
      {"late_packet_from_before_wrap",
       {65535, 0, 1, 2, 65533},
       {65535, 65536, 65537, 65538, 65533}},
      {"early_packet_from_after_wrap", {65530, 3, 65531, 65532}, {65530, 65539, 65531, 65532}},
      {"earlier_than_first_across_wrap", {1, 65535, 2}, {1, -1, 2}},
      {"duplicates", {7, 7, 8, 8}, {7, 7, 8, 8}},
      {"gap_of_loss", {100, 5100, 5101}, {100, 5100, 5101}},
      {"largest_forward_step", {0, 32767}, {0, 32767}},
      {"half_range_counts_as_backwards", {0, 32768}, {0, -32768}},
      {"three_wraps_in_big_steps",
       {0, 30000, 60000, 24464, 54464, 18928, 48928, 13392},
       {0, 30000, 60000, 90000, 120000, 150000, 180000, 210000}},
      {"one_stray_value_does_not_derail", {100, 40000, 101, 102}, {100, -25536, 101, 102}},
  };
}

class SequenceUnwrapperTableTest : public ::testing::TestWithParam<SequenceCase> {};

TEST_P(SequenceUnwrapperTableTest, Unwraps) {
  const SequenceCase& c = GetParam();
  ASSERT_EQ(c.wire.size(), c.unwrapped.size());
  SequenceNumberUnwrapper unwrapper;
  for (size_t i = 0; i < c.wire.size(); ++i) {
    EXPECT_EQ(unwrapper.unwrap(c.wire[i]), c.unwrapped[i]) << "index " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, SequenceUnwrapperTableTest, ::testing::ValuesIn(sequenceCases()),
                         [](const auto& info) { return info.param.name; });

TEST(SequenceUnwrapperTest, LongRunWithReorderingStaysMonotonicPerPacket) {
  // 200000 packets (three wraps) sent in order but delivered with every pair
  // swapped: each comes out as its send index plus the start.
  SequenceNumberUnwrapper unwrapper;
  const int64_t start = 65000;
  for (int64_t i = 0; i < 200000; i += 2) {
    for (const int64_t index : {i + 1, i}) {
      const int64_t sent = start + index;
      EXPECT_EQ(unwrapper.unwrap(static_cast<uint16_t>(sent)), sent) << index;
    }
  }
}

TEST(SequenceUnwrapperTest, PeekDoesNotMoveTheReference) {
  SequenceNumberUnwrapper unwrapper;
  EXPECT_FALSE(unwrapper.hasReference());
  EXPECT_EQ(unwrapper.peek(65535), 65535);
  EXPECT_FALSE(unwrapper.hasReference());
  EXPECT_EQ(unwrapper.unwrap(65535), 65535);
  EXPECT_EQ(unwrapper.peek(10), 65546);
  EXPECT_EQ(unwrapper.peek(10), 65546);
  EXPECT_EQ(unwrapper.unwrap(65534), 65534);
  EXPECT_TRUE(unwrapper.hasReference());
}

TEST(SequenceUnwrapperTest, ResetStartsOver) {
  SequenceNumberUnwrapper unwrapper;
  unwrapper.unwrap(65535);
  unwrapper.unwrap(5);
  unwrapper.reset();
  EXPECT_FALSE(unwrapper.hasReference());
  EXPECT_EQ(unwrapper.unwrap(5), 5);
}

TEST(RtpTimestampUnwrapperTest, UnwrapsAcrossThe32BitWrap) {
  RtpTimestampUnwrapper unwrapper;
  EXPECT_EQ(unwrapper.unwrap(0xffffe000u), 0xffffe000LL);
  EXPECT_EQ(unwrapper.unwrap(0xfffff000u), 0xfffff000LL);
  EXPECT_EQ(unwrapper.unwrap(0x00000400u), 0x100000400LL);
  // A frame captured before the wrap whose packet arrives late.
  EXPECT_EQ(unwrapper.unwrap(0xfffff800u), 0xfffff800LL);
  EXPECT_EQ(unwrapper.unwrap(0x00000c00u), 0x100000c00LL);
}

TEST(RtpTimestampUnwrapperTest, FollowsAStreamOfFramesOverTwoWraps) {
  // 30 fps at 90 kHz, starting just before the wrap: 3000 ticks a frame,
  // big jumps of 2^30 (about 3.3 hours) to cross the range twice quickly.
  RtpTimestampUnwrapper unwrapper;
  int64_t sent = 0xffff0000LL;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(unwrapper.unwrap(static_cast<uint32_t>(sent)), sent) << i;
    sent += (i % 2 == 0) ? 3000 : (int64_t{1} << 30);
  }
  EXPECT_GT(sent, int64_t{1} << 33);
}

TEST(RtpTimestampUnwrapperTest, HalfRangeBoundary) {
  RtpTimestampUnwrapper unwrapper;
  unwrapper.unwrap(0);
  EXPECT_EQ(unwrapper.peek(0x7fffffffu), 0x7fffffffLL);
  EXPECT_EQ(unwrapper.peek(0x80000000u), -0x80000000LL);
}

}  // namespace
}  // namespace parley::rtp

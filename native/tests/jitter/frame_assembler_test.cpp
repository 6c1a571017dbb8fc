#include "jitter/frame_assembler.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace parley::jitter {
namespace {

// Packet `index` of a frame of `count` packets starting at `first`; its payload
// is the single byte `index`.
video::VideoPacket packetOf(int64_t first, int count, int index, int64_t timestamp = 9000,
                            bool keyframe = false) {
  video::VideoPacket packet;
  packet.sequence = first + index;
  packet.rtpTimestamp = timestamp;
  packet.frameStart = index == 0;
  packet.marker = index == count - 1;
  packet.keyframe = keyframe && index == 0;
  packet.pictureId = 7;
  packet.arrivalTimeUs = 0;
  packet.payload = {static_cast<uint8_t>(index)};
  return packet;
}

struct OrderCase {
  std::string name;
  std::vector<int> order;  // packet indices of a 4-packet frame, in arrival order
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const OrderCase& c, std::ostream* os) { *os << c.name; }

class JitterFrameAssemblerOrderTest : public ::testing::TestWithParam<OrderCase> {};

TEST_P(JitterFrameAssemblerOrderTest, CompletesOnTheLastMissingPacket) {
  const OrderCase& c = GetParam();
  FrameAssembler assembler(64);
  for (size_t i = 0; i < c.order.size(); ++i) {
    const int64_t arrivalUs = 1000 * static_cast<int64_t>(i + 1);
    FrameAssembler::InsertResult result =
        assembler.insert(packetOf(100, 4, c.order[i], 9000, true), arrivalUs);
    EXPECT_FALSE(result.duplicate);
    if (i + 1 < c.order.size()) {
      EXPECT_FALSE(result.frame.has_value()) << "after packet " << c.order[i];
      continue;
    }
    ASSERT_TRUE(result.frame.has_value());
    const video::EncodedVideoFrame& frame = result.frame->frame;
    EXPECT_EQ(frame.data, (std::vector<uint8_t>{0, 1, 2, 3}));  // sequence order
    EXPECT_EQ(frame.firstSequence, 100);
    EXPECT_EQ(frame.lastSequence, 103);
    EXPECT_EQ(frame.rtpTimestamp, 9000);
    EXPECT_TRUE(frame.keyframe);
    EXPECT_EQ(frame.pictureId, 7);
    EXPECT_EQ(frame.firstArrivalUs, 1000);
    EXPECT_EQ(frame.lastArrivalUs, 4000);
    EXPECT_FALSE(result.frame->hadRetransmission);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Orders, JitterFrameAssemblerOrderTest,
    ::testing::Values(OrderCase{"InOrder", {0, 1, 2, 3}}, OrderCase{"Reversed", {3, 2, 1, 0}},
                      OrderCase{"MarkerFirst", {3, 0, 1, 2}}, OrderCase{"StartLast", {1, 2, 3, 0}},
                      OrderCase{"MiddleLast", {0, 3, 2, 1}}, OrderCase{"Shuffled", {2, 0, 3, 1}}),
    [](const ::testing::TestParamInfo<OrderCase>& info) { return info.param.name; });

TEST(JitterFrameAssemblerTest, MissingPacketMeansNoFrame) {
  FrameAssembler assembler(64);
  EXPECT_FALSE(assembler.insert(packetOf(10, 3, 0), 1).frame);
  EXPECT_FALSE(assembler.insert(packetOf(10, 3, 2), 2).frame);
  EXPECT_EQ(assembler.size(), 2u);
  EXPECT_TRUE(assembler.hasPendingPacketsIn(10, 12));
  EXPECT_FALSE(assembler.hasPendingPacketsIn(13, 20));
  EXPECT_TRUE(assembler.insert(packetOf(10, 3, 1), 3).frame);
  EXPECT_FALSE(assembler.hasPendingPacketsIn(10, 12));  // only tombstones left
}

TEST(JitterFrameAssemblerTest, DuplicatesAreReportedBeforeAndAfterTheFrame) {
  FrameAssembler assembler(64);
  EXPECT_FALSE(assembler.insert(packetOf(10, 2, 0), 1).duplicate);
  EXPECT_TRUE(assembler.insert(packetOf(10, 2, 0), 2).duplicate);
  EXPECT_TRUE(assembler.insert(packetOf(10, 2, 1), 3).frame);
  FrameAssembler::InsertResult late = assembler.insert(packetOf(10, 2, 1), 4);
  EXPECT_TRUE(late.duplicate);
  EXPECT_FALSE(late.frame);
}

TEST(JitterFrameAssemblerTest, PacketsWithAnotherTimestampDoNotJoinTheFrame) {
  FrameAssembler assembler(64);
  assembler.insert(packetOf(10, 3, 0, 9000), 1);
  assembler.insert(packetOf(10, 3, 1, 12000), 2);  // corrupt: wrong frame
  EXPECT_FALSE(assembler.insert(packetOf(10, 3, 2, 9000), 3).frame);
}

TEST(JitterFrameAssemblerTest, ConsecutiveFramesAssembleIndependently) {
  FrameAssembler assembler(64);
  // Frame B (13..14) completes before frame A (10..12), which lacks packet 11.
  assembler.insert(packetOf(10, 3, 0, 9000), 1);
  assembler.insert(packetOf(10, 3, 2, 9000), 2);
  assembler.insert(packetOf(13, 2, 0, 12000), 3);
  FrameAssembler::InsertResult b = assembler.insert(packetOf(13, 2, 1, 12000), 4);
  ASSERT_TRUE(b.frame);
  EXPECT_EQ(b.frame->frame.firstSequence, 13);
  FrameAssembler::InsertResult a = assembler.insert(packetOf(10, 3, 1, 9000), 5);
  ASSERT_TRUE(a.frame);
  EXPECT_EQ(a.frame->frame.firstSequence, 10);
  EXPECT_EQ(a.frame->frame.lastSequence, 12);
}

TEST(JitterFrameAssemblerTest, ArrivalSpanAndRetransmissionAreReported) {
  FrameAssembler assembler(64);
  assembler.insert(packetOf(10, 3, 2), 500);
  video::VideoPacket resent = packetOf(10, 3, 1);
  resent.retransmitted = true;
  assembler.insert(resent, 900);
  FrameAssembler::InsertResult result = assembler.insert(packetOf(10, 3, 0), 700);
  ASSERT_TRUE(result.frame);
  EXPECT_EQ(result.frame->frame.firstArrivalUs, 500);
  EXPECT_EQ(result.frame->frame.lastArrivalUs, 900);
  EXPECT_TRUE(result.frame->hadRetransmission);
}

// A middle packet of some frame, at sequence seq.
video::VideoPacket loneMiddle(int64_t seq) { return packetOf(seq - 4, 9, 4); }

TEST(JitterFrameAssemblerTest, ClearUpToForgetsOldEntries) {
  FrameAssembler assembler(64);
  for (int i = 0; i < 5; ++i) assembler.insert(loneMiddle(10 + i), i);
  assembler.clearUpTo(12);
  EXPECT_EQ(assembler.size(), 2u);
  EXPECT_FALSE(assembler.hasPendingPacketsIn(0, 12));
  EXPECT_TRUE(assembler.hasPendingPacketsIn(13, 14));
  assembler.clear();
  EXPECT_EQ(assembler.size(), 0u);
}

TEST(JitterFrameAssemblerTest, EvictsTheLongestStoredEntryWhenFull) {
  FrameAssembler assembler(8);
  // Junk far ahead first, then the real stream: the junk goes first.
  for (int i = 0; i < 8; ++i) assembler.insert(loneMiddle(1'000'000 + 2 * i), i);
  for (int i = 0; i < 8; ++i) assembler.insert(loneMiddle(100 + 2 * i), 100 + i);
  EXPECT_EQ(assembler.size(), 8u);
  EXPECT_EQ(assembler.evicted(), 8u);
  EXPECT_FALSE(assembler.hasPendingPacketsIn(1'000'000, 2'000'000));
  EXPECT_TRUE(assembler.hasPendingPacketsIn(100, 114));
  // And a frame still assembles in a full buffer.
  assembler.insert(packetOf(500, 2, 0), 200);
  EXPECT_TRUE(assembler.insert(packetOf(500, 2, 1), 201).frame);
  EXPECT_LE(assembler.size(), 8u);
}

TEST(JitterFrameAssemblerTest, HugeSequenceNumbersWork) {
  FrameAssembler assembler(64);
  const int64_t first = (int64_t{1} << 59) - 1;  // crosses a power of two
  assembler.insert(packetOf(first, 3, 0), 1);
  assembler.insert(packetOf(first, 3, 2), 2);
  FrameAssembler::InsertResult result = assembler.insert(packetOf(first, 3, 1), 3);
  ASSERT_TRUE(result.frame);
  EXPECT_EQ(result.frame->frame.lastSequence, first + 2);
}

}  // namespace
}  // namespace parley::jitter

#include "jitter/frame_buffer.h"

#include <gtest/gtest.h>

#include <set>

namespace parley::jitter {
namespace {

video::EncodedVideoFrame frame(int64_t first, int64_t last, bool keyframe, int64_t arrivalUs = 0) {
  video::EncodedVideoFrame out;
  out.firstSequence = first;
  out.lastSequence = last;
  out.keyframe = keyframe;
  out.firstArrivalUs = arrivalUs;
  out.lastArrivalUs = arrivalUs;
  out.data = {static_cast<uint8_t>(first)};
  return out;
}

class FakeGaps : public FrameBuffer::GapInfo {
 public:
  bool gapLost(int64_t first, int64_t last) const override { return any(lost, first, last); }
  bool gapHasPackets(int64_t first, int64_t last) const override {
    return any(pending, first, last);
  }
  std::set<int64_t> lost;
  std::set<int64_t> pending;

 private:
  static bool any(const std::set<int64_t>& set, int64_t first, int64_t last) {
    auto it = set.lower_bound(first);
    return it != set.end() && *it <= last;
  }
};

class CountingListener : public FrameBuffer::Listener {
 public:
  void onFrameBufferKeyframeNeeded() override { ++keyframeNeeded; }
  int keyframeNeeded = 0;
};

class JitterFrameBufferTest : public ::testing::Test {
 protected:
  // Inserts keyframe 1..2 and hands it out at t=0.
  void startWithKeyframe() {
    ASSERT_TRUE(buffer.insert(frame(1, 2, true), 0, 400));
    ASSERT_TRUE(buffer.pop(0, gaps).has_value());
  }
  int64_t popFirst(int64_t nowUs) {
    std::optional<video::EncodedVideoFrame> out = buffer.pop(nowUs, gaps);
    return out ? out->firstSequence : -1;
  }

  CountingListener listener;
  FakeGaps gaps;
  FrameBuffer buffer{8, listener};
};

TEST_F(JitterFrameBufferTest, HandsOutContinuousFramesAtTheirPlayoutTime) {
  buffer.insert(frame(1, 3, true), 100, 500);
  buffer.insert(frame(4, 5, false), 133, 533);
  EXPECT_EQ(buffer.nextEventUs(), 100);
  EXPECT_EQ(popFirst(99), -1);
  EXPECT_EQ(popFirst(100), 1);
  EXPECT_EQ(buffer.nextEventUs(), 133);
  EXPECT_EQ(popFirst(120), -1);
  EXPECT_EQ(popFirst(133), 4);
  EXPECT_EQ(buffer.nextEventUs(), FrameBuffer::kNoDeadline);
  EXPECT_EQ(buffer.decodedUpTo(), 5);
  EXPECT_TRUE(buffer.chainIntact());
  EXPECT_EQ(listener.keyframeNeeded, 0);
  EXPECT_EQ(buffer.stats().delivered, 2u);
  EXPECT_EQ(buffer.stats().late, 0u);
}

TEST_F(JitterFrameBufferTest, TheFirstFrameMustBeAKeyframe) {
  buffer.insert(frame(1, 3, false), 0, 400);
  buffer.update(399, gaps);  // the keyframe may have been overtaken
  EXPECT_EQ(buffer.size(), 1u);
  EXPECT_EQ(listener.keyframeNeeded, 0);
  buffer.update(400, gaps);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.stats().droppedUndecodable, 1u);
  EXPECT_EQ(buffer.decodedUpTo(), 3);
  EXPECT_GE(listener.keyframeNeeded, 1);
}

TEST_F(JitterFrameBufferTest, AfterABreakHoldsInterFramesOnlyWhileAKeyframeMayComplete) {
  startWithKeyframe();
  buffer.breakChain();
  gaps.pending = {4};  // part of an earlier frame, maybe a keyframe
  buffer.insert(frame(6, 7, false), 0, 400);
  buffer.update(100, gaps);
  EXPECT_EQ(buffer.size(), 1u);
  EXPECT_EQ(buffer.nextEventUs(), 400);
  buffer.update(400, gaps);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.stats().droppedUndecodable, 1u);
  buffer.insert(frame(8, 9, false), 0, 400);  // nothing below it: dropped at once
  buffer.update(101, gaps);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.stats().droppedUndecodable, 2u);
}

TEST_F(JitterFrameBufferTest, AFrameBehindAGapWaitsUntilTheGapIsLost) {
  startWithKeyframe();
  buffer.insert(frame(5, 6, false), 10, 410);  // 3..4 missing
  EXPECT_EQ(popFirst(100), -1);
  EXPECT_EQ(buffer.size(), 1u);
  EXPECT_EQ(buffer.nextEventUs(), 410);
  gaps.lost = {4};
  buffer.update(101, gaps);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_FALSE(buffer.chainIntact());
  EXPECT_EQ(buffer.stats().chainBreaks, 1u);
  EXPECT_GE(listener.keyframeNeeded, 1);
}

TEST_F(JitterFrameBufferTest, AFrameBehindAGapWaitsAtMostUntilItsDeadline) {
  startWithKeyframe();
  buffer.insert(frame(5, 6, false), 10, 410);
  buffer.insert(frame(7, 8, false), 43, 443);
  buffer.update(409, gaps);
  EXPECT_EQ(buffer.size(), 2u);
  EXPECT_EQ(listener.keyframeNeeded, 0);
  buffer.update(410, gaps);
  EXPECT_EQ(buffer.size(), 0u);  // and the next one cannot be decoded either
  EXPECT_EQ(buffer.stats().droppedUndecodable, 2u);
  EXPECT_GE(listener.keyframeNeeded, 1);
}

TEST_F(JitterFrameBufferTest, AFilledGapReleasesTheFramesInOrder) {
  startWithKeyframe();
  buffer.insert(frame(5, 6, false), 10, 410);
  EXPECT_EQ(popFirst(50), -1);
  buffer.insert(frame(3, 4, false), 5, 405);  // the retransmission completed it
  EXPECT_EQ(popFirst(60), 3);
  EXPECT_EQ(popFirst(60), 5);
  EXPECT_EQ(listener.keyframeNeeded, 0);
}

TEST_F(JitterFrameBufferTest, SkipsToALaterKeyframe) {
  startWithKeyframe();
  buffer.insert(frame(5, 6, false), 10, 410);  // waiting for 3..4
  buffer.insert(frame(7, 8, true), 43, 443);
  EXPECT_EQ(popFirst(43), 7);
  EXPECT_EQ(buffer.stats().droppedSuperseded, 1u);
  EXPECT_EQ(buffer.decodedUpTo(), 8);
  EXPECT_EQ(listener.keyframeNeeded, 0);
}

TEST_F(JitterFrameBufferTest, AHopelesslyLateFrameGivesWayToAKeyframeBehindIt) {
  startWithKeyframe();
  buffer.insert(frame(3, 4, false), 10, 200);
  buffer.insert(frame(5, 6, true), 43, 443);
  buffer.update(300, gaps);  // nobody popped in time
  EXPECT_EQ(popFirst(300), 5);
  EXPECT_EQ(buffer.stats().droppedSuperseded, 1u);
}

TEST_F(JitterFrameBufferTest, ABrokenChainDropsInterFramesUntilAKeyframe) {
  startWithKeyframe();
  buffer.breakChain();  // the decoder choked on frame 1..2
  EXPECT_EQ(listener.keyframeNeeded, 1);
  buffer.insert(frame(3, 4, false), 10, 410);
  EXPECT_EQ(popFirst(10), -1);
  EXPECT_EQ(buffer.stats().droppedUndecodable, 1u);
  buffer.insert(frame(5, 6, true), 43, 443);
  EXPECT_EQ(popFirst(43), 5);
  buffer.insert(frame(7, 8, false), 76, 476);
  EXPECT_EQ(popFirst(76), 7);
}

TEST_F(JitterFrameBufferTest, OverflowDropsTheOldestFrame) {
  startWithKeyframe();
  for (int i = 0; i < 10; ++i) {
    buffer.insert(frame(3 + 2 * i, 4 + 2 * i, false), 1'000'000, 2'000'000);
  }
  EXPECT_EQ(buffer.size(), 8u);
  EXPECT_EQ(buffer.stats().droppedOverflow, 2u);
  EXPECT_FALSE(buffer.chainIntact());
  EXPECT_GE(listener.keyframeNeeded, 1);
}

TEST_F(JitterFrameBufferTest, RejectsFramesAlreadyPassedOrHeld) {
  startWithKeyframe();
  EXPECT_FALSE(buffer.insert(frame(2, 3, false), 0, 400));
  EXPECT_TRUE(buffer.insert(frame(5, 6, false), 0, 400));
  EXPECT_FALSE(buffer.insert(frame(5, 6, false), 0, 400));
}

TEST_F(JitterFrameBufferTest, CountsFramesThatCompletedAfterTheirPlayoutTime) {
  buffer.insert(frame(1, 2, true, /*arrivalUs=*/150), 100, 500);
  EXPECT_EQ(popFirst(150), 1);
  EXPECT_EQ(buffer.stats().late, 1u);
}

}  // namespace
}  // namespace parley::jitter

// InterArrival: grouping into 5 ms send bursts and the inter-group deltas
// (draft-ietf-rmcat-gcc-02 sections 5.1 and 5.2).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "congestion/abs_send_time.h"
#include "congestion/abs_send_time_unwrapper.h"
#include "congestion/inter_arrival.h"

namespace parley::congestion {
namespace {

// Frames of `packets` packets sent 1 ms apart every 33 ms; each frame's
// one-way delay is base + growthUs * frame.
struct StreamCase {
  std::string name;
  int packets;
  int64_t growthUs;
  size_t evenSize;
  size_t oddSize;
  int64_t expectedSendDeltaUs;
  int64_t expectedArrivalDeltaUs;
  int64_t expectedSizeDelta;  // magnitude; the sign alternates
};

TEST(InterArrivalTest, GroupsBurstsAndReportsDeltasBetweenGroups) {
  const std::vector<StreamCase> cases = {
      {"steady", 3, 0, 1000, 1000, 33'000, 33'000, 0},
      {"single_packet_frames", 1, 0, 500, 500, 33'000, 33'000, 0},
      {"growing_delay", 3, 2'000, 1000, 1000, 33'000, 35'000, 0},
      {"shrinking_delay", 4, -1'000, 1000, 1000, 33'000, 32'000, 0},
      {"alternating_sizes", 2, 0, 1200, 800, 33'000, 33'000, 800},
  };
  for (const StreamCase& c : cases) {
    InterArrival ia;
    std::vector<InterArrival::Deltas> reported;
    const int frames = 20;
    for (int f = 0; f < frames; ++f) {
      for (int p = 0; p < c.packets; ++p) {
        const int64_t send = f * 33'000 + p * 1'000;
        const int64_t arrival = send + 50'000 + c.growthUs * f;
        InterArrival::Deltas d;
        if (ia.onPacket(send, arrival, f % 2 == 0 ? c.evenSize : c.oddSize, &d)) reported.push_back(d);
      }
    }
    // A group is reported once the next one starts, against the one before.
    ASSERT_EQ(reported.size(), static_cast<size_t>(frames - 2)) << c.name;
    for (const InterArrival::Deltas& d : reported) {
      EXPECT_EQ(d.sendDeltaUs, c.expectedSendDeltaUs) << c.name;
      EXPECT_EQ(d.arrivalDeltaUs, c.expectedArrivalDeltaUs) << c.name;
      EXPECT_EQ(d.sizeDeltaBytes < 0 ? -d.sizeDeltaBytes : d.sizeDeltaBytes, c.expectedSizeDelta) << c.name;
    }
    EXPECT_EQ(ia.stats().groups, static_cast<uint64_t>(frames - 1)) << c.name;
  }
}

TEST(InterArrivalTest, PacketsMoreThan5msApartStartANewGroup) {
  InterArrival ia;
  InterArrival::Deltas d;
  EXPECT_FALSE(ia.onPacket(0, 10'000, 100, &d));
  EXPECT_FALSE(ia.onPacket(5'000, 15'000, 100, &d));   // 5 ms: same group
  EXPECT_FALSE(ia.onPacket(5'001, 15'001, 100, &d));   // 5.001 ms from the first: new group
  EXPECT_TRUE(ia.onPacket(20'000, 30'000, 100, &d));   // third group: the second is reported
  EXPECT_EQ(d.sendDeltaUs, 1);                         // last of group 2 (5001) - last of group 1 (5000)
  EXPECT_EQ(d.sizeDeltaBytes, -100);                   // 100 - 200
}

TEST(InterArrivalTest, BurstReleasedByAQueueMergesIntoOneGroup) {
  // Two frames 10 ms apart that a queue delivered back to back: section 5.2
  // treats them as one group, so no delta reflects the queue's release.
  InterArrival ia;
  InterArrival::Deltas d;
  ia.onPacket(0, 100'000, 1000, &d);
  ia.onPacket(10'000, 100'500, 1000, &d);  // sent 10 ms later, arrived 0.5 ms later
  ia.onPacket(40'000, 140'000, 1000, &d);
  ASSERT_TRUE(ia.onPacket(80'000, 180'000, 1000, &d));
  EXPECT_EQ(ia.stats().groups, 2u);
  // Against the merged group's last packet (sent at 10 ms, arrived at 100.5 ms).
  EXPECT_EQ(d.sendDeltaUs, 30'000);
  EXPECT_EQ(d.arrivalDeltaUs, 39'500);
  EXPECT_EQ(d.sizeDeltaBytes, 1000 - 2000);
}

TEST(InterArrivalTest, ReorderedPacketsAreCountedAndIgnored) {
  InterArrival ia;
  InterArrival::Deltas d;
  ia.onPacket(0, 50'000, 100, &d);
  ia.onPacket(33'000, 83'000, 100, &d);
  EXPECT_FALSE(ia.onPacket(10'000, 84'000, 100, &d));  // sent before the current group
  EXPECT_EQ(ia.stats().reordered, 1u);
  ASSERT_TRUE(ia.onPacket(66'000, 116'000, 100, &d));
  EXPECT_EQ(d.sendDeltaUs, 33'000);
  EXPECT_EQ(d.sizeDeltaBytes, 0);
}

TEST(InterArrivalTest, LongSilenceOrClockGoingBackRestartsTheGrouping) {
  InterArrival ia;
  InterArrival::Deltas d;
  ia.onPacket(0, 50'000, 100, &d);
  ia.onPacket(33'000, 83'000, 100, &d);
  EXPECT_FALSE(ia.onPacket(10'000'000, 10'050'000, 100, &d));  // 10 s gap
  EXPECT_EQ(ia.stats().resets, 1u);
  EXPECT_FALSE(ia.onPacket(10'033'000, 10'083'000, 100, &d));
  EXPECT_TRUE(ia.onPacket(10'066'000, 10'116'000, 100, &d));
  EXPECT_FALSE(ia.onPacket(10'099'000, 1'000, 100, &d));  // arrival clock went back
  EXPECT_EQ(ia.stats().resets, 2u);
}

TEST(InterArrivalTest, DeltasStayRegularAcrossThe64SecondWrap) {
  AbsSendTimeUnwrapper unwrapper;
  InterArrival ia;
  int reports = 0;
  for (int f = 0; f < 120; ++f) {  // 62 s .. 66 s of send time
    for (int p = 0; p < 2; ++p) {
      const int64_t send = 62'000'000 + f * 33'000 + p * 1'000;
      const int64_t arrival = 1'000'000 + f * 33'000 + p * 1'000;
      InterArrival::Deltas d;
      if (ia.onPacket(unwrapper.unwrapUs(absSendTimeFromUs(send)), arrival, 1000, &d)) {
        ++reports;
        EXPECT_NEAR(static_cast<double>(d.sendDeltaUs), 33'000, 8) << f;
        EXPECT_EQ(d.arrivalDeltaUs, 33'000) << f;
      }
    }
  }
  EXPECT_EQ(reports, 118);
  EXPECT_EQ(ia.stats().resets, 0u);
  EXPECT_EQ(ia.stats().reordered, 0u);
}

}  // namespace
}  // namespace parley::congestion

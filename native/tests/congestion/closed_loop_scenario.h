// Test scenario: one sender and one receiver running the whole congestion
// control loop over a SimulatedNetwork with a bandwidth cap, on simulated
// time (no clock, no sleeps). The sender makes 30 fps "frames" of
// target/30 bytes, splits them into packets of at most 1200 bytes, paces
// them through PacketPacer and stamps abs-send-time as each one leaves; the
// receiver feeds ReceiveSideEstimator, returns REMBs and a loss report every
// second over a feedback path with a fixed one-way delay, and the sender
// feeds both into SendSideController. Reusable by other tests and the bench.
#ifndef PARLEY_TESTS_CONGESTION_CLOSED_LOOP_SCENARIO_H
#define PARLEY_TESTS_CONGESTION_CLOSED_LOOP_SCENARIO_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::test {

struct ClosedLoopConfig {
  int64_t capBps = 1'000'000;
  uint64_t startBitrateBps = 2'000'000;
  uint64_t maxBitrateBps = 2'500'000;
  int64_t durationUs = 30'000'000;
  int64_t oneWayDelayUs = 25'000;      // each direction, outside the bottleneck
  int64_t jitterUs = 0;                // extra uniform [0, jitterUs] after the bottleneck, in order
  double randomLoss = 0;               // lost on the link regardless of the rate (radio, say)
  size_t queueLimitBytes = 64'000;     // the bottleneck's buffer
  size_t perPacketOverheadBytes = 28;  // IPv4 + UDP at the bottleneck
  int64_t settleDeadlineUs = 5'000'000;
  int64_t reportIntervalUs = 1'000'000;
  double frameRate = 30;
  uint64_t seed = 7;
};

struct ClosedLoopResult {
  // First time from which the target stays below the cap to the end; -1 if never.
  int64_t settleUs = -1;
  uint64_t finalTargetBps = 0;
  uint64_t minTargetAfterDeadlineBps = 0;
  uint64_t maxTargetAfterDeadlineBps = 0;
  uint64_t meanTargetAfterDeadlineBps = 0;
  // Over packets sent after settleDeadlineUs: dropped at the full
  // bottleneck queue (congestion loss; randomLoss is not counted).
  double lossAfterDeadline = 0;
  int64_t p95QueueDelayUs = 0;  // waiting + serialization at the bottleneck
  int64_t maxQueueDelayUs = 0;
  uint64_t packetsSent = 0;
  uint64_t packetsLost = 0;  // all, startup included
  uint64_t rembsSent = 0;
  uint64_t pacerDrops = 0;
  double goodputAfterDeadlineBps = 0;  // received bits after the deadline per second
};

ClosedLoopResult runClosedLoop(const ClosedLoopConfig& config);

}  // namespace parley::test

#endif  // PARLEY_TESTS_CONGESTION_CLOSED_LOOP_SCENARIO_H

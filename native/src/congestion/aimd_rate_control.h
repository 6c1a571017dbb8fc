// The remote rate controller of draft-ietf-rmcat-gcc-02 section 5.5: turns
// the over-use detector's signal into the delay-based estimate A_hat with an
// increase / hold / decrease state machine.
#ifndef PARLEY_CONGESTION_AIMD_RATE_CONTROL_H
#define PARLEY_CONGESTION_AIMD_RATE_CONTROL_H

#include <cstdint>

#include "congestion/overuse_detector.h"

namespace parley::congestion {

// Section 5.5 state machine (signal x state -> new state):
//   over-use  -> Decrease (from any state; a decrease is applied once, then Hold)
//   normal    -> Increase from Hold, stays Increase
//   under-use -> Hold (the queues are draining: let them)
// Increase is multiplicative (eta = 1.08 per second) while the path's
// capacity is unknown, and additive (half an expected packet per response
// time, 100 ms + RTT) once a decrease has taught it, until the incoming rate
// leaves the average rate at decreases +- 3 standard deviations. Decrease
// sets A_hat = beta * R_hat (R_hat the incoming bitrate). A_hat never grows
// past 1.5 * R_hat and stays within [minBitrateBps, maxBitrateBps].
//
// Two refinements over the draft, both measured in the closed-loop test
// (tests/congestion/closed_loop_test.cpp):
//  - no increase while R_hat > 1.05 * A_hat: the path delivers more than the
//    sender was told to send, so a queue is still emptying; increasing as
//    soon as the gradient looks flat refills it (after a start above the
//    capacity the queue then never drains). A sender that ignores the REMB
//    and keeps sending above it therefore pins the estimate until it obeys.
//  - above the learnt ceiling the additive step is a quarter: the path is
//    full or nearly so, and a slower probe lets the detector see the queue
//    start while the overshoot is still a percent or two.
//
// The estimate starts "uninitialized": the first update() with a known
// incoming bitrate sets A_hat from it (the start bitrate says nothing about
// the path). The caller passes 0 as incoming bitrate while it has none.
// Time only enters through arguments. Not thread-safe.
class AimdRateControl {
 public:
  struct Config {
    uint64_t minBitrateBps = 30'000;
    uint64_t maxBitrateBps = 2'500'000;
    uint64_t startBitrateBps = 300'000;
    double beta = 0.85;
    double multiplicativeIncreasePerSecond = 1.08;
  };

  enum class State { kHold, kIncrease, kDecrease };

  AimdRateControl() : AimdRateControl(Config{}) {}
  explicit AimdRateControl(const Config& config);

  void setRttMs(int64_t rttMs);
  // Applies one detector signal; returns the new estimate.
  uint64_t update(BandwidthUsage usage, uint64_t incomingBps, int64_t nowUs);
  uint64_t estimateBps() const { return static_cast<uint64_t>(estimate_); }
  bool initialized() const { return initialized_; }
  State state() const { return state_; }
  // True once a decrease has taught the controller the path's ceiling and
  // the incoming rate has not left it since (section 5.5).
  bool nearConvergence() const { return avgMaxKbps_ >= 0; }

 private:
  void transition(BandwidthUsage usage);
  double multiplicativeIncrease(int64_t nowUs) const;
  double additiveIncrease(int64_t nowUs) const;
  void trackDecreaseRate(double incomingBps);
  double stdMaxKbps() const;
  double clamp(double bps) const;

  Config config_;
  double estimate_;
  bool initialized_ = false;
  State state_ = State::kHold;
  int64_t rttMs_ = 100;
  int64_t lastUpdateUs_ = -1;
  // Average and normalized variance of the incoming rate at decreases, in
  // kbps (section 5.5: "the average of the incoming bitrate at over-use").
  double avgMaxKbps_ = -1;
  double varMaxKbps_ = 0.4;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_AIMD_RATE_CONTROL_H

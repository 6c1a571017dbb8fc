// Sender-side rate control of one session: combines the receiver's
// delay-based estimate (REMB) with the loss it reports in RTCP receiver
// reports (draft-ietf-rmcat-gcc-02 section 6) into one target bitrate kept
// between a floor and a ceiling.
#ifndef PARLEY_CONGESTION_SEND_SIDE_CONTROLLER_H
#define PARLEY_CONGESTION_SEND_SIDE_CONTROLLER_H

#include <cstddef>
#include <cstdint>
#include <deque>

namespace parley::congestion {

// Contract (implemented in send_side_controller.cpp): the session's RTCP
// agent calls onRemb() for each REMB addressed to our streams and
// onReportBlock() for each RTCP report block about one of our streams; the
// session reads targetBitrateBps() after either and hands it to the bitrate
// allocator. Time only enters through arguments. Not thread-safe.
//
// Loss-based rule (section 6), judged on the loss of the reports since the
// last judgement once they cover at least minPacketsPerUpdate packets (the
// fractions averaged weighted by packetsExpected, so a report about 3 packets
// does not swing the rate):
//   loss > 10%: target *= (1 - 0.5 * loss), at most once per 300 ms + RTT;
//   loss <  2%: the target may grow to 1.08 * (its lowest value over the last
//               increaseIntervalUs) + 1 kbps: at most 8% a second, and it
//               follows a rising REMB as soon as the REMB arrives rather
//               than in one step a second (which would overshoot the path);
//   otherwise hold.
// The target never exceeds the last REMB (the delay-based estimate, sections
// 5 and 7) once one is known, and stays within [minBitrateBps, maxBitrateBps].
class SendSideController {
 public:
  struct Config {
    uint64_t minBitrateBps = 50'000;     // floor
    uint64_t maxBitrateBps = 2'000'000;  // ceiling
    uint64_t startBitrateBps = 800'000;
    int64_t minPacketsPerUpdate = 20;
    int64_t increaseIntervalUs = 1'000'000;
  };

  explicit SendSideController(const Config& config);

  void onRemb(uint64_t bitrateBps, int64_t nowUs);
  // fractionLost is the 8-bit fixed-point fraction of an RTCP report block
  // (RFC 3550 section 6.4.1); packetsExpected the number of packets of ours
  // the interval covered (difference of extended highest sequence numbers).
  void onReportBlock(uint8_t fractionLost, int64_t packetsExpected, int64_t rttMs, int64_t nowUs);
  uint64_t targetBitrateBps() const;
  uint64_t lastRembBps() const;  // 0 before the first REMB
  double lastLossFraction() const;

 private:
  Config config_;
  uint64_t target_;
  uint64_t remb_ = 0;
  double lossFraction_ = 0;
  int64_t lastDecreaseUs_ = -1;
  int64_t rttMs_ = 100;
  double lostAccumulated_ = 0;     // sum of loss * packetsExpected since the last judgement
  int64_t expectedAccumulated_ = 0;
  // Targets in force over the last increaseIntervalUs (time set, value);
  // bounded by kMaxHistory.
  struct Sample {
    int64_t timeUs;
    uint64_t bps;
  };
  std::deque<Sample> history_;
  static constexpr size_t kMaxHistory = 256;

  uint64_t clampTarget(double bps) const;
  void setTarget(uint64_t bps, int64_t nowUs);
  uint64_t lowestRecentTarget(int64_t nowUs);
  void update(bool newLossFigure, int64_t nowUs);
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_SEND_SIDE_CONTROLLER_H

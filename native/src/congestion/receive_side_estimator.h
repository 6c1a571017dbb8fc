// Receive-side, delay-based bandwidth estimate of one session (the receiving
// half of Google Congestion Control, draft-ietf-rmcat-gcc-02 section 5),
// reported to the sender in REMB messages (draft-alvestrand-rmcat-remb-03).
#ifndef PARLEY_CONGESTION_RECEIVE_SIDE_ESTIMATOR_H
#define PARLEY_CONGESTION_RECEIVE_SIDE_ESTIMATOR_H

#include <cstddef>
#include <cstdint>

namespace parley::congestion {

// Contract (implemented in receive_side_estimator.cpp):
//  - onPacket() for every RTP packet received in the session (audio, video,
//    retransmissions), with the 24-bit abs-send-time the sender stamped on it
//    (see abs_send_time.h), its local arrival time and its whole size;
//  - rembDue() is polled by the session's RTCP agent; it answers true when a
//    REMB should go out now (right away after a decrease of more than 3%,
//    otherwise periodically: every 200 ms at rates where 5% of the estimate
//    carries a REMB that often, at most a second apart) with the bitrate to
//    put in it. Nothing is due until 500 ms of traffic has been measured.
// Time only enters through arguments (one monotonic clock, microseconds).
// Not thread-safe: the caller serialises the calls. Bounded memory.
class ReceiveSideEstimator {
 public:
  struct Config {
    uint64_t minBitrateBps = 30'000;
    uint64_t maxBitrateBps = 2'500'000;
    uint64_t startBitrateBps = 300'000;
  };

  explicit ReceiveSideEstimator(const Config& config);
  ~ReceiveSideEstimator();
  ReceiveSideEstimator(const ReceiveSideEstimator&) = delete;
  ReceiveSideEstimator& operator=(const ReceiveSideEstimator&) = delete;

  void onPacket(int64_t arrivalUs, uint32_t absSendTime24, size_t sizeBytes);
  // The current RTT, used by the AIMD rate control's response time.
  void setRttMs(int64_t rttMs);
  bool rembDue(int64_t nowUs, uint64_t* bitrateBps);
  uint64_t estimateBps() const;
  // Received bitrate over the last 500 ms window.
  uint64_t incomingBitrateBps(int64_t nowUs) const;

 private:
  struct State;
  State* state_;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_RECEIVE_SIDE_ESTIMATOR_H

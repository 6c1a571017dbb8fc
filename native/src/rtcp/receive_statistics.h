// Reception statistics of incoming RTP streams, as RFC 3550 appendix A keeps
// them, turned into the report blocks of our SR/RR (section 6.4.1):
//
// - A.1: sequence number validation, with probation of a new source
//   (MIN_SEQUENTIAL = 2 packets in sequence before it counts), the cycle
//   count of the 16-bit sequence number, and a restart when a large jump is
//   confirmed by the packet after it (MAX_DROPOUT = 3000, MAX_MISORDER = 100).
// - A.3: expected = extended highest - base + 1; cumulative lost = expected -
//   received (duplicates count as received, so it can go below 0); fraction
//   lost over the interval since the previous report block, in 1/256.
// - A.8: interarrival jitter J += (|D(i-1, i)| - J) / 16, where D is the
//   change in transit time (arrival in RTP units - RTP timestamp).
//
// Time is injected: every call takes nowUs (any monotonic microsecond clock).
// Not thread-safe: one owner, the thread that receives RTP and sends RTCP.
#ifndef PARLEY_RTCP_RECEIVE_STATISTICS_H
#define PARLEY_RTCP_RECEIVE_STATISTICS_H

#include <cstdint>
#include <map>
#include <vector>

#include "rtcp/rtcp_packets.h"

namespace parley::rtcp {

// The statistics of one incoming SSRC.
class StreamStatistics {
 public:
  static constexpr int kMinSequential = 2;
  static constexpr uint16_t kMaxDropout = 3000;
  static constexpr uint16_t kMaxMisorder = 100;

  // clockRate: the RTP timestamp rate of the stream's payload type (90000
  // for video, 48000 for Opus), > 0.
  StreamStatistics(uint32_t ssrc, uint32_t clockRate);

  // Counts one received RTP packet. Returns false when A.1 does not count it
  // (the source is on probation, or the packet is a jump not yet confirmed);
  // the caller may still use the packet's media.
  bool onRtpPacket(uint16_t sequenceNumber, uint32_t rtpTimestamp, int64_t nowUs);

  // Remembers an SR received from this source, for LSR and DLSR.
  void onSenderReport(uint64_t ntpTimestamp, int64_t nowUs);

  // The report block for this source at nowUs. Starts a new interval for the
  // fraction lost: call it once per RTCP report sent.
  ReportBlock makeReportBlock(int64_t nowUs);

  bool valid() const { return probation_ == 0; }
  uint32_t ssrc() const { return ssrc_; }
  uint32_t extendedHighestSequence() const { return cycles_ + maxSeq_; }
  int64_t expected() const;
  int64_t received() const { return received_; }
  int64_t cumulativeLost() const { return expected() - received_; }
  // Interarrival jitter in RTP timestamp units, truncated (as reported).
  uint32_t jitter() const { return static_cast<uint32_t>(jitter_); }
  // Same, unrounded (the J of A.8).
  double jitterExact() const { return jitter_; }

 private:
  void initSequence(uint16_t seq);
  bool updateSequence(uint16_t seq);
  void updateJitter(uint32_t rtpTimestamp, int64_t nowUs);

  uint32_t ssrc_;
  uint32_t clockRate_;
  // A.1 source state.
  bool seen_ = false;
  uint16_t maxSeq_ = 0;
  uint32_t cycles_ = 0;  // shifted count of sequence number cycles
  uint32_t baseSeq_ = 0;
  uint32_t badSeq_ = 0;
  int probation_ = kMinSequential;
  int64_t received_ = 0;
  int64_t expectedPrior_ = 0;
  int64_t receivedPrior_ = 0;
  // A.8 state.
  bool haveTransit_ = false;
  uint32_t transit_ = 0;
  double jitter_ = 0;
  // Last SR received: middle 32 bits of its NTP time and when it arrived.
  uint32_t lastSr_ = 0;
  int64_t lastSrArrivalUs_ = 0;
};

// All incoming SSRCs of a session.
class ReceiveStatistics {
 public:
  // clockRate: the RTP rate every new SSRC is created with.
  explicit ReceiveStatistics(uint32_t clockRate) : clockRate_(clockRate) {}

  bool onRtpPacket(uint32_t ssrc, uint16_t sequenceNumber, uint32_t rtpTimestamp, int64_t nowUs);
  void onSenderReport(uint32_t ssrc, uint64_t ntpTimestamp, int64_t nowUs);
  // One block per validated source (at most 31, lowest SSRCs first: the rest
  // waits for a later report, RFC 3550 section 6.4).
  std::vector<ReportBlock> makeReportBlocks(int64_t nowUs);
  // nullptr for an SSRC never seen.
  const StreamStatistics* stream(uint32_t ssrc) const;
  void removeStream(uint32_t ssrc) { streams_.erase(ssrc); }  // on BYE

 private:
  StreamStatistics& streamFor(uint32_t ssrc);

  uint32_t clockRate_;
  std::map<uint32_t, StreamStatistics> streams_;
};

}  // namespace parley::rtcp

#endif  // PARLEY_RTCP_RECEIVE_STATISTICS_H

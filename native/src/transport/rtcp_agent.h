// The RTCP side of one media session (RFC 3550 section 6, RFC 4585 AVPF):
// what we report, when, and what the peer's reports and feedback mean.
//
// Outgoing, regular compounds (RFC 3550 section 6.1), every randomized
// interval of section 6.3 / appendix A.7 (rtcp/rtcp_interval.h, reduced
// minimum of section 6.2 allowed):
//
//   [SR of our first stream that sent since the last report | RR]
//       with one report block per validated remote source (max 31)
//   [SR of each other send stream that sent]   (lip sync needs one per SSRC)
//   SDES: a CNAME chunk per SSRC above
//   [REMB] [NACK...] [PLI...]                  (whatever feedback is pending)
//
// Early feedback (RFC 4585 section 3.5): a NACK, PLI or urgent REMB makes a
// compound "RR (no blocks) + SDES + feedback" due at once, but never closer
// than minFeedbackSpacingUs to the previous one; the rest waits for it.
//
// Incoming compounds: SR (LSR for our report blocks, NTP/RTP pair to the
// listener for lip sync), report blocks about our SSRCs (RTT from LSR/DLSR
// with rtcp::RttEstimator, loss and packets expected to the listener), NACK
// and PLI about our SSRCs, REMB, BYE. A compound that does not parse is
// counted and dropped whole (RFC 3550 appendix A.2).
//
// A plain data structure: time only through nowUs arguments, wall clock as
// an offset in the config (NTP = unix time = nowUs + unixOffsetUs); not
// thread-safe (the session serialises the calls). Listener calls happen
// inside onRtcpPacket().
#ifndef PARLEY_TRANSPORT_RTCP_AGENT_H
#define PARLEY_TRANSPORT_RTCP_AGENT_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtcp/receive_statistics.h"
#include "rtcp/rtcp_interval.h"
#include "rtcp/rtcp_packets.h"
#include "rtcp/rtt_estimator.h"

namespace parley::transport {

class RtcpAgent {
 public:
  struct Config {
    std::string cname = "parley";
    // The SSRC our RR and feedback come from when no send stream has sent;
    // non-zero.
    uint32_t localSsrc = 1;
    double sessionBandwidthBps = 1'000'000;  // b=AS of the session, bits/s
    bool reducedMinimum = true;              // RFC 3550 section 6.2: Tmin = 360 / kbps
    int64_t minFeedbackSpacingUs = 10'000;   // between two early feedback compounds
    size_t maxPendingNacksPerSsrc = 256;     // oldest dropped beyond (counted)
    int64_t unixOffsetUs = 0;                // unix time in us = nowUs + unixOffsetUs
    rtcp::UniformRandom random;              // empty: a seeded generator of our own
  };

  // Events from received RTCP. Do-nothing defaults.
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void onRtcpAgentSenderReport(uint32_t /*ssrc*/, uint64_t /*ntp*/, uint32_t /*rtpTs*/,
                                         int64_t /*arrivalUs*/) {}
    // A report block about our send stream `block.ssrc`. packetsExpected: our
    // packets the block's interval covers (0 for the first block of a
    // stream); rttUs when the block allowed an RTT.
    virtual void onRtcpAgentReportBlock(const rtcp::ReportBlock& /*block*/,
                                        int64_t /*packetsExpected*/,
                                        std::optional<int64_t> /*rttUs*/, int64_t /*nowUs*/) {}
    virtual void onRtcpAgentNack(uint32_t /*mediaSsrc*/, const std::vector<uint16_t>& /*seqs*/,
                                 int64_t /*nowUs*/) {}
    virtual void onRtcpAgentPli(uint32_t /*mediaSsrc*/, int64_t /*nowUs*/) {}
    virtual void onRtcpAgentRemb(uint64_t /*bitrateBps*/, int64_t /*nowUs*/) {}
    virtual void onRtcpAgentBye(uint32_t /*ssrc*/) {}
  };

  struct Stats {
    uint64_t compoundsSent = 0;
    uint64_t srSent = 0;
    uint64_t rrSent = 0;
    uint64_t earlyFeedbackSent = 0;  // compounds sent ahead of the regular interval
    uint64_t nacksSent = 0;          // NACK packets
    uint64_t nackedPacketsSent = 0;  // sequence numbers asked for
    uint64_t plisSent = 0;
    uint64_t rembsSent = 0;
    uint64_t byesSent = 0;
    uint64_t nacksDropped = 0;  // pending NACK bound
    uint64_t compoundsReceived = 0;
    uint64_t malformedReceived = 0;
    uint64_t srReceived = 0;
    uint64_t rrReceived = 0;
    uint64_t nacksReceived = 0;
    uint64_t nackedPacketsReceived = 0;
    uint64_t plisReceived = 0;
    uint64_t rembsReceived = 0;
    uint64_t byesReceived = 0;
  };

  RtcpAgent(const Config& config, Listener& listener, int64_t nowUs);

  // Our streams: SRs go out for those that sent.
  void addSendStream(uint32_t ssrc, uint32_t clockRate);
  // One RTP packet of ours left (payloadBytes: RTP payload octets, for the
  // SR octet count). rtpTimestamp/nowUs anchor the SR's RTP time.
  void onRtpSent(uint32_t ssrc, uint32_t rtpTimestamp, size_t payloadBytes, int64_t nowUs);
  // One RTP packet of a remote source arrived (after unwrapping RTX).
  void onRtpReceived(uint32_t ssrc, uint32_t clockRate, uint16_t sequenceNumber,
                     uint32_t rtpTimestamp, int64_t nowUs);

  // Feedback to send (early, see above).
  void requestNack(uint32_t mediaSsrc, const std::vector<uint16_t>& sequenceNumbers);
  void requestPli(uint32_t mediaSsrc);
  // REMB for the next compound; urgent makes it early feedback.
  void setRemb(uint64_t bitrateBps, const std::vector<uint32_t>& ssrcs, bool urgent);

  // A received RTCP compound (after SRTCP unprotect). false when malformed.
  bool onRtcpPacket(const uint8_t* data, size_t size, int64_t nowUs);

  // The compound due at nowUs (regular or early), into *out; false if none.
  bool buildDue(int64_t nowUs, std::vector<uint8_t>* out);
  // When buildDue() will next have something.
  int64_t nextDueUs() const;
  // RR/SR + SDES + BYE for all our SSRCs (RFC 3550 section 6.6), on stop.
  bool buildBye(int64_t nowUs, std::vector<uint8_t>* out);

  // Reception statistics of a remote SSRC (nullptr if never seen).
  const rtcp::StreamStatistics* receiveStream(uint32_t ssrc) const;
  std::optional<int64_t> rttUs() const { return rtt_.lastRttUs(); }
  const Stats& stats() const { return stats_; }
  uint64_t ntpAt(int64_t nowUs) const;

 private:
  struct SendStream {
    uint32_t ssrc = 0;
    uint32_t clockRate = 90000;
    bool sentSinceReport = false;
    bool everSent = false;
    uint32_t lastRtpTimestamp = 0;
    int64_t lastRtpUs = 0;
    uint32_t packetCount = 0;
    uint32_t octetCount = 0;
    bool haveExtendedHighest = false;
    uint32_t lastExtendedHighest = 0;  // from the peer's previous block about it
  };

  SendStream* sendStream(uint32_t ssrc);
  void buildReports(int64_t nowUs, bool withBlocks, std::vector<rtcp::RtcpPacket>* packets);
  void appendFeedback(std::vector<rtcp::RtcpPacket>* packets);
  bool hasPendingFeedback() const;
  bool hasUrgentFeedback() const;
  void scheduleNext(int64_t nowUs);
  bool finish(const std::vector<rtcp::RtcpPacket>& packets, std::vector<uint8_t>* out);
  void handleReportBlocks(const std::vector<rtcp::ReportBlock>& blocks, int64_t nowUs);

  Config config_;
  Listener& listener_;
  std::vector<SendStream> sendStreams_;
  std::map<uint32_t, rtcp::ReceiveStatistics> receiveStats_;  // by clock rate
  std::map<uint32_t, uint32_t> remoteClockRate_;             // remote SSRC -> its clock rate
  rtcp::RttEstimator rtt_;
  bool initial_ = true;
  bool weSentPrevious_ = false;
  double averageRtcpSize_ = 100;
  int64_t nextReportUs_ = 0;
  int64_t lastFeedbackUs_ = INT64_MIN / 2;
  std::map<uint32_t, std::vector<uint16_t>> pendingNacks_;
  std::vector<uint32_t> pendingPlis_;
  std::optional<rtcp::Remb> pendingRemb_;
  bool rembUrgent_ = false;
  uint64_t rngState_ = 0x9E3779B97F4A7C15ull;
  Stats stats_;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_RTCP_AGENT_H

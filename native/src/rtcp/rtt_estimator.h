// Round-trip time from the report blocks that come back for our Sender
// Reports (RFC 3550 section 6.4.1), and the NTP time conversions it needs.
//
// A receiver puts in its report block LSR, the middle 32 bits of the NTP
// timestamp of the last SR it got from us, and DLSR, how long it held that
// SR before sending the block, both in units of 1/65536 s. When the block
// arrives at time A (same units, same clock as our SR):
//
//        [our SR sent at LSR]                [block arrives at A]
//   us   ---------+-------------------------------------+---------->
//                  \                                   ^
//                   \ network                 network /
//                    v                               /
//   peer  -------------+-------- DLSR --------------+------------->
//
//   RTT = A - LSR - DLSR
//
// NTP timestamps (RFC 5905 section 6) are 32.32 fixed point seconds since
// 1900-01-01; the "compact" form (middle 32 bits) is 16.16 seconds.
#ifndef PARLEY_RTCP_RTT_ESTIMATOR_H
#define PARLEY_RTCP_RTT_ESTIMATOR_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

#include "rtcp/rtcp_packets.h"

namespace parley::rtcp {

// Seconds from the NTP epoch (1900) to the Unix epoch (1970).
inline constexpr uint64_t kNtpUnixEpochOffsetSeconds = 2208988800u;

// Unix time in microseconds (>= 0) to a 64-bit NTP timestamp, and back.
uint64_t ntpFromUnixUs(int64_t unixUs);
int64_t unixUsFromNtp(uint64_t ntp);
// The middle 32 bits of an NTP timestamp: what LSR carries.
constexpr uint32_t compactNtp(uint64_t ntp) { return static_cast<uint32_t>(ntp >> 16); }
// A duration in microseconds to 1/65536 s (rounded to nearest; below 0 gives
// 0, beyond the 32-bit range saturates), as DLSR carries it.
uint32_t durationToCompactNtp(int64_t us);
// 1/65536 s units to microseconds, rounded to nearest.
int64_t compactNtpToUs(uint32_t units);

// RTT = arrival - LSR - DLSR in 1/65536 s, all three in compact NTP. Empty
// when LSR is 0 (the peer has had no SR from us) or the result is negative
// (clocks of coarse granularity, or a bogus DLSR).
std::optional<uint32_t> roundTripTime(uint32_t arrivalCompactNtp, uint32_t lastSr,
                                      uint32_t delaySinceLastSr);

// Keeps the NTP times of the last Sender Reports we sent and computes the RTT
// from each report block about one of our SSRCs. Not thread-safe.
class RttEstimator {
 public:
  // How many sent SRs are remembered: a block whose LSR names an older (or
  // never sent) SR is ignored.
  static constexpr size_t kSentReportsKept = 16;

  // Call with the NTP timestamp written into each SR we send.
  void onSenderReportSent(uint64_t ntpTimestamp);

  // A report block about our stream arrived at arrivalNtp (our NTP clock).
  // Returns the RTT in 1/65536 s and remembers it, or empty when the block
  // does not allow one (LSR 0, unknown, or a negative result).
  std::optional<uint32_t> onReportBlock(const ReportBlock& block, uint64_t arrivalNtp);

  // The last RTT computed, in microseconds.
  std::optional<int64_t> lastRttUs() const;

 private:
  std::deque<uint32_t> sentCompactNtp_;
  std::optional<uint32_t> lastRtt_;
};

}  // namespace parley::rtcp

#endif  // PARLEY_RTCP_RTT_ESTIMATOR_H

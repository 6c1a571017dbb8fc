// The RTCP report interval of RFC 3550 section 6.3.1 and appendix A.7
// (rtcp_interval()), with the reduced minimum of section 6.2 and the trr-int
// floor of RFC 4585 section 3.4 (AVPF).
//
//   rtcp_bw = 5% of the session bandwidth (section 6.2)
//   if senders <= 25% of members:
//     we sent:   rtcp_bw *= 25%, n = senders
//     otherwise: rtcp_bw *= 75%, n = members - senders
//   else n = members
//   Td = max(Tmin, avg_rtcp_size * n / rtcp_bw)        (deterministic)
//   T  = Td * U(0.5, 1.5) / (e - 3/2)                  (randomized)
//
// Tmin is 5 s, or with the reduced minimum 360 / session bandwidth in kbit/s
// seconds (section 6.2); it is halved before the first report ("initial").
// e - 3/2 compensates for the timer reconsideration algorithm converging to
// a value below the average (section 6.3.1). With AVPF a trr-int (RFC 4585
// section 3.4, a=rtcp-fb:* trr-int) keeps regular reports at least that far
// apart: Td is raised to it.
#ifndef PARLEY_RTCP_RTCP_INTERVAL_H
#define PARLEY_RTCP_RTCP_INTERVAL_H

#include <functional>

namespace parley::rtcp {

inline constexpr double kRtcpBandwidthFraction = 0.05;
inline constexpr double kRtcpSenderBandwidthFraction = 0.25;
inline constexpr double kRtcpReceiverBandwidthFraction = 1.0 - kRtcpSenderBandwidthFraction;
inline constexpr double kRtcpMinIntervalSeconds = 5.0;
inline constexpr double kRtcpCompensation = 2.71828182845904523536 - 1.5;

struct RtcpIntervalParams {
  double sessionBandwidthBps = 0;    // the session's media bandwidth (SDP b=AS), bits/s
  int members = 1;                   // including us
  int senders = 0;                   // including us when weSent
  bool weSent = false;               // we sent RTP since the report before last
  double averageRtcpSizeOctets = 0;  // avg_rtcp_size, UDP and IP headers included
  bool initial = true;               // no RTCP sent yet
  bool reducedMinimum = false;       // Tmin = 360 / kbps (section 6.2) instead of 5 s
  double trrIntSeconds = 0;          // RFC 4585 trr-int; 0 when not negotiated
};

// Tmin before halving: 5 s, or 360 / (session kbit/s) when reducedMinimum
// (and the session bandwidth is known, > 0).
double rtcpMinimumIntervalSeconds(const RtcpIntervalParams& params);

// Td: the interval before randomization and compensation, in seconds.
double deterministicRtcpIntervalSeconds(const RtcpIntervalParams& params);

// Returns a uniform random number in [0, 1) (drand48() in A.7). Production
// passes a real generator; tests a fixed sequence.
using UniformRandom = std::function<double()>;

// T = Td * (random + 0.5) / (e - 1.5), in seconds.
double randomizedRtcpIntervalSeconds(const RtcpIntervalParams& params, const UniformRandom& random);

}  // namespace parley::rtcp

#endif  // PARLEY_RTCP_RTCP_INTERVAL_H

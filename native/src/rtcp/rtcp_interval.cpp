// RFC 3550 appendix A.7 rtcp_interval(); see rtcp_interval.h.
#include "rtcp/rtcp_interval.h"

#include <algorithm>

namespace parley::rtcp {

double rtcpMinimumIntervalSeconds(const RtcpIntervalParams& p) {
  if (p.reducedMinimum && p.sessionBandwidthBps > 0) {
    return 360.0 / (p.sessionBandwidthBps / 1000.0);
  }
  return kRtcpMinIntervalSeconds;
}

double deterministicRtcpIntervalSeconds(const RtcpIntervalParams& p) {
  double minimum = rtcpMinimumIntervalSeconds(p);
  if (p.initial) minimum /= 2;

  // Octets per second for RTCP, split between senders and receivers when
  // senders are few.
  double rtcpBandwidth = p.sessionBandwidthBps / 8.0 * kRtcpBandwidthFraction;
  double n = std::max(p.members, 1);
  if (p.senders <= p.members * kRtcpSenderBandwidthFraction) {
    if (p.weSent) {
      rtcpBandwidth *= kRtcpSenderBandwidthFraction;
      n = p.senders;
    } else {
      rtcpBandwidth *= kRtcpReceiverBandwidthFraction;
      n = p.members - p.senders;
    }
  }
  double t = rtcpBandwidth > 0 ? p.averageRtcpSizeOctets * n / rtcpBandwidth : minimum;
  t = std::max(t, minimum);
  return std::max(t, p.trrIntSeconds);
}

double randomizedRtcpIntervalSeconds(const RtcpIntervalParams& p, const UniformRandom& random) {
  return deterministicRtcpIntervalSeconds(p) * (random() + 0.5) / kRtcpCompensation;
}

}  // namespace parley::rtcp

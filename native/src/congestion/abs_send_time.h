// The abs-send-time RTP header extension
// (http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time): a 3-octet
// RFC 8285 element holding the send time as 6.18 fixed-point seconds
// (24 bits, wraps every 64 s), stamped by the sender at the moment the packet
// leaves and read by the receive-side estimator.
#ifndef PARLEY_CONGESTION_ABS_SEND_TIME_H
#define PARLEY_CONGESTION_ABS_SEND_TIME_H

#include <cstdint>

namespace parley::congestion {

inline constexpr uint8_t kAbsSendTimeExtensionId = 3;  // negotiated with a=extmap (RFC 8285)
inline constexpr const char* kAbsSendTimeUri =
    "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

// 6.18 fixed point of the time in seconds, modulo 64 s.
inline uint32_t absSendTimeFromUs(int64_t timeUs) {
  // (us << 18) / 1e6, kept in 64 bits before the 24-bit mask.
  return static_cast<uint32_t>(((static_cast<uint64_t>(timeUs) << 18) / 1'000'000) & 0xFFFFFF);
}

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_ABS_SEND_TIME_H
